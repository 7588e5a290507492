import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDb, graphqlClient } from '../test/test-db.js';

const statements: string[] = [];
const ctx = await createTestDb({ onQuery: (sql) => statements.push(sql) });
const gql = graphqlClient(ctx.db);
afterAll(() => ctx.close());

const doc = await ctx.db.selectFrom('documents').select(['id', 'text']).executeTakeFirstOrThrow();
const docId = encodeGlobalID('Document', doc.id);
const chars = Array.from(doc.text);

interface FigureOut {
  start: number;
  end: number;
  text: string;
  value: string;
  unit: string;
  qualifier: string;
  times: string | null;
  range: string | null;
  citedBy: { __typename: string; id: string; key?: string }[];
}
interface Page {
  node: {
    figures: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: { cursor: string; node: FigureOut }[];
    };
  };
}

const FIGURES = `query($id: ID!, $first: Int, $after: String) { node(id: $id) { ... on Document {
  figures(first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { start end text value unit qualifier times range
      citedBy { __typename id ... on Flow { key } ... on Observation { key } } } }
  } } } }`;

const page = (first?: number, after?: string | null) =>
  gql<Page>(FIGURES, { id: docId, first, after });

describe('Document.figures on the seed article', () => {
  it('lists every figure with its offsets, value, unit and qualifier', async () => {
    const result = await page(100);
    expect(result.errors).toBeUndefined();
    const figures = result.data?.node.figures;
    expect(figures?.totalCount).toBe(84);
    expect(figures?.pageInfo.hasNextPage).toBe(false);
    const nodes = figures?.edges.map((e) => e.node) ?? [];
    expect(nodes).toHaveLength(84);
    for (const f of nodes) expect(chars.slice(f.start, f.end).join('')).toBe(f.text);
    expect(nodes.find((f) => f.text === '150億元以上')).toMatchObject({
      value: '15000000000',
      unit: 'CNY',
      qualifier: 'AT_LEAST',
    });
    expect(nodes.find((f) => f.text === '四個100億')).toMatchObject({
      value: '10000000000',
      times: '4',
    });
    expect(nodes.filter((f) => f.range).map((f) => [f.text, f.range])).toEqual([
      ['2017', 'FROM'],
      ['2019年', 'TO'],
    ]);
  });

  it('says which records cite each figure', async () => {
    const nodes = (await page(100)).data?.node.figures.edges.map((e) => e.node) ?? [];
    const cited = (text: string) =>
      nodes.find((f) => f.text === text)?.citedBy.map((r) => `${r.__typename} ${r.key}`);
    expect(cited('十項')).toEqual(['Observation poverty-policy-measures-2017']);
    expect(cited('48.8億元')).toContain('Flow treasury-to-poor-counties-2017');
    expect(cited('后五位')).toEqual(['Observation counties-admonished-2017']);
    expect(nodes.filter((f) => f.text === '五年').map((f) => f.citedBy)).toEqual([[], []]);
    // citedBy names every record once, as a node whose id `node(id)` answers
    const ids = nodes.flatMap((f) => f.citedBy.map((r) => r.id));
    expect(ids.length).toBeGreaterThan(80);
    const first = nodes.find((f) => f.citedBy.length > 0)?.citedBy[0];
    const back = await gql<{ node: { id: string } }>('query($id: ID!) { node(id: $id) { id } }', {
      id: first?.id,
    });
    expect(back.data?.node.id).toBe(first?.id);
  });
});

describe('Document.figures on the seed article: pages and batching', () => {
  it('pages with cursors, and the pages add up to the whole list', async () => {
    const whole = (await page(100)).data?.node.figures.edges.map((e) => e.node.start);
    const starts: number[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const result = await page(30, after);
      expect(result.errors).toBeUndefined();
      const figures = result.data?.node.figures;
      starts.push(...(figures?.edges.map((e) => e.node.start) ?? []));
      after = figures?.pageInfo.endCursor ?? null;
      if (!figures?.pageInfo.hasNextPage) break;
    }
    expect(starts).toEqual(whole);
  });

  it('loads who cites a page of figures in one statement per record type, not per figure', async () => {
    statements.length = 0;
    const result = await page(100, null);
    expect(result.errors).toBeUndefined();
    // the document, the page's citations, and one batch per record type (and the response
    // cache's read of the data version and scopes, which every request makes); the seed's overlaps cite
    // the article too (their statement names its table unquoted)
    const tables = statements
      .map((s) => /from "?(\w+)"?/.exec(s)?.[1])
      .filter((table) => table !== 'data_version' && table !== 'data_scopes');
    expect(tables.sort()).toEqual([
      'actors',
      'citations',
      'documents',
      'flow_overlaps',
      'flows',
      'observations',
      'pairings',
    ]);
  });

  it.each([
    [0, null],
    [101, null],
    [10, 'bm90LWEtY3Vyc29y'],
  ])('refuses first=%s after=%s with a typed error', async (first, after) => {
    const result = await page(first, after);
    expect(result.data?.node ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/first must be between 1 and 100|Malformed cursor/);
  });
});
