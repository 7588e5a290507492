import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Decimal } from '@fundtrace/schema/money';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveExport } from '../exports/http.js';
import { createTestDb } from '../test/test-db.js';
import { expectUnchanged } from '../test/unchanged.js';
import { writeClient } from '../test/write-client.js';

const ctx = await createTestDb();
const gql = writeClient(ctx.db);
let server: Server;
let base = '';
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await ctx.close();
});

const RECORD = `mutation($input: RecordOverlapInput!) { recordOverlap(input: $input) {
  __typename ... on Error { message }
  ... on RecordOverlapSuccess { overlap { id key certainty note maxShared { value }
    statedTotal { value } minShared { value }
    flows { key } history { action author } } } } }`;
const RETRACT = `mutation($input: RetractInput!) { retractOverlap(input: $input) {
  __typename ... on Error { message } } }`;
const TOTALS = `{ totals(groupBy: [YEAR], filter: { year: 2017 }) {
  publicMoney { value low high qualifier } overlaps { id key certainty } overlappingFlowCount } }`;

type Result = { __typename: string; message?: string; overlap?: Record<string, unknown> };
type Total = {
  publicMoney: { value: string; low: string | null; high: string | null; qualifier: string };
  overlaps: { id: string; key: string; certainty: string }[];
  overlappingFlowCount: number;
};
const ids = new Map<string, string>();
const id = (key: string) => ids.get(key) ?? '';
const TREASURY = 'treasury-to-poor-counties-2017';
const INTEGRATED = 'integrated-funds-2017';
// Two 2017 flows no seed overlap touches: 2.5億 and 11.8億.
const BEIJING = 'beijing-aid-2017';
const DEPARTMENTS = 'regional-departments-aid-2017';
const SEED_OVERLAPS = [
  'integrated-funds-and-regional-input-2017',
  'industrial-fund-and-regional-input-2017',
];
const minus = (a: string | undefined, b: string) => new Decimal(a ?? 'NaN').minus(b).toFixed();

beforeAll(async () => {
  server = createServer((req, res) => void serveExport(ctx.db, req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { data } = await gql<{ flows: { edges: { node: { id: string; key: string } }[] } }>(
    '{ flows(first: 100) { edges { node { id key } } } }',
  );
  for (const { node } of data?.flows.edges ?? []) ids.set(node.key, node.id);
});

const record = async (input: Record<string, unknown>) =>
  (await gql<{ recordOverlap: Result }>(RECORD, { input })).data?.recordOverlap;
const totals2017 = async () => (await gql<{ totals: Total[] }>(TOTALS)).data?.totals[0];

describe('overlaps', () => {
  it('the seed overlaps make 2017 public money a range: 114.9713億 to 134.9713億', async () => {
    const total = await totals2017();
    expect(total?.publicMoney.value).toBe('16377130000'); // the plain sum: 163.7713億
    // at most the 48.8億 is counted twice: the 80億 and the 20億 can share it only once
    expect(total?.publicMoney.low).toBe('11497130000');
    // the press report's 100億 for both 80億 and 48.8億: they share at least 28.8億
    expect(total?.publicMoney.high).toBe('13497130000');
    expect(total?.overlaps.map((o) => o.key).sort()).toEqual([...SEED_OVERLAPS].sort());
    expect(total?.overlappingFlowCount).toBe(3);
  });

  it('refuses bad input with a typed error and writes nothing', async () => {
    const pair = [id(BEIJING), id(DEPARTMENTS)];
    const cases: [Record<string, unknown>, string][] = [
      [{ flowIds: [pair[0], pair[0]] }, 'ValidationError'],
      [{ flowIds: [pair[0], 'Rmxvdzo5OTk5OTk='] }, 'NotFoundError'],
      [{ flowIds: pair, maxShared: '300000000' }, 'ValidationError'],
      // a total of the two below the larger one, or needing them to share more than they can
      [{ flowIds: pair, statedTotal: '1000000000' }, 'ValidationError'],
      [{ flowIds: pair, maxShared: '100000000', statedTotal: '1300000000' }, 'ValidationError'],
      [{ flowIds: [id(TREASURY), id(INTEGRATED)] }, 'ConflictError'],
    ];
    for (const [input, typename] of cases) {
      const result = await expectUnchanged(ctx.db, () =>
        record({ certainty: 'POSSIBLE', ...input }),
      );
      expect(result?.__typename, JSON.stringify(input)).toBe(typename);
    }
  });

  it('a recorded overlap widens the range, a stated total narrows it, in GraphQL and the CSV', async () => {
    const before = await totals2017();
    const result = await record({
      key: 'test-overlap',
      flowIds: [id(DEPARTMENTS), id(BEIJING)],
      certainty: 'PROBABLE',
      statedTotal: '1300000000',
      note: 'a test: 13億 stated for both',
    });
    expect(result?.__typename).toBe('RecordOverlapSuccess');
    expect(result?.overlap).toMatchObject({
      certainty: 'PROBABLE',
      maxShared: { value: '250000000' },
      statedTotal: { value: '1300000000' },
      minShared: { value: '130000000' },
      history: [{ action: 'CREATE', author: 'admin' }],
    });
    const after = await totals2017();
    const value = before?.publicMoney.value ?? '';
    expect(after?.publicMoney.value).toBe(value);
    // another pair, no flow in common with the seed's: its shares add to theirs
    expect(after?.publicMoney.low).toBe(minus(before?.publicMoney.low ?? '', '250000000'));
    expect(after?.publicMoney.high).toBe(minus(before?.publicMoney.high ?? '', '130000000'));
    expect(after?.overlaps).toContainEqual({
      id: result?.overlap?.id,
      key: 'test-overlap',
      certainty: 'PROBABLE',
    });
    expect(after?.overlappingFlowCount).toBe(5);

    const csv = await (await fetch(`${base}/export/totals.csv?groupBy=YEAR&year=2017`)).text();
    const [header, row] = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    const column = (name: string) => row?.split(',')[header?.split(',').indexOf(name) ?? -1];
    expect(column('public_money_low')).toBe(after?.publicMoney.low);
    expect(column('public_money_high')).toBe(after?.publicMoney.high);
    const exported = await (await fetch(`${base}/export/overlaps.csv`)).text();
    expect(exported).toContain(`test-overlap,${BEIJING},${DEPARTMENTS},PROBABLE,,1300000000,`);
  });
});

describe('an overlap, once recorded', () => {
  it('a trace through an overlapping flow warns OVERLAP, naming the overlap, in both languages', async () => {
    const { data } = await gql<{
      trace: {
        warnings: { code: string; en: string; zh: string; overlap: { key: string } | null }[];
      };
    }>(
      `query($from: ID!) { trace(from: $from, year: 2017) {
      warnings { code en: message(locale: EN) zh: message(locale: ZH) overlap { key } } } }`,
      {
        from: id(BEIJING),
      },
    );
    const warning = data?.trace.warnings.find((w) => w.overlap?.key === 'test-overlap');
    expect(warning?.code).toBe('OVERLAP');
    // Each language names the other flow by its ends; the key (a slug) only in English.
    expect(warning?.en).toMatch(/may share money with .+ → .+ \(overlap test-overlap: probable\)/);
    expect(warning?.zh).toMatch(/可能与.+ → .+重叠（很可能）/);
    expect(warning?.zh).not.toContain('test-overlap');
  });
});

describe('a trace from an actor through pooled flows', () => {
  it('warns OVERLAP for a recorded overlap of a flow it pooled with others of its pair', async () => {
    const { data: flow } = await gql<{ node: { source: { id: string } } }>(
      'query($id: ID!) { node(id: $id) { ... on Flow { source { id } } } }',
      { id: id(TREASURY) },
    );
    const trace = async (year: number) =>
      (
        await gql<{ trace: { warnings: { code: string; overlap: { key: string } | null }[] } }>(
          `query($from: ID!, $year: Int) { trace(from: $from, year: $year) {
          warnings { code overlap { key } } } }`,
          { from: flow?.node.source.id, year },
        )
      ).data?.trace.warnings.filter((w) => w.code === 'OVERLAP') ?? [];
    expect((await trace(2017)).map((w) => w.overlap?.key).sort()).toEqual(
      [...SEED_OVERLAPS].sort(),
    );
    // The treasury's 2016 flow overlaps nothing.
    expect(await trace(2016)).toEqual([]);
  });
});

describe('a balance with overlapping inflows', () => {
  it("the shared target's balance: inflow as a range, flagged OVERLAPPING_INFLOW", async () => {
    const { data } = await gql<{
      node: { target: { balance: { inflow: Total['publicMoney']; flags: string[] } } };
    }>(
      `query($id: ID!) { node(id: $id) { ... on Flow { target { balance(year: 2017) {
      inflow { value low high } flags } } } } }`,
      { id: id(TREASURY) },
    );
    const { inflow, flags } = data?.node.target.balance ?? { inflow: null, flags: [] };
    expect(flags).toContain('OVERLAPPING_INFLOW');
    // the poor counties receive the 80億 and the 48.8億: a stated total of 100億 for both
    expect(inflow?.high).toBe(minus(inflow?.value, '2880000000'));
    expect(inflow?.low).toBe(minus(inflow?.value, '4880000000'));
  });

  it('a flow with an overlap cannot be retracted before it', async () => {
    const result = await expectUnchanged(ctx.db, () =>
      gql<{ retractFlow: Result }>(
        `mutation($input: RetractInput!) { retractFlow(input: $input) { __typename } }`,
        { input: { id: id(TREASURY) } },
      ),
    );
    expect(result.data?.retractFlow.__typename).toBe('ConflictError');
  });

  it('lists overlaps by flow filter and on flows; retracting keeps the history', async () => {
    const { data } = await gql<{
      overlaps: { totalCount: number; edges: { node: { id: string; key: string } }[] };
      none: { totalCount: number };
    }>(`{ overlaps(filter: { year: 2017 }, first: 10) { totalCount edges { node { id key } } }
      none: overlaps(filter: { year: 2016 }) { totalCount } }`);
    expect(data?.overlaps.totalCount).toBe(3); // the seed's two and the test's
    expect(data?.none.totalCount).toBe(0);
    const overlapId = data?.overlaps.edges.find((e) => e.node.key === 'test-overlap')?.node.id;
    const retracted = await gql<{ retractOverlap: Result }>(RETRACT, {
      input: { id: overlapId, reason: 'test' },
    });
    expect(retracted.data?.retractOverlap.__typename).toBe('RetractOverlapSuccess');
    const after = await totals2017();
    expect(after?.overlaps.map((o) => o.key).sort()).toEqual([...SEED_OVERLAPS].sort());
    expect(after?.publicMoney.low).toBe('11497130000');
    const history = await gql<{ history: { action: string }[] }>(
      `{ history(id: "${overlapId}") { action } }`,
    );
    expect(history.data?.history.map((r) => r.action)).toEqual(['CREATE', 'RETRACT']);
  });
});
