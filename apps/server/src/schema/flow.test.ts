import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, graphqlClient } from '../test/test-db.js';

const ctx = await createTestDb();
const gql = graphqlClient(ctx.db);
afterAll(() => ctx.close());

interface FlowNode {
  id: string;
  year: number;
  amount: { value: string; qualifier: string; formatted: string; unit: string };
  source: { name: string; region: { code: string } | null };
  target: { name: string; region: { code: string } | null };
  program: { name: string } | null;
  citations: { quote: string; start: number; end: number; document: { title: string } }[];
}
interface FlowPage {
  flows: {
    totalCount: number;
    edges: { cursor: string; node: FlowNode }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

const PAGE = `query Page($first: Int, $after: String, $filter: FlowFilter) {
  flows(first: $first, after: $after, filter: $filter) {
    totalCount
    edges { cursor node {
      id year
      amount { value qualifier formatted unit }
      source { name region { code } }
      target { name region { code } }
      program { name }
      citations { quote start end document { title } }
    } }
    pageInfo { hasNextPage endCursor }
  }
}`;

let all: FlowNode[] = [];
beforeAll(async () => {
  const result = await gql<FlowPage>(PAGE, { first: 100 });
  expect(result.errors).toBeUndefined();
  all = result.data?.flows.edges.map((e) => e.node) ?? [];
});

describe('flows', () => {
  it('serves the seed flows with amounts, names, programs and verbatim citations', () => {
    const regional = all.find((f) => f.amount.value === '4880000000');
    expect(regional).toMatchObject({
      year: 2017,
      amount: { qualifier: 'EXACT', formatted: '48.8亿元' },
    });
    expect(regional?.citations.some((c) => c.quote.includes('48.8億元'))).toBe(true);
    const loans = all.find((f) => f.amount.value === '15000000000');
    expect(loans?.amount).toMatchObject({ qualifier: 'AT_LEAST', formatted: '≥150亿元' });
    for (const flow of all) expect(flow.citations.length).toBeGreaterThan(0);
  });

  it('pages by cursor without gaps or overlaps', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 50; i++) {
      const page: Awaited<ReturnType<typeof gql<FlowPage>>> = await gql<FlowPage>(PAGE, {
        first: 7,
        after,
      });
      expect(page.errors).toBeUndefined();
      const flows = page.data?.flows;
      seen.push(...(flows?.edges.map((e) => e.node.id) ?? []));
      if (!flows?.pageInfo.hasNextPage) break;
      after = flows.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.map((f) => f.id));
  });
});

describe('flows: filters and node()', () => {
  it('filters by year, region and source', async () => {
    const y2016 = await gql<FlowPage>(PAGE, { filter: { year: 2016 }, first: 100 });
    const years = y2016.data?.flows.edges.map((e) => e.node.year);
    expect(years?.length).toBeGreaterThan(0);
    expect(new Set(years)).toEqual(new Set([2016]));
    expect(y2016.data?.flows.edges.some((e) => e.node.amount.value === '1880000000')).toBe(true);

    const beijing = await gql<FlowPage>(PAGE, { filter: { regionCode: '110000' }, first: 100 });
    const edges = beijing.data?.flows.edges ?? [];
    expect(edges.length).toBeGreaterThan(0);
    for (const { node } of edges) {
      expect([node.source.region?.code, node.target.region?.code]).toContain('110000');
    }

    const regional = all.find((f) => f.amount.value === '4880000000');
    const node = await gql<{ node: { source: { id: string } } }>(
      `query($id: ID!) { node(id: $id) { ... on Flow { source { id } } } }`,
      { id: regional?.id },
    );
    const sourceId = node.data?.node.source.id;
    const bySource = await gql<FlowPage>(PAGE, { filter: { sourceId }, first: 100 });
    expect(bySource.data?.flows.totalCount).toBeGreaterThanOrEqual(2);
    expect(
      bySource.data?.flows.edges.every((e) => e.node.source.name === regional?.source.name),
    ).toBe(true);
  });

  it.each([
    [{ first: 101 }, 'first'],
    [{ first: 100000 }, 'first'],
    [{ first: 0 }, 'first'],
    [{ first: 10, after: 'not-a-cursor' }, 'after'],
    [{ filter: { year: 3000 } }, 'year'],
    [{ filter: { sourceId: 'QWN0b3I6OTk5OTk5' } }, 'sourceId'],
    [{ filter: { sourceId: 'garbage' } }, 'sourceId'],
    [{ filter: { regionCode: "15'; drop table flows; --" } }, 'regionCode'],
  ])('refuses bad input %j with a typed error', async (variables, argument) => {
    const result = await gql(PAGE, variables);
    expect(result.status).toBe(200);
    expect(result.data).toBeNull();
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(JSON.stringify(result.errors)).not.toMatch(/select|stack|at .*\.ts/i);
  });

  it('answers node() for flows and null for unknown ids', async () => {
    const first = all[0];
    const found = await gql<{ node: { id: string } | null }>(
      `query($id: ID!) { node(id: $id) { id } }`,
      {
        id: first?.id,
      },
    );
    expect(found.data?.node?.id).toBe(first?.id);
    const missing = await gql<{ node: unknown }>(`{ node(id: "Rmxvdzo5OTk5OTk=") { id } }`);
    expect(missing.errors).toBeUndefined();
    expect(missing.data?.node).toBeNull();
  });
});
