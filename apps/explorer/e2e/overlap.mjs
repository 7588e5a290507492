// Totals as ranges: the seed records two overlaps among the 2017 flows and a second report of the
// same press conference, whose 100亿 for both the 80亿 and the 48.8亿 lowers the high end. The
// overview shows public money as a range with its reason, links to the overlaps and to where
// the sources disagree, in both languages.

export async function overlapChecks({ server, withPage, shot, assert }) {
  await withPage(
    'the 2017 public money is a range, with its reason and links (zh)',
    async (page) => {
      await page.goto(`${server.url}/?year=2017`);
      const headline = page.locator('.headline');
      await headline.locator('.overlap-reason').waitFor();
      const text = await headline.textContent();
      assert(text.includes('¥115.0亿–135.0亿'), `no 2017 range in the headline: ${text}`);
      assert(text.includes('2 条重叠记录'), `the reason does not count the overlaps: ${text}`);
      await page.locator('svg[role="img"]').waitFor();
      const marked = await page.locator('svg[role="img"] path.hatched').count();
      assert(marked > 0, 'the Sankey marks no flow that may overlap');
      await headline.getByRole('link', { name: '查看重叠记录' }).click();
      await page.locator('.overlap-list li').first().waitFor();
      assert(page.url().includes('/overlaps?year=2017'), `not on the overlaps page: ${page.url()}`);
      assert((await page.locator('.overlap-list li').count()) === 2, 'not the two seed overlaps');
      const stated = await page.locator('[data-figure="statedTotal"]').textContent();
      assert(/100亿元.*28\.8亿元/.test(stated), `no stated total on the overlap: ${stated}`);
      await page.goBack();
      await headline.getByRole('link', { name: '来源不一致' }).click();
      await sourcesDisagree(page, assert, ['128.8亿元', '100亿元', '28.8亿元']);
      await shot(page, 'sources-disagree-zh');
    },
  );

  await withPage('the 2017 range and where the sources disagree, in English', async (page) => {
    await page.goto(`${server.url}/?year=2017&lang=en`);
    const headline = page.locator('.headline');
    await headline.locator('.overlap-reason').waitFor();
    const text = await headline.textContent();
    assert(text.includes('CNY 11.50–13.50 bn'), `no 2017 range in the English headline: ${text}`);
    assert(text.includes('2 recorded overlaps'), `no English reason: ${text}`);
    await shot(page, 'overview-range-en');
    await headline.getByRole('link', { name: 'Sources disagree' }).click();
    await sourcesDisagree(page, assert, ['CNY 12.88 bn', 'CNY 10 bn', 'CNY 2.88 bn']);
    await page.getByRole('heading', { name: 'Sources disagree' }).waitFor();
    await shot(page, 'sources-disagree-en');
  });
}

/** Both documents side by side: each figure, each quote, and what the stated total narrows. */
async function sourcesDisagree(page, assert, [sum, total, shared]) {
  await page.locator('.disagree-side').first().waitFor();
  assert(page.url().includes('/sources-disagree'), `not on the sources page: ${page.url()}`);
  const recorded = await page.locator('[data-side="recordedSum"]').textContent();
  const stated = await page.locator('[data-side="statedTotal"]').textContent();
  assert(recorded.includes(sum), `the recorded side lacks ${sum}: ${recorded}`);
  assert(recorded.includes('共計80億元'), `the recorded side lacks its quote: ${recorded}`);
  assert(stated.includes(total), `the stated side lacks ${total}: ${stated}`);
  assert(
    stated.includes('四级财政将累计投入100亿元'),
    `the stated side lacks its quote: ${stated}`,
  );
  const result = await page.locator('[data-figure="minShared"]').textContent();
  assert(result.includes(shared), `the narrowing lacks ${shared}: ${result}`);
  // side by side on a desktop window: the two boxes share a row
  const [a, b] = await page
    .locator('.disagree-side')
    .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().top));
  assert(a === b, `the two sides are not side by side: ${a} vs ${b}`);
}
