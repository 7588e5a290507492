// Issue 18 and 14's leftovers, as a reader meets them: provenance notes in the reader's
// language, figures rounded at a glance with the exact one on hover, "not reported" where a
// source is silent, 北京 finding what Beijing finds, and a failed request that offers a retry.

/** A figure a reader takes in: at most 4 significant digits ("1,116亿元", "48.8亿元"). */
const GLANCE = /^(约|≥|≤)?[0-9,]+(\.[0-9]{1,2})?(万|亿)?元$/;
const significant = (s) =>
  s
    .replace(/[^0-9]/g, '')
    .replace(/^0+/, '')
    .replace(/0+$/, '').length;

export async function truthChecks({ server, withPage, gql, assert, treasuryFlow, shot }) {
  await withPage('an inferred value explains itself in Chinese on a Chinese page', async (page) => {
    await page.goto(`${server.url}/flows/${encodeURIComponent(treasuryFlow.id)}`);
    const list = page.locator('.inferences').first();
    await list.waitFor();
    const tag = await list.evaluate((el) => el.tagName);
    assert(tag !== 'DETAILS', 'a note recorded in Chinese is hidden under a summary');
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point
    const text = await list.innerText();
    assert(/假定|推算|读作/.test(text) && !/[A-Za-z]{4,} [a-z]{3,}/.test(text), text);
    const title = await page.locator('.inferred').first().getAttribute('title');
    assert(title && !/[A-Za-z]{4,} [a-z]{3,}/.test(title), `hover note in English: ${title}`);
    await page.goto(`${server.url}/flows/${encodeURIComponent(treasuryFlow.id)}?lang=en`);
    await page.locator('.inferences').first().waitFor();
    const en = await page.locator('.inferences').first().textContent();
    assert(/assumed|inferred|read as/i.test(en), `the English page lost its note: ${en}`);
    await shot(page, 'truth-inference-en');
  });

  await withPage('large amounts read at a glance, the exact figure on hover', async (page) => {
    await page.goto(`${server.url}/places/150400?year=2017`);
    const glance = page.locator('.crumb-total .glance').first();
    await glance.waitFor();
    const shown = await glance.textContent();
    const exact = await glance.getAttribute('title');
    assert(GLANCE.test(shown) && significant(shown) <= 4, `not read at a glance: ${shown}`);
    assert(exact && /元$/.test(exact), `no exact figure on hover: ${exact}`);
    await page.goto(`${server.url}/actors/${encodeURIComponent(treasuryFlow.source.id)}`);
    const balance = page.locator('.balance .glance').first();
    await balance.waitFor();
    const figure = await balance.textContent();
    assert(GLANCE.test(figure), `the balance is not rounded: ${figure}`);
  });

  await silenceAndRetryChecks({ server, withPage, gql, assert, treasuryFlow, shot });
}

/** Silent sources, 北京 in search, and a failed request with a retry. */
async function silenceAndRetryChecks({ server, withPage, gql, assert, treasuryFlow, shot }) {
  await withPage(
    'a place reads "not reported" where its sources are silent, never 0',
    async (page) => {
      await page.goto(`${server.url}/places/150400?year=2017`);
      await page.locator('table.boundary').waitFor();
      const cells = await page
        .locator('table.boundary td.num, table.children td.num, table.shared td.num')
        .allTextContents();
      assert(
        cells.some((c) => c === '未报告'),
        `no "not reported" cell: ${cells.join(' | ')}`,
      );
      assert(
        !cells.some((c) => /^0(\.0+)?元$/.test(c)),
        `a silent source reads 0: ${cells.join(' | ')}`,
      );
      const crumbs = await page.locator('.crumb-total').allTextContents();
      assert(!crumbs.some((c) => /^0元$/.test(c)), `a breadcrumb reads 0: ${crumbs.join(' | ')}`);
    },
  );

  await withPage('北京 finds the Beijing assistance programme that Beijing finds', async (page) => {
    for (const q of ['Beijing', '北京']) {
      await page.goto(`${server.url}/search?q=${encodeURIComponent(q)}`);
      await page.locator('ul.results').first().waitFor();
      const hit = page.locator('[data-hit-type="PROGRAM"]', { hasText: '京蒙对口帮扶' });
      await hit
        .first()
        .waitFor({ timeout: 5000 })
        .catch(() => {});
      assert((await hit.count()) > 0, `"${q}" does not find 京蒙对口帮扶`);
    }
    const { search } = await gql(server.url, '{ search(text: "北京") { type name } }');
    assert(
      search.some((h) => h.type === 'PROGRAM'),
      'the API misses the programme for 北京',
    );
  });

  await withPage('a failed request shows an error with a retry that recovers', async (page) => {
    let fail = true;
    // A server error (as a statement timeout gives), not a dropped connection: no console noise.
    await page.route('**/graphql**', (route) =>
      fail
        ? route.fulfill({
            status: 200,
            contentType: 'application/json',
            body: JSON.stringify({
              errors: [{ message: 'canceling statement due to statement timeout' }],
            }),
          })
        : route.continue(),
    );
    await page.goto(`${server.url}/actors/${encodeURIComponent(treasuryFlow.source.id)}`);
    const alert = page.locator('.status.error[role="alert"]').first();
    await alert.waitFor();
    const text = await alert.textContent();
    assert(!/statement|GraphQL/.test(text), `the server's own words reach the reader: ${text}`);
    assert((await page.locator('.status[role="status"]').count()) === 0, 'still "Loading…"');
    await shot(page, 'truth-error-retry');
    fail = false;
    await alert.getByRole('button', { name: '重试' }).click();
    await page.locator('.balance').waitFor();
    assert((await page.locator('.status.error').count()) === 0, 'the error stays after a retry');
  });
}
