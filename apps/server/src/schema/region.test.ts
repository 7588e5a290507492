import { afterAll, describe, expect, it } from 'vitest';
import { createTestDb, graphqlClient } from '../test/test-db.js';

const ctx = await createTestDb();
const gql = graphqlClient(ctx.db);
afterAll(() => ctx.close());

describe('regions and observations', () => {
  it('serves the hierarchy with English names', async () => {
    const result = await gql<{
      region: {
        name: string;
        nameEn: string;
        level: string;
        children: { code: string; nameEn: string; parent: { code: string } }[];
      };
    }>(`{ region(code: "150000") { name nameEn level children { code nameEn parent { code } } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data?.region).toMatchObject({ name: '内蒙古自治区', level: 'PROVINCE' });
    const chifeng = result.data?.region.children.find((c) => c.code === '150400');
    expect(chifeng).toEqual({ code: '150400', nameEn: 'Chifeng', parent: { code: '150000' } });
  });

  it('lists the ancestors of a county from the top, for a breadcrumb', async () => {
    const county = await ctx.db
      .selectFrom('regions')
      .select('code')
      .where('parent_code', '=', '150400')
      .executeTakeFirstOrThrow();
    const result = await gql<{ region: { ancestors: { code: string }[] } }>(
      `query($code: String!) { region(code: $code) { ancestors { code } } }`,
      { code: county.code },
    );
    expect(result.data?.region.ancestors).toEqual([{ code: '150000' }, { code: '150400' }]);
    const top = await gql<{ region: { ancestors: unknown[] } }>(
      `{ region(code: "150000") { ancestors { code } } }`,
    );
    expect(top.data?.region.ancestors).toEqual([]);
  });

  it('lists observations of a region by metric and year, with citations', async () => {
    const result = await gql<{
      region: {
        observations: {
          metric: string;
          value: string;
          year: number;
          kind: string;
          citations: { quote: string }[];
        }[];
      };
    }>(
      `{ region(code: "150000") { observations { metric value year kind citations { quote } } } }`,
    );
    const incidence = result.data?.region.observations.filter(
      (o) => o.metric === 'poverty_incidence',
    );
    expect(incidence?.map((o) => [o.year, o.kind, o.value])).toEqual([
      [2012, 'BASELINE', '14.7'],
      [2016, 'ACTUAL', '4.1'],
    ]);
    for (const o of result.data?.region.observations ?? [])
      expect(o.citations.length).toBeGreaterThan(0);
  });

  it('filters observations and refuses bad region codes', async () => {
    const result = await gql<{
      observations: { totalCount: number; edges: { node: { year: number; kind: string } }[] };
    }>(
      `{ observations(filter: { year: 2017, kind: TARGET }, first: 100) { totalCount edges { node { year kind } } } }`,
    );
    const found = result.data?.observations.edges.map((e) => e.node) ?? [];
    expect(found.length).toBeGreaterThan(0);
    expect(found).toHaveLength(result.data?.observations.totalCount ?? -1);
    expect(found.every((o) => o.year === 2017 && o.kind === 'TARGET')).toBe(true);
    const bad = await gql(`{ region(code: "abc") { code } }`);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const unknown = await gql<{ region: null }>(`{ region(code: "990000") { code } }`);
    expect(unknown.data?.region).toBeNull();
  });
});
