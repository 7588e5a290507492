// What a reader sees at a glance: no English on Chinese pages, not-found for missing ids,
// ribbons that open their flows, a visible focus ring, and figures that say "not reported".

/** Upper-case enum words (RETAINED, DISBURSED) or two English words in a row. */
const ENGLISH = /\b[A-Z][A-Z_]{3,}\b|\b[A-Za-z]{3,} [a-z]{3,}\b/;

export async function readerChecks(ctx) {
  const { server, withPage, gql, assert, treasuryFlow } = ctx;
  const { actors } = await gql(server.url, '{ actors(first: 100) { edges { node { id name } } } }');
  const poorCounties = actors.edges.find((e) => e.node.name === '贫困旗县')?.node.id;
  const treasury = encodeURIComponent(treasuryFlow.source.id);
  const chinesePages = [
    ['/?year=2017', 'svg[role="img"]'],
    [`/trace/${treasury}?year=2017`, '.residual-legend'],
    [`/trace/${encodeURIComponent(poorCounties)}?direction=upstream`, 'svg[role="img"]'],
    ['/places/150400?year=2017', 'table.shared'],
    [`/actors/${treasury}`, '.balance'],
    [`/flows/${encodeURIComponent(treasuryFlow.id)}`, '.citation-link'],
    ['/search?q=赤峰', 'ul.results'],
  ];

  await withPage('Chinese pages show no English enum or note text', async (page) => {
    for (const [path, ready] of chinesePages) {
      await page.goto(`${server.url}${path}`);
      await page.locator(ready).first().waitFor();
      // innerText: what is rendered (a closed <details> is not), unlike textContent.
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point
      const text = await page.locator('main').innerText();
      const hit = text.match(ENGLISH);
      assert(
        !hit,
        `${path} shows English: "${hit?.[0]}" in …${text.slice(Math.max(0, (hit?.index ?? 0) - 40), (hit?.index ?? 0) + 40)}…`,
      );
    }
  });

  await withPage('a record note reads in the page language', async (page) => {
    const id = treasuryFlow.id;
    const { node } = await gql(server.url, `{ node(id: "${id}") { ... on Flow { note noteZh } } }`);
    assert(node.note && node.noteZh, 'the treasury flow has no note in both languages');
    await page.goto(`${server.url}/flows/${encodeURIComponent(id)}`);
    await page.locator('main .note').first().waitFor();
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point
    const zh = await page.locator('main').innerText();
    assert(zh.includes(node.noteZh), `the Chinese page lacks the Chinese note: ${node.noteZh}`);
    assert((await page.locator('details.note-en').count()) === 0, 'a note fell back to English');
    await page.goto(`${server.url}/flows/${encodeURIComponent(id)}?lang=en`);
    await page.locator('main .note').first().waitFor();
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point
    const en = await page.locator('main').innerText();
    assert(en.includes(node.note), `the English page lacks the English note: ${node.note}`);
  });

  await withPage('a trace whose record ends says so and leads upstream', async (page) => {
    await page.goto(`${server.url}/trace/${encodeURIComponent(poorCounties)}?year=2017`);
    const empty = page.locator('.status.empty');
    await empty.waitFor();
    assert(
      (await empty.textContent()).includes('记录到此为止'),
      'the end of the record is unexplained',
    );
    await empty.getByRole('link').click();
    await page.waitForURL(/direction=upstream/);
    await page.locator('svg[role="img"]').waitFor();
  });

  await readerPageChecks(ctx);
}

/** Not-found pages, ribbons that open their flows, focus rings, "not reported" figures. */
async function readerPageChecks({ server, withPage, assert }) {
  await withPage('a bad id gets a not-found page, without a retry', async (page) => {
    for (const path of ['/actors/bogus', '/flows/bogus', '/trace/bogus', '/documents/bogus']) {
      await page.goto(`${server.url}${path}`);
      await page.locator('.not-found').waitFor();
      const text = await page.locator('main').textContent();
      assert(!/GraphQL|重试/.test(text), `${path} shows a raw error or a retry: ${text}`);
    }
  });

  await withPage(
    'an overview ribbon opens its flows with citations; focus stays visible',
    async (page) => {
      await page.goto(`${server.url}/?year=2017`);
      const ribbon = page.locator('svg[role="img"] g.link').first();
      await ribbon.waitFor();
      await ribbon.focus();
      const focused = await ribbon
        .locator('path')
        .first()
        .evaluate((p) => {
          const s = getComputedStyle(p);
          return {
            width: Number.parseFloat(s.strokeWidth),
            attr: Number(p.getAttribute('stroke-width')),
            filter: s.filter,
            stroke: s.stroke,
          };
        });
      assert(
        focused.width >= focused.attr - 0.01 && focused.filter.includes('drop-shadow'),
        `a focused ribbon collapses or shows no ring: ${JSON.stringify(focused)}`,
      );
      await page.keyboard.press('Enter');
      await page.locator('.link-panel .flow-card').first().waitFor();
      assert(
        (await page.locator('.link-panel .citation-link').count()) > 0,
        'the ribbon panel lists no citations',
      );
    },
  );

  await withPage(
    '2016 says which money it lacks, and silent sources read "not reported"',
    async (page) => {
      await page.goto(`${server.url}/?year=2016`);
      await page.locator('.headline').waitFor();
      const main = await page.locator('main').textContent();
      assert(!main.includes('该年份没有资金流记录'), '2016 says it has no flows beside its flows');
      const loans = await page.locator('[data-figure="loans"] dd').textContent();
      assert(loans === '未报告', `silent loans read "${loans}"`);
      await page.goto(`${server.url}/?year=2017`);
      const pub = page.locator('[data-figure="publicMoney"] dd');
      // A flow recorded by an earlier check may have moved the total: the shape is checked.
      // The seed's overlaps make it a range: rounded ends shown, exact ends and sum on hover.
      const shown = await pub.textContent();
      const exact = await pub.getAttribute('title');
      const yi = '\\d+(\\.\\d+)?亿元';
      assert(
        /^¥\d+\.\d亿–\d+\.\d亿$/.test(shown) &&
          new RegExp(`^${yi}至${yi}（逐笔相加为 ${yi}）$`).test(exact),
        `the headline is not rounded with the exact figures on hover: ${shown} / ${exact}`,
      );
    },
  );
}

export async function searchChecks({ server, withPage, assert, gql }) {
  await withPage('search finds figures and flows; a document finds either script', async (page) => {
    for (const [q, expect] of [
      ['48.8', '48.8亿元'],
      ['loan', '贷款'],
      ['贷款', '贷款'],
      ['1.26亿', '1.26亿元'],
    ]) {
      await page.goto(`${server.url}/search?q=${encodeURIComponent(q)}`);
      const hit = page.locator('[data-hit-type="FLOW"]').first();
      await hit.waitFor();
      const text = await hit.textContent();
      assert(text.includes(expect), `"${q}" finds no flow with ${expect}: ${text}`);
    }
    await page.locator('[data-hit-type="FLOW"] a.hit-name').first().click();
    await page.waitForURL(/\/flows\//);
    const { documents } = await gql(
      server.url,
      '{ documents(first: 1) { edges { node { id } } } }',
    );
    await page.goto(
      `${server.url}/documents/${encodeURIComponent(documents.edges[0].node.id)}?find=${encodeURIComponent('48.8亿')}`,
    );
    await page.locator('.find-results mark').first().waitFor();
    const found = await page.locator('.find-results mark').first().textContent();
    assert(found === '48.8億', `the document find shows "${found}" for 48.8亿`);
  });
}
