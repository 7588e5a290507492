// The overview on a cold server, the load time of five cold browsers, and the size of what is sent.

export async function loadChecks({ server, withPage, assert, metrics, TTI_BUDGET_MS }) {
  // The first page load also warms the server (PGlite plans its first queries): it is measured
  // and reported, but the budget applies to a page load with a cold browser and a warm server.
  await withPage('overview renders on a cold server', async (page) => {
    await page.goto(`${server.url}/?year=2017`);
    await page.waitForSelector('svg[role="img"] [data-node-id]');
    metrics.overviewColdServerMs = Math.round(await page.evaluate(() => performance.now()));
  });

  // Median of five loads, each in a fresh browser context (empty cache): one slow load on a busy
  // machine does not decide it.
  const loads = [];
  for (let k = 0; k < 5; k++) {
    await withPage(`overview load ${k + 1}`, async (page) => {
      await page.goto(`${server.url}/?year=2017`);
      await page.waitForSelector('svg[role="img"] [data-node-id]');
      // Interactive: a click on a node answers (handlers attached, React committed).
      const clicked = await page.evaluate(async () => {
        const at = performance.now();
        const node = document.querySelector('[data-node-id^="s:"]');
        node.dispatchEvent(new MouseEvent('click', { bubbles: true }));
        for (let i = 0; i < 200 && !document.querySelector('.node-menu'); i++) {
          await new Promise((r) => setTimeout(r, 5));
        }
        return { at, menu: !!document.querySelector('.node-menu') };
      });
      assert(clicked.menu, 'clicking a node did not open its menu');
      loads.push(Math.round(clicked.at));
      if (k === 0) {
        metrics.overviewJsTransferBytes = await page.evaluate(() =>
          performance
            .getEntriesByType('resource')
            .filter((r) => r.name.endsWith('.js'))
            .reduce((sum, r) => sum + r.transferSize, 0),
        );
      }
    });
  }
  await withPage('assets are sent compressed and cached for good (JS ≤ 200 kB)', async () => {
    // Chromium asks for br; transferSize counts the compressed bytes.
    assert(
      metrics.overviewJsTransferBytes > 0 && metrics.overviewJsTransferBytes <= 200_000,
      `the overview's JS took ${metrics.overviewJsTransferBytes} bytes`,
    );
    const html = await (await fetch(`${server.url}/`)).text();
    const script = html.match(/src="(\/assets\/[^"]+\.js)"/)?.[1];
    assert(script, 'index.html names no script under /assets/');
    const res = await fetch(`${server.url}${script}`, { headers: { 'accept-encoding': 'br' } });
    assert(res.headers.get('content-encoding') === 'br', 'the script was not sent as brotli');
    assert(
      res.headers.get('cache-control')?.includes('immutable'),
      'hashed assets are not marked immutable',
    );
  });
  await withPage('overview is interactive (median of 5, budget E2E_TTI_BUDGET_MS)', async () => {
    const sorted = [...loads].sort((a, b) => a - b);
    metrics.overviewInteractiveMs = loads;
    metrics.overviewInteractiveMedianMs = sorted[Math.floor(sorted.length / 2)];
    assert(loads.length === 5, 'some overview loads failed');
    const median = metrics.overviewInteractiveMedianMs;
    // Timing on a shared 2-core machine is noisy: over budget warns, over three times fails.
    assert(
      median <= 3 * TTI_BUDGET_MS,
      `median ${median} ms > 3 × budget ${TTI_BUDGET_MS} ms (${loads.join(', ')})`,
    );
    if (median > TTI_BUDGET_MS) {
      console.log(
        `  warning: overview interactive after ${median} ms (median), budget ${TTI_BUDGET_MS} ms`,
      );
    }
  });
}
