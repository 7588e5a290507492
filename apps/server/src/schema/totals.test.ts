import { Decimal } from '@fundtrace/schema/money';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDb, graphqlClient } from '../test/test-db.js';

const ctx = await createTestDb();
const gql = graphqlClient(ctx.db);
afterAll(() => ctx.close());

interface Money {
  value: string;
  low: string | null;
  high: string | null;
  qualifier: string;
  unit: string;
}
const MONEY = 'value low high qualifier unit';

describe('totals', () => {
  it('keeps loans, leveraged and planned money out of public money, and sums the rest exactly', async () => {
    const totals = await gql<{
      totals: {
        year: number;
        publicMoney: Money;
        loanPrincipal: Money;
        leveraged: Money;
        planned: Money;
        otherResources: Money[];
        flowCount: number;
      }[];
    }>(`{ totals(groupBy: [YEAR], filter: { year: 2017 }) {
      year flowCount publicMoney { ${MONEY} } loanPrincipal { ${MONEY} } leveraged { ${MONEY} }
      planned { ${MONEY} } otherResources { ${MONEY} } } }`);
    expect(totals.errors).toBeUndefined();
    const [row] = totals.data?.totals ?? [];
    expect(row?.year).toBe(2017);

    const flows = await gql<{
      flows: { edges: { node: { status: string; instrument: string; amount: Money } }[] };
    }>(
      `{ flows(first: 100, filter: { year: 2017 }) { edges { node { status instrument amount { ${MONEY} } } } } }`,
    );
    const nodes = flows.data?.flows.edges.map((e) => e.node) ?? [];
    const sumOf = (pick: (n: (typeof nodes)[number]) => boolean) =>
      nodes
        .filter(pick)
        .reduce((s, n) => s.plus(n.amount.value), new Decimal(0))
        .toFixed();
    const cny = (n: (typeof nodes)[number]) => n.amount.unit === 'CNY';

    expect(row?.flowCount).toBe(nodes.length);
    expect(row?.publicMoney.value).toBe(
      sumOf(
        (n) => cny(n) && n.status !== 'PLANNED' && !['LOAN', 'LEVERAGED'].includes(n.instrument),
      ),
    );
    expect(row?.publicMoney.value).toBe(
      new Decimal('4880000000')
        .plus('8000000000')
        .plus('2000000000')
        .plus('67130000')
        .plus('250000000')
        .plus('1180000000')
        .toFixed(),
    );
    expect(row?.loanPrincipal).toMatchObject({
      value: '15000000000',
      qualifier: 'AT_LEAST',
      high: null,
    });
    expect(row?.leveraged.qualifier).toBe('AT_LEAST');
    expect(row?.leveraged.value).toBe(sumOf((n) => cny(n) && n.instrument === 'LEVERAGED'));
    expect(row?.planned.value).toBe('3300000000');
    expect(row?.otherResources).toEqual([
      { value: '78', low: null, high: null, qualifier: 'EXACT', unit: 'PERSON' },
    ]);
  });
});

describe('totals of bounded amounts, and by program', () => {
  it('sums bounded and unbounded amounts of one qualifier without losing bounds', async () => {
    const [a, b] = await ctx.db.selectFrom('actors').select('id').orderBy('id').limit(2).execute();
    const base = {
      source_id: a?.id ?? 0,
      target_id: b?.id ?? 0,
      year: 1990,
      status: 'DISBURSED',
      instrument: 'GRANT',
      qualifier: 'APPROXIMATE',
    };
    await ctx.db
      .insertInto('flows')
      .values([
        { ...base, key: 'bounds-a', amount: '100', low: '90', high: '110' },
        { ...base, key: 'bounds-b', amount: '50' },
      ])
      .execute();
    const result = await gql<{ totals: { publicMoney: Money }[] }>(
      `{ totals(groupBy: [YEAR], filter: { year: 1990 }) { publicMoney { ${MONEY} } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.totals[0]?.publicMoney).toMatchObject({
      value: '150',
      qualifier: 'APPROXIMATE',
      high: null,
    });
    await ctx.db.deleteFrom('flows').where('key', 'in', ['bounds-a', 'bounds-b']).execute();
  });

  it('groups by program and source', async () => {
    const result = await gql<{
      totals: { program: { name: string } | null; source: { name: string } | null }[];
    }>(`{ totals(groupBy: [PROGRAM, SOURCE]) { program { name } source { name } } }`);
    expect(result.errors).toBeUndefined();
    const names = result.data?.totals.map((t) => t.program?.name);
    expect(names).toContain('易地扶贫搬迁');
    expect(result.data?.totals.every((t) => t.source !== null)).toBe(true);
  });
});

describe('totals by region', () => {
  it("groups flows by their target's region, every flow once", async () => {
    // The seed's targets share one region: a flow to Chifeng makes a second group.
    const source = await ctx.db.selectFrom('actors').select('id').executeTakeFirstOrThrow();
    const chifeng = await ctx.db
      .insertInto('actors')
      .values({
        key: 'test-chifeng',
        name: '赤峰市（测试）',
        kind: 'GOVERNMENT',
        region_code: '150400',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ctx.db
      .insertInto('flows')
      .values({
        key: 'test-to-chifeng',
        source_id: source.id,
        target_id: chifeng.id,
        amount: '1000',
        qualifier: 'EXACT',
        year: 2017,
        status: 'DISBURSED',
        instrument: 'GRANT',
      })
      .execute();
    const result = await gql<{
      totals: {
        region: { code: string } | null;
        program: { id: string } | null;
        flowCount: number;
      }[];
    }>('{ totals(groupBy: [REGION, PROGRAM]) { region { code } program { id } flowCount } }');
    expect(result.errors).toBeUndefined();
    const byRegion = new Map<string | null, number>();
    for (const row of result.data?.totals ?? []) {
      const code = row.region?.code ?? null;
      byRegion.set(code, (byRegion.get(code) ?? 0) + row.flowCount);
    }
    const expected = await ctx.db
      .selectFrom('flows as f')
      .leftJoin('actors as a', 'a.id', 'f.target_id')
      .select(['a.region_code as code', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('a.region_code')
      .execute();
    expect(Object.fromEntries(byRegion)).toEqual(
      Object.fromEntries(expected.map((r) => [r.code, Number(r.n)])),
    );
    expect(byRegion.size).toBeGreaterThan(1);
  });
});
