// The overview Sankey: its figures, the language toggle, and the keyboard.
import { graphqlRequest } from './harness.mjs';

export async function overviewChecks(ctx) {
  const { server, withPage, shot, assert } = ctx;
  await withPage(
    'overview shows a Sankey with the 48.8亿 source and headline figures',
    async (page) => {
      await page.goto(`${server.url}/?year=2017`);
      const svg = page.locator('svg[role="img"]');
      await svg.waitFor();
      const text = await svg.textContent();
      assert(text.includes('内蒙古自治区本级财政'), 'no regional treasury node');
      assert(text.includes('48.8亿元'), `no 48.8亿元 label in the Sankey: ${text.slice(0, 200)}`);
      const headline = await page.locator('.headline').textContent();
      assert(headline.includes('≥150亿元'), `headline lacks ≥150亿元: ${headline}`);
      assert((await svg.locator('title').textContent()).length > 0, 'the chart has no title');
      const link = svg.locator('.link').first();
      await link.hover();
      const tip = await page.locator('.tooltip').textContent();
      assert(/→.*元.*占.*%/.test(tip), `link tooltip is not "A → B, amount, % of A": ${tip}`);
      await shot(page, 'overview-zh');
      await page.getByRole('button', { name: '显示表格' }).click();
      const rows = await page.locator('table.sankey-table tbody tr').count();
      assert(rows === (await page.evaluate(() => 0)) + rows && rows > 0, 'the table has no rows');
      assert(page.url().includes('view=table'), 'the table toggle is not in the URL');
    },
  );

  await withPage(
    'language toggle switches the labels and keeps the page and year',
    async (page) => {
      await page.goto(`${server.url}/?year=2017`);
      await page.locator('svg[role="img"]').waitFor();
      await page.getByRole('button', { name: 'Switch to English' }).click();
      await page.getByRole('link', { name: 'Overview' }).first().waitFor();
      const url = new URL(page.url());
      assert(
        url.searchParams.get('lang') === 'en' && url.searchParams.get('year') === '2017',
        `URL lost state: ${url}`,
      );
      const headline = await page.locator('.headline').textContent();
      assert(headline.includes('≥ CNY 15 bn'), `English headline lacks ≥ CNY 15 bn: ${headline}`);
      const svgText = await page.locator('svg[role="img"]').textContent();
      assert(svgText.includes('CNY 4.88 bn'), 'English Sankey lacks CNY 4.88 bn');
      await shot(page, 'overview-en');
      await page.reload();
      await page.getByRole('link', { name: 'Overview' }).first().waitFor();
      await page.goto(`${server.url}/places/150000`);
      await page.getByRole('link', { name: 'Places' }).first().waitFor();
      assert(true, 'localStorage keeps English without ?lang');
    },
  );

  await overviewKeyboardChecks(ctx);
  await overviewKindChecks(ctx);
}

/** Another kind of money: asked for alone when picked, and drawn (the seed's 2017 loan). */
async function overviewKindChecks({ server, withPage, assert }) {
  await withPage('picking loans draws the year’s loans', async (page) => {
    await page.goto(`${server.url}/?year=2017`);
    await page.locator('svg[role="img"] [data-node-id]').first().waitFor();
    const asked = [];
    page.on('request', (request) => {
      const sent = graphqlRequest(request);
      if (sent?.operationName === 'OverviewFlows') asked.push(sent.variables);
    });
    await page.locator('.overview-sankey select').selectOption('loanPrincipal');
    await page.waitForFunction(() => /money=loanPrincipal/.test(location.search));
    await page.locator('svg[role="img"] [data-node-id]').first().waitFor();
    const title = await page
      .locator('.overview-sankey svg[role="img"] title')
      .first()
      .textContent();
    assert(/贷款本金/.test(title ?? ''), `the graph is not of loans: ${title}`);
    const kinds = asked.map((v) =>
      Object.keys(v)
        .filter((k) => v[k] === true)
        .join(),
    );
    assert(
      JSON.stringify(kinds) === JSON.stringify(['loanPrincipal']),
      `the switch asked for ${JSON.stringify(kinds)}, not for loans alone`,
    );
  });
}

/** The keyboard reaches a Sankey node, opens its menu, and the table. */
async function overviewKeyboardChecks({ server, withPage, assert }) {
  await withPage(
    'keyboard reaches a Sankey node, opens it and switches to the table',
    async (page) => {
      await page.goto(`${server.url}/?year=2017`);
      await page.locator('svg[role="img"] [data-node-id]').first().waitFor();
      let focused = '';
      for (let i = 0; i < 40 && !focused.startsWith('s:'); i++) {
        await page.keyboard.press('Tab');
        focused = await page.evaluate(
          () => document.activeElement?.getAttribute('data-node-id') ?? '',
        );
      }
      assert(focused.startsWith('s:'), 'Tab never reached a Sankey node');
      const label = await page.evaluate(() => document.activeElement.getAttribute('aria-label'));
      assert(/元/.test(label), `focused node does not announce its amount: ${label}`);
      await page.keyboard.press('Enter');
      await page.locator('.node-menu').waitFor();
      const active = await page.evaluate(() => document.activeElement?.textContent);
      assert(active === '追踪', `focus did not move to the node menu: ${active}`);
      // Escape closes the menu and gives focus back to the node.
      await page.keyboard.press('Escape');
      await page.waitForFunction(
        () =>
          !document.querySelector('.node-menu') &&
          document.activeElement?.hasAttribute('data-node-id'),
      );
      await page.keyboard.press('Shift+Tab');
      for (let i = 0; i < 60; i++) {
        const text = await page.evaluate(() => document.activeElement?.textContent);
        if (text === '显示表格') break;
        await page.keyboard.press('Shift+Tab');
      }
      await page.keyboard.press('Enter');
      await page.locator('table.sankey-table').waitFor();
    },
  );
}
