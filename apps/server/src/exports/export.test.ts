import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { importDataset } from '../imports/import-dataset.js';
import { exportHarness } from '../test/export-server.js';
import { fingerprint } from '../test/fingerprint.js';
import { graphqlClient } from '../test/test-db.js';

const { ctx, base, close } = await exportHarness();
const gql = graphqlClient(ctx.db);
afterAll(close);

function parseCsv(text: string): string[][] {
  // The export quotes fields holding , " or newlines; the seed has none of the latter.
  return text
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n')
    .map(
      (line) =>
        line
          .match(/("([^"]|"")*"|[^,]*)(,|$)/g)
          ?.map((f) => f.replace(/,$/, '').replace(/^"|"$/g, '').replaceAll('""', '"')) ?? [],
    )
    .map((fields) => fields.slice(0, -1));
}

describe('/export', () => {
  it('flows.csv: UTF-8 with BOM, plain decimal amounts, qualifier/low/high/currency, all flows', async () => {
    const response = await fetch(`${base}/export/flows.csv`);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(new TextDecoder().decode(bytes));
    expect(header?.slice(0, 4)).toEqual(['external_id', 'source_key', 'target_key', 'amount']);
    const { data } = await gql<{ flows: { totalCount: number } }>('{ flows { totalCount } }');
    expect(rows).toHaveLength(data?.flows.totalCount ?? -1);
    const col = (name: string) => header?.indexOf(name) ?? -1;
    const loans = rows.find((r) => r[col('amount')] === '15000000000');
    expect(loans?.[col('qualifier')]).toBe('AT_LEAST');
    expect(loans?.[col('low')]).toBe('15000000000');
    expect(loans?.[col('currency')]).toBe('CNY');
    expect(rows.every((r) => /^(0|[1-9][0-9]*)(\.[0-9]+)?$/.test(r[col('amount')] ?? ''))).toBe(
      true,
    );
    // Each row carries the words that state it (the 48.8 亿 of 2017 is cited in the article).
    const cited = rows.find((r) => r[col('amount')] === '4880000000' && r[col('year')] === '2017');
    expect(cited?.[col('citations')]).toMatch(/48\.8億元/);
    expect(cited?.[col('source_name_en')]).toBe('Inner Mongolia regional-level treasury');
  });

  it('honours the flows filters, as the GraphQL query does', async () => {
    const { data } = await gql<{ flows: { totalCount: number } }>(
      '{ flows(filter: { year: 2017, regionCode: "110000" }) { totalCount } }',
    );
    const response = await fetch(`${base}/export/flows.json?year=2017&regionCode=110000`);
    const flows = (await response.json()) as { year: number }[];
    expect(flows).toHaveLength(data?.flows.totalCount ?? -1);
    expect(flows.every((f) => f.year === 2017)).toBe(true);
  });

  it('refuses bad filters with 400', async () => {
    for (const query of [
      'year=abc',
      'status=LOST',
      'regionCode=999999',
      'colour=red',
      'programId=xyz',
    ]) {
      const response = await fetch(`${base}/export/flows.csv?${query}`);
      expect(response.status, query).toBe(400);
    }
    expect((await fetch(`${base}/export/totals.csv?groupBy=COLOUR`)).status).toBe(400);
    expect((await fetch(`${base}/export/secrets.csv`)).status).toBe(404);
  });

  it('totals.csv by year: a row per year with each money bucket and the flow count', async () => {
    const text = await (await fetch(`${base}/export/totals.csv?groupBy=YEAR`)).text();
    const [header, ...rows] = parseCsv(text);
    expect(header?.slice(0, 3)).toEqual(['year', 'public_money_value', 'public_money_qualifier']);
    const { data } = await gql<{
      totals: { year: number; publicMoney: { value: string; qualifier: string } }[];
    }>('{ totals(groupBy: [YEAR]) { year publicMoney { value qualifier } } }');
    for (const total of data?.totals ?? []) {
      const row = rows.find((r) => r[0] === String(total.year));
      expect(row?.slice(1, 3)).toEqual([total.publicMoney.value, total.publicMoney.qualifier]);
    }
  });
});

describe('/export, imported again', () => {
  it('round trip: the exported flows, actors and observations import back unchanged', async () => {
    const before = await fingerprint(ctx.db);
    const by = { author: 'test', tokenId: null };
    const flowsCsv = await (await fetch(`${base}/export/flows.csv`)).text();
    const csvReport = await importDataset(ctx.db, by, flowsCsv, { format: 'CSV' });
    expect(csvReport.flows.created + csvReport.flows.updated).toBe(0);
    for (const name of ['actors', 'flows', 'observations']) {
      const json = await (await fetch(`${base}/export/${name}.json`)).text();
      const report = await importDataset(ctx.db, by, json, { format: 'JSON' });
      expect(report.rows).toBeGreaterThan(0);
      for (const counts of [report.actors, report.flows, report.observations]) {
        expect(counts.created + counts.updated, name).toBe(0);
      }
    }
    expect(await fingerprint(ctx.db)).toEqual(before);
  });

  it('carries inferences and Chinese notes: imported copies of exported records match them', async () => {
    const by = { author: 'test', tokenId: null };
    const csv = (await (await fetch(`${base}/export/flows.csv`)).text()).split('\r\n');
    const copiedCsv = [
      csv[0],
      ...csv
        .slice(1)
        .filter(Boolean)
        .map((l) => `csv-${l}`),
    ].join('\n');
    await importDataset(ctx.db, by, copiedCsv, { format: 'CSV' });
    for (const name of ['flows', 'observations']) {
      const records = JSON.parse(await (await fetch(`${base}/export/${name}.json`)).text());
      const copies = records.map((r: { key: string }) => ({ ...r, key: `json-${r.key}` }));
      await importDataset(ctx.db, by, JSON.stringify(copies), { format: 'JSON' });
    }
    for (const [table, prefix] of [
      ['flows', 'csv-'],
      ['flows', 'json-'],
      ['observations', 'json-'],
    ] as const) {
      const { rows } = await sql<{ key: string; same: boolean; inferred: number }>`
        select o.key, c.inferred = o.inferred and c.note_zh is not distinct from o.note_zh
            and c.note is not distinct from o.note as same, jsonb_array_length(o.inferred) as inferred
        from ${sql.table(table)} o join ${sql.table(table)} c on c.key = ${prefix} || o.key`.execute(
        ctx.db,
      );
      expect(rows.length, `${prefix}${table}`).toBeGreaterThan(10);
      expect(rows.filter((r) => r.inferred > 0).length, `${prefix}${table}`).toBeGreaterThan(3);
      expect(
        rows.filter((r) => !r.same).map((r) => r.key),
        `${prefix}${table}`,
      ).toEqual([]);
    }
  });
});
