import type { AddressInfo } from 'node:net';
import { Decimal, MAX_AMOUNT } from '@fundtrace/schema/money';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { readConfig } from '../config.js';
import { createLogger } from '../observability/logger.js';
import { exportHarness } from '../test/export-server.js';
import { fingerprint } from '../test/fingerprint.js';
import { writeClient } from '../test/write-client.js';

// Hostile input: amounts too large for public money, and sums past any single column's width.
const { ctx, base, close } = await exportHarness();
const gql = writeClient(ctx.db);
afterAll(close);

const idOf = async (key: string) =>
  (await ctx.db.selectFrom('actors').select('id').where('key', '=', key).executeTakeFirstOrThrow())
    .id;

const RECORD = `mutation($input: RecordFlowInput!) { recordFlow(input: $input) { __typename } }`;

const LARGEST = '9999999999999999.9999';
/** Enough flows at the largest amount that their sum has more integer digits than a column. */
const COPIES = 20_002;

const AGGREGATES = `query($t: ID!, $c: ID!) {
  totals(groupBy: [YEAR], filter: { year: 2017 }) { publicMoney { value } planned { value } }
  trace(from: $t, year: 2017) { total { value } }
  treasury: node(id: $t) { ... on Actor { balance(year: 2017) { outflow { value } } } }
  counties: node(id: $c) { ... on Actor { balance(year: 2017) { inflow { value } residual { value } } } }
  boundaryTotals(regionCode: "150000", year: 2017) { internal { publicMoney { value } planned { value } } }
  region(code: "150000") { boundary(year: 2017) { internal { publicMoney { value } planned { value } } } }
}`;

type Sums = Record<string, string>;
/** Every money value of the answer by its path, to compare before and after. */
function values(data: unknown, path = '', out: Sums = {}): Sums {
  if (data && typeof data === 'object') {
    for (const [k, v] of Object.entries(data)) values(v, `${path}.${k}`, out);
  } else if (typeof data === 'string' && path.endsWith('.value')) out[path] = data;
  return out;
}

describe('hostile amounts', () => {
  it(`refuses amounts of ${MAX_AMOUNT.toFixed()} yuan and more, writing nothing`, async () => {
    const [source, target] = [await idOf('im-regional-treasury'), await idOf('poor-counties')];
    const input = (value: string) => ({
      key: `huge-${value.length}`,
      sourceId: encodeGlobalID('Actor', source),
      targetId: encodeGlobalID('Actor', target),
      amount: { value },
      year: 2017,
      status: 'PLANNED',
      instrument: 'GRANT',
    });
    const before = await fingerprint(ctx.db);
    for (const value of ['99999999999999999999', MAX_AMOUNT.toFixed(), '10000000000000000.5']) {
      const result = await gql(RECORD, { input: input(value) });
      // refused as the variables are read, before anything runs
      expect(result.status).toBe(400);
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toMatch(/not below 10\^16/);
    }
    expect(await fingerprint(ctx.db)).toEqual(before);
    const largest = await gql<{ recordFlow: { __typename: string } }>(RECORD, {
      input: input(LARGEST),
    });
    expect(largest.data?.recordFlow.__typename).toBe('RecordFlowSuccess');
  });

  it('sums of accepted amounts past 20 integer digits answer exactly in every aggregate and export', async () => {
    const vars = {
      t: encodeGlobalID('Actor', await idOf('im-regional-treasury')),
      c: encodeGlobalID('Actor', await idOf('poor-counties')),
    };
    const before = await gql(AGGREGATES, vars);
    expect(before.errors).toBeUndefined();
    // Copies of the largest accepted amount, half planned and half disbursed, inside 150000.
    await sql`insert into flows (key, source_id, target_id, amount, qualifier, unit, year, status, instrument)
      select 'huge-copy-' || g, f.source_id, f.target_id, f.amount, 'EXACT', 'CNY', 2017,
        case when g % 2 = 0 then 'PLANNED' else 'DISBURSED' end, 'GRANT'
      from flows f, generate_series(1, ${COPIES}) g where f.amount = ${LARGEST}`.execute(ctx.db);
    const after = await gql(AGGREGATES, vars);
    expect(after.errors).toBeUndefined();
    const [was, now] = [values(before.data), values(after.data)];
    expect(Object.keys(now).sort()).toEqual(Object.keys(was).sort());
    const half = new Decimal(LARGEST).times(COPIES / 2);
    for (const [path, value] of Object.entries(now)) {
      const grew = new Decimal(value).minus(was[path] ?? 'NaN');
      // the recorded PLANNED flow of the first test counts in `planned` from the start
      expect([half.toFixed(), half.times(2).toFixed()], path).toContain(grew.toFixed());
      expect(value.split('.')[0]?.length, path).toBeGreaterThan(20);
    }

    const csv = await fetch(`${base}/export/totals.csv?year=2017&groupBy=YEAR`);
    expect(csv.status).toBe(200);
    const text = await csv.text();
    const total = (after.data as { totals: { publicMoney: { value: string } }[] }).totals[0];
    expect(text).toContain(`,${total?.publicMoney.value},`);
  }, 120_000);

  it('a failing export says so with an error status, not an empty 200', async () => {
    // The real server (its own PGlite in memory), whose export route answers what failed.
    const app = await createApp(
      readConfig({ PGLITE_DIR: 'memory://' }),
      createLogger('error', { write: () => {} }),
    );
    await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    try {
      await sql`alter table flows rename column amount to amount_hidden`.execute(app.db);
      for (const name of ['totals', 'flows']) {
        const response = await fetch(`${url}/export/${name}.csv`);
        expect(response.status, name).toBe(500);
        expect(await response.json()).toEqual({ error: 'export failed' });
      }
    } finally {
      await new Promise((resolve) => app.server.close(resolve));
      await app.close();
    }
  }, 60_000);
});
