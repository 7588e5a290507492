// The five main views in both languages on a desktop and on a phone (390×844, touch): the
// phone never scrolls sideways, its flow view is a list one can tap, and taps are 44 px.
// Screenshots go to artifacts/screen-<view>-<lang>-<viewport>.png, to be looked at.

const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };

export async function screenChecks({ server, withPage, gql, shot, assert, treasuryFlow }) {
  const { documents } = await gql(server.url, '{ documents(first: 1) { edges { node { id } } } }');
  const treasury = encodeURIComponent(treasuryFlow.source.id);
  const views = [
    ['overview', '/?year=2017', '.headline'],
    ['trace', `/trace/${treasury}?year=2017`, '.residual-legend'],
    ['place', '/places/150400?year=2017', 'table.shared'],
    ['actor', `/actors/${treasury}`, '.balance'],
    ['document', `/documents/${encodeURIComponent(documents.edges[0].node.id)}`, '.doc-text'],
  ];
  for (const lang of ['zh', 'en']) {
    await withPage(`desktop screens (${lang})`, async (page) => {
      for (const [name, path, ready] of views) {
        await page.goto(`${server.url}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
        await page.locator(ready).first().waitFor();
        await shot(page, `screen-${name}-${lang}-desktop`);
      }
    });
    await withPage(
      `phone screens (${lang}): nothing wider than the screen, 44 px taps`,
      async (page) => {
        for (const [name, path, ready] of views) {
          await page.goto(`${server.url}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
          await page.locator(ready).first().waitFor();
          const width = await page.evaluate(() => document.documentElement.scrollWidth);
          assert(width <= 390, `${name} (${lang}) is ${width} px wide on a 390 px phone`);
          const small = await page.evaluate(() =>
            [...document.querySelectorAll('main button, main select, main input, header button')]
              .filter((el) => el.getClientRects().length > 0)
              // Highlights inside running text are inline targets (WCAG 2.5.8 exempts them).
              .filter((el) => !el.closest('.doc-text'))
              .filter((el) => el.getBoundingClientRect().height < 44)
              .map((el) => `${el.tagName} "${el.textContent?.trim().slice(0, 20)}"`),
          );
          assert(
            small.length === 0,
            `${name} (${lang}) has small tap targets: ${small.join(', ')}`,
          );
          await shot(page, `screen-${name}-${lang}-phone`);
        }
      },
      PHONE,
    );
  }

  await withPage(
    'phone: the flow view is a ranked list whose bars open the flows',
    async (page) => {
      await page.goto(`${server.url}/?year=2017`);
      const bars = page.locator('.ranked-flows .ranked-bar');
      await bars.first().waitFor();
      assert((await page.locator('svg.sankey-svg').count()) === 0, 'the phone still gets a Sankey');
      const first = await page.locator('.ranked-flows li').first().textContent();
      assert(/亿元/.test(first), `the largest flow shows no amount: ${first}`);
      await bars.first().tap();
      await page.locator('.link-panel .citation-link').first().waitFor();
      await page.goto(`${server.url}/trace/${treasury}?year=2017`);
      await page.locator('.ranked-flows').waitFor();
      const trace = await page.locator('.ranked-flows').textContent();
      assert(trace.includes('未再报告去向'), 'the phone trace list lacks the residual kinds');
    },
    PHONE,
  );
}
