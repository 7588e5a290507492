// A trace to an outcome, and a document whose highlights open their records.

export async function traceAndDocumentChecks({ server, withPage, shot, assert, treasuryFlow }) {
  await withPage(
    'a trace from the 48.8亿 source reaches an outcome with a unit cost',
    async (page) => {
      await page.goto(`${server.url}/?year=2017`);
      await page.locator(`[data-node-id="s:${treasuryFlow.source.id}"]`).click();
      await page.getByRole('button', { name: '追踪' }).click();
      await page.locator('table.outcomes').waitFor();
      assert(
        page.url().includes('/trace/') && page.url().includes('year=2017'),
        `not a trace URL: ${page.url()}`,
      );
      const formula = await page.locator('table.outcomes .outcome-formula').allTextContents();
      assert(
        formula.some((f) => /元\/.+ = .+元 ÷ /.test(f)),
        `no unit-cost formula: ${formula.join(' | ')}`,
      );
      const svg = await page.locator('svg[role="img"]').textContent();
      assert(svg.includes('未说明去向'), 'no grey Unaccounted node');
      const nodeLabel = await page
        .locator('[data-node-id^="a:"]')
        .nth(1)
        .getAttribute('aria-label');
      assert(
        /流入 .+ = 流出 .+ \+ 未说明 .+/.test(nodeLabel),
        `node does not show in = out + unaccounted: ${nodeLabel}`,
      );
      await shot(page, 'trace');
      await page.locator('.link').first().click();
      await page.locator('.link-panel .flow-card').first().waitFor();
      assert(
        (await page.locator('.link-panel .citation-link').count()) > 0,
        'the link panel lists no citations',
      );
      await shot(page, 'trace-link');
      // Upstream from an outcome: where the money behind it came from.
      await page.locator('table.outcomes a.upstream').first().click();
      await page.waitForURL(/direction=upstream/);
      await page.locator(`svg[role="img"] [data-node-id="a:${treasuryFlow.source.id}"]`).waitFor();
      await shot(page, 'trace-upstream');
    },
  );

  await withPage(
    'the document highlights 48.8億元, opens its flow, and the citation returns to the span',
    async (page) => {
      await page.goto(`${server.url}/documents`);
      await page.locator('ul.results a').first().click();
      const mark = page.locator('.doc-text .mark', { hasText: '48.8億元' });
      await mark.waitFor();
      const records = await mark.getAttribute('data-records');
      assert(
        records.includes(`Flow:${treasuryFlow.id}`),
        `the highlight does not cite the flow: ${records}`,
      );
      // The seed text has figures no record states (第4個全國扶貧日): they are marked.
      assert((await page.locator('.doc-text .uncited').count()) > 0, 'no uncited figure is marked');
      await shot(page, 'document');
      await mark.click();
      await page.locator(`.records-panel a[data-record="Flow:${treasuryFlow.id}"]`).click();
      await page.locator('[data-amount]').waitFor();
      assert(
        (await page.locator('[data-amount]').textContent()) === '48.8亿元',
        'the flow page does not show 48.8亿元',
      );
      await shot(page, 'flow');
      await page.locator('.citation-link').first().click();
      const target = page.locator('.doc-text .mark.target');
      await target.waitFor();
      await page.waitForFunction(() => document.activeElement?.classList.contains('target'));
      const box = await target.boundingBox();
      assert(box && box.y >= 0 && box.y < 900, 'the cited span is not scrolled into view');
      assert(new URL(page.url()).hash.match(/^#\d+-\d+$/), `no span in the hash: ${page.url()}`);
    },
  );
}
