// Search, places, an actor CSV, and a live update of an open page.
import { readFileSync } from 'node:fs';
import { ADMIN_TOKEN } from './harness.mjs';

/** The records of a CSV text: quoted fields may hold commas, quotes and line breaks. */
function csvRecords(text) {
  const records = [];
  let record = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  return records;
}

export async function pageChecks(t) {
  await searchAndPlaceChecks(t);
  await actorCsvCheck(t);
  // Last: it records a flow, which the checks above do not expect.
  await liveFlowCheck(t);
}

async function searchAndPlaceChecks({ server, withPage, shot, assert }) {
  await withPage('searching 赤峰 finds Chifeng', async (page) => {
    await page.goto(`${server.url}/?lang=en`);
    await page.getByRole('searchbox').fill('赤峰');
    await page.getByRole('searchbox').press('Enter');
    const hit = page.locator('a.hit-name', { hasText: 'Chifeng' }).first();
    await hit.waitFor();
    await shot(page, 'search');
    await page.locator('[data-hit-type="REGION"] a.hit-name').first().click();
    await page.getByRole('heading', { level: 1, name: 'Chifeng' }).waitFor();
    assert(page.url().includes('/places/150400'), `not the Chifeng page: ${page.url()}`);
    await shot(page, 'place-chifeng');
  });

  await withPage('places show the breadcrumb, boundary totals and indicators', async (page) => {
    await page.goto(`${server.url}/places/150000?year=2017`);
    await page.locator('table.boundary').waitFor();
    await page.locator('.line-chart').first().waitFor();
    assert((await page.locator('table.children tbody tr').count()) > 5, 'no children listed');
    assert(
      // An amount, or "not reported" where no flow names the place (never 0元).
      /元|未报告/.test((await page.locator('table.children tbody tr').first().textContent()) ?? ''),
      'a child row shows no amounts',
    );
    await page.locator('.shared-item').first().waitFor();
    await shot(page, 'place');
    await page.goto(`${server.url}/places/150400?year=2017`);
    const crumb = page.locator('nav li', { hasText: '内蒙古自治区' }).locator('.crumb-total');
    await crumb.waitFor();
    assert(
      ((await crumb.textContent()) ?? '').includes('亿元'),
      'the breadcrumb shows no total above',
    );
    // Chifeng shares Beijing's 2.5亿 with Ulanqab: listed, with whom, not split.
    await page.locator('table.shared').waitFor();
    const shared = await page.locator('table.shared tbody').textContent();
    assert(
      shared.includes('2.5亿元') && shared.includes('与乌兰察布市共享，来源未分解'),
      `no shared row on 150400: ${shared}`,
    );
    assert(
      (await page.locator('.overview-note').textContent()).includes('总览'),
      'the place does not say why its total differs from the overview',
    );
    await shot(page, 'place-150400');
    await page.goto(`${server.url}/places/150000?year=2017&lang=en`);
    const ulanqab = page.locator('table.children tr[data-region="150900"] .shared-cell');
    await ulanqab.locator('.shared-item').first().waitFor();
    const cell = await ulanqab.textContent();
    assert(
      cell.includes('CNY 1.18 bn') && cell.includes('shared with Hinggan'),
      `Ulanqab's row shows no shared money: ${cell}`,
    );
    // Chart labels fit: the 1,976,000 poor of 2016 are not clipped into "76000".
    const labels = await page.locator('.line-chart text').allTextContents();
    assert(!labels.some((l) => /^76000/.test(l)), `a clipped chart label: ${labels.join(' | ')}`);
  });
}

async function actorCsvCheck({ server, withPage, shot, assert, treasuryFlow }) {
  await withPage(
    'an actor CSV has a BOM, plain amounts and only the filtered rows',
    async (page) => {
      await page.goto(
        `${server.url}/actors/${encodeURIComponent(treasuryFlow.source.id)}?status=COMMITTED`,
      );
      await page.locator('.flow-table').nth(1).locator('tbody tr').first().waitFor();
      const shown = await page.locator('.flow-table').nth(1).locator('tbody tr').count();
      // The button is the server's export of the table's filter (GET /export/flows.csv?…).
      const link = page.locator('.flow-table').nth(1).getByRole('link', { name: /CSV/ });
      const href = (await link.getAttribute('href')) ?? '';
      const query = new URLSearchParams(href.split('?')[1]);
      assert(href.startsWith('/export/flows.csv?'), `not the export endpoint: ${href}`);
      assert(query.get('status') === 'COMMITTED', `the link drops the status filter: ${href}`);
      assert(
        query.get('sourceId') === treasuryFlow.source.id,
        `not this actor's outflows: ${href}`,
      );
      // The button counts every flow the filter selects; the CSV holds them all.
      const total = Number((await link.textContent())?.match(/\((\d+)\)/)?.[1]);
      assert(total >= shown, `the button counts ${total}, the table shows ${shown}`);
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      const csv = readFileSync(await download.path(), 'utf8');
      assert(csv.charCodeAt(0) === 0xfeff, 'the CSV has no BOM');
      const records = csvRecords(csv.slice(1));
      const lines = records.map((r) => r.join(','));
      // Headers in the reader's language, the unit apart, what counts toward public money.
      assert(
        lines[0].startsWith('记录编号,来源编号,接收方编号,数额') &&
          records[0].includes('单位') &&
          records[0].includes('计入公共资金'),
        `bad header: ${lines[0]}`,
      );
      assert(
        records.length - 1 === total,
        `CSV has ${records.length - 1} rows, the button says ${total}`,
      );
      assert(
        lines.some((l) => l.includes(',4880000000,EXACT,')),
        'no plain 4880000000 amount',
      );
      assert(
        lines.some((l) => l.includes('48.8億元')),
        'no citation quote in the CSV',
      );
      assert(!csv.includes(',PLANNED,'), 'a planned flow slipped past the COMMITTED filter');
      await shot(page, 'actor');
    },
  );
}

async function liveFlowCheck({ server, withPage, gql, assert, treasuryFlow }) {
  await withPage(
    'an open actor page shows a flow recorded meanwhile (flowRecorded over SSE)',
    async (page) => {
      await page.goto(
        `${server.url}/actors/${encodeURIComponent(treasuryFlow.source.id)}?status=COMMITTED`,
      );
      const rows = page.locator('.flow-table').nth(1).locator('tbody tr');
      await rows.first().waitFor();
      const before = await rows.count();
      // Let the subscription's request reach the server before the write.
      await page.waitForTimeout(500);
      const recorded = await gql(
        server.url,
        `mutation($input: RecordFlowInput!) { recordFlow(input: $input) { __typename } }`,
        {
          input: {
            sourceId: treasuryFlow.source.id,
            targetId: treasuryFlow.target.id,
            amount: { value: '1234567.89' },
            year: 2017,
            status: 'COMMITTED',
            instrument: 'GRANT',
            reason: 'e2e: live update',
          },
        },
        ADMIN_TOKEN,
      );
      assert(recorded.recordFlow.__typename === 'RecordFlowSuccess', 'the flow was not recorded');
      const deadline = Date.now() + 10_000;
      while ((await rows.count()) === before) {
        assert(Date.now() < deadline, 'the open page did not update within 10 s');
        await page.waitForTimeout(100);
      }
      assert((await rows.count()) === before + 1, 'not exactly one new row');
    },
  );
}
