// A trace to an outcome, and a document whose highlights open their records.

export async function traceAndDocumentChecks(ctx) {
  const { server, withPage, gql, shot, assert } = ctx;
  // The seed's 2017 flow with outcomes is the 33亿 planned for relocation, whose payer the
  // article does not state (资金来源未载明): the trace starts there.
  const planned = await gql(
    server.url,
    '{ flows(filter: { year: 2017, status: PLANNED }, first: 20) { edges { node { amount { value } source { id } } } } }',
  );
  const payer = planned.flows.edges.map((e) => e.node).find((f) => f.amount.value === '3300000000')
    ?.source.id;
  assert(payer, 'the seed has no 33亿 planned flow in 2017');
  await withPage(
    'a trace from the payer not stated reaches an outcome with a unit cost',
    async (page) => {
      await page.goto(`${server.url}/?year=2017`);
      await page.locator(`[data-node-id="s:${payer}"]`).click();
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
      // Residuals say what they are: the counties report nothing further, the sites report
      // outcomes; each kind its own node, colour and one-line explanation.
      const svg = await page.locator('svg[role="img"]').textContent();
      assert(svg.includes('未再报告去向'), 'no "not reported further" node');
      assert(svg.includes('在此使用或留存'), 'no "used or kept here" node');
      assert(!svg.includes('未说明去向'), 'a residual is still called unaccounted');
      const fills = await page
        .locator('rect.node-residual')
        .evaluateAll((rs) => new Set(rs.map((r) => r.getAttribute('fill'))).size);
      assert(fills >= 2, `residual kinds share one fill (${fills})`);
      const legend = await page.locator('.residual-legend').textContent();
      assert(
        legend.includes('来源没有报告这笔钱的后续流向') &&
          legend.includes('来源在这一主体报告了成果'),
        `the legend does not explain the kinds: ${legend}`,
      );
      const nodeLabel = await page
        .locator('[data-node-id^="a:"]')
        .nth(1)
        .getAttribute('aria-label');
      assert(
        /流入 .+ = 流出 .+ \+ 留在此处 .+/.test(nodeLabel),
        `node does not show in = out + what stays: ${nodeLabel}`,
      );
      // Unit costs name what they divide; planned money over sites started says it is unlike.
      assert(
        formula.some((f) => f.includes('计划投入（每人，按目标数）')),
        `no planned-per-target label: ${formula.join(' | ')}`,
      );
      assert(
        formula.some((f) => f.includes('口径不一')),
        `planned ÷ actual is not marked: ${formula.join(' | ')}`,
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
      await page.locator(`svg[role="img"] [data-node-id="a:${payer}"]`).waitFor();
      await shot(page, 'trace-upstream');
    },
  );

  await overlapWarningCheck(ctx);
  await upstreamAndDocumentChecks(ctx);
}

/** Tracing upstream from a source, and the document view. */
async function upstreamAndDocumentChecks({ server, withPage, shot, assert, gql, treasuryFlow }) {
  await withPage('a source traced upstream is an origin, never overdrawn', async (page) => {
    const { actors } = await gql(
      server.url,
      '{ actors(first: 100) { edges { node { id name } } } }',
    );
    const poorCounties = actors.edges.find((e) => e.node.name === '贫困旗县')?.node.id;
    await page.goto(
      `${server.url}/trace/${encodeURIComponent(poorCounties)}?direction=upstream&lang=en`,
    );
    await page.locator('svg[role="img"]').waitFor();
    const body = await page.locator('main').textContent();
    assert(!/OVERDRAWN|Out exceeds in/.test(body), 'a source is flagged overdrawn');
    const label = await page
      .locator(`[data-node-id="a:${treasuryFlow.source.id}"]`)
      .getAttribute('aria-label');
    assert(!label.includes('⚠'), `the treasury is flagged: ${label}`);
  });

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

/** A trace through a flow with a recorded overlap says so, in the reader's language. */
async function overlapWarningCheck({ server, withPage, assert, treasuryFlow }) {
  await withPage('a trace through an overlapping flow warns of it in Chinese', async (page) => {
    const treasury = encodeURIComponent(treasuryFlow.source.id);
    await page.goto(`${server.url}/trace/${treasury}?year=2017`);
    const warnings = page.locator('section.warning');
    await warnings.waitFor();
    const text = await warnings.textContent();
    assert(
      text.includes('可能重叠') && text.includes('可能与各级财政涉农涉牧资金 → 贫困旗县重叠'),
      `no overlap warning naming the flow it may share money with: ${text}`,
    );
    assert(
      !text.includes('integrated-funds'),
      `an overlap's key (a slug) on a Chinese page: ${text}`,
    );
    assert(!/\bOVERLAP\b/.test(text), `a raw warning code on a Chinese page: ${text}`);
  });
}
