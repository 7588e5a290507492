// The curation path from a file: a curator adds a document from a small .txt file through the
// file input, sees its figures, and records an observation of a place under a program from a
// figure whose year is stated only in an earlier sentence; GraphQL shows the place, the program
// and the year marked as inferred, with where it was read from, in both languages.

const FILE_TEXT = '2019年，赤峰市啟動小額扶貧貸款試點。\n全市當年減少貧困人口3000多人。\n';
const PLACE = '150400';

export async function uploadAndObservePlace(page, t) {
  const documentId = await uploadDocument(page, t);
  await observePlace(page);
  await checkObservation(documentId, t);
}

/** Adds the document from a file (no pasted text) and waits for its figures. */
async function uploadDocument(page, { server, assert, shot }) {
  await page.goto(`${server.url}/documents`);
  await page.locator('.add-document-link').click();
  const form = page.locator('form.add-document');
  await form.locator('input[name="title"]').fill('赤峰市小額扶貧貸款簡報（上傳測試）');
  await form.locator('select').selectOption('zh-Hant');
  await form.locator('input[name="file"]').setInputFiles({
    name: 'chifeng-notice.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(FILE_TEXT, 'utf8'),
  });
  await form.locator('button[type="submit"]').click();
  await page.waitForURL(/\/curate/);
  await page.locator('.figure', { hasText: '3000多人' }).waitFor();
  const text = await page.locator('.curate-text').textContent();
  assert(text.includes('全市當年減少貧困人口3000多人'), `the text reads: ${JSON.stringify(text)}`);
  const count = await page.locator('.figure-count').textContent();
  assert(/^0 \/ [1-9]\d* 个数字已引用$/.test(count), `counter: ${count}`);
  await shot(page, 'curate-uploaded');
  const id = /\/documents\/([^/]+)\/curate/.exec(new URL(page.url()).pathname)?.[1];
  assert(id, `no document id in ${page.url()}`);
  return decodeURIComponent(id);
}

/** An observation of the place, under the program; the year comes from the first sentence. */
async function observePlace(page) {
  await page.locator('.figure', { hasText: '3000多人' }).click();
  const form = page.locator('form.record-form');
  await form.locator('input[value="OBSERVATION"]').waitFor();
  const year = form.locator('[data-field="year"]');
  if ((await year.locator('input').inputValue()) !== '2019') throw new Error('year not prefilled');
  await year.locator('.inferred').waitFor();
  await form.locator('[data-field="metric"] input').fill('registered_poor_population_reduction');
  for (const [field, name] of [
    ['regionCode', '赤峰'],
    ['programId', '小额扶贫贷款'],
  ]) {
    await form.locator(`[data-field="${field}"] input`).fill(name);
    await form.locator(`[data-field="${field}"] .picker-hits button`).first().click();
    await form.locator(`[data-field="${field}"] .picked`).waitFor();
  }
  await form.locator('button[type="submit"]').click();
  await page.locator('.figure.cited', { hasText: '3000多人' }).waitFor();
}

async function checkObservation(documentId, { server, gql, assert }) {
  const data = await gql(
    server.url,
    `query($id: ID!) { node(id: $id) { ... on Document { citations(first: 10) { edges { node {
      quote observation { year actor { id } region { code } program { name }
        inferred { field note noteZh } } } } } } } }`,
    { id: documentId },
  );
  const cited = data.node.citations.edges.map((e) => e.node).find((c) => c.observation);
  assert(cited?.quote === '3000多人', `cited: ${JSON.stringify(cited)}`);
  const o = cited.observation;
  assert(o.year === 2019 && o.actor === null, `year, actor: ${JSON.stringify(o)}`);
  assert(o.region?.code === PLACE, `region: ${JSON.stringify(o.region)}`);
  assert(o.program?.name === '小额扶贫贷款', `program: ${JSON.stringify(o.program)}`);
  const [year, ...more] = o.inferred;
  assert(year?.field === 'year' && more.length === 0, `inferred: ${JSON.stringify(o.inferred)}`);
  assert(
    year.note.includes('earlier sentence') && year.note.includes('2019年，赤峰市啟動'),
    `the note says not where the year was read: ${year.note}`,
  );
  assert(year.noteZh?.includes('取自前文'), `the Chinese note: ${year.noteZh}`);
}
