import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, graphqlClient } from '../test/test-db.js';

const statements: string[] = [];
// The response cache reads the data versions once per request (cache/response-cache.ts); the
// statements counted here are those that load the data.
const ctx = await createTestDb({
  onQuery: (sql) => {
    if (!/from "?data_version"?/.test(sql)) statements.push(sql);
  },
});
// The executor's batching: what answers every read the compiled path (schema/compiled) leaves.
const gql = graphqlClient(ctx.db, { compiledReads: false });
afterAll(() => ctx.close());

/** 150 more flows between the seed's actors, each with a citation, so a page holds 100 rows. */
beforeAll(async () => {
  const actors = await ctx.db.selectFrom('actors').select('id').orderBy('id').execute();
  const programs = await ctx.db.selectFrom('programs').select('id').orderBy('id').execute();
  const doc = await ctx.db.selectFrom('documents').select(['id', 'text']).executeTakeFirstOrThrow();
  const rows = Array.from({ length: 150 }, (_, i) => ({
    key: `batch-${i}`,
    source_id: actors[i % actors.length]?.id ?? 0,
    target_id: actors[(i + 1 + (i % 5)) % actors.length]?.id ?? 0,
    amount: `${1000 + i}.50`,
    qualifier: 'EXACT',
    year: 2014 + (i % 6),
    status: 'DISBURSED',
    instrument: 'GRANT',
    program_id: programs[i % programs.length]?.id ?? null,
  }));
  const inserted = await ctx.db.insertInto('flows').values(rows).returning('id').execute();
  await ctx.db
    .insertInto('citations')
    .values(
      inserted.map((f, i) => ({
        document_id: doc.id,
        start_offset: i,
        end_offset: i + 5,
        quote: Array.from(doc.text)
          .slice(i, i + 5)
          .join(''),
        flow_id: f.id,
      })),
    )
    .execute();
});

describe('a page of 100 flows', () => {
  it('loads source, target, program and citations in 2 statements', async () => {
    statements.length = 0;
    const result = await gql<{ flows: { edges: unknown[] } }>(`{ flows(first: 100) { edges { node {
      id amount { value } source { name } target { name } program { name } citations { quote start end }
    } } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data?.flows.edges).toHaveLength(100);
    // the page with its sources, targets and programs (schema/flow-relations.ts), the citations
    expect(statements).toHaveLength(2);
  });

  it('adds one statement per further relation, not per row', async () => {
    statements.length = 0;
    const result = await gql<{
      flows: { edges: unknown[] };
    }>(`{ flows(first: 100) { totalCount edges { node {
      id source { name region { code } } target { name region { code } } program { name }
      citations { quote document { title } }
    } } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data?.flows.edges).toHaveLength(100);
    // + the count, the regions, the documents
    expect(statements).toHaveLength(5);
  });
});

describe("an actor's pages of flows", () => {
  it('loads the actor, then its in- and outflows with their counterparts in 1 statement', async () => {
    const actor = await ctx.db
      .selectFrom('actors')
      .select('id')
      .where('key', '=', 'im-regional-treasury')
      .executeTakeFirstOrThrow();
    statements.length = 0;
    const id = Buffer.from(`Actor:${actor.id}`).toString('base64');
    const result = await gql<{ node: { outflows: { edges: unknown[] } } }>(`{ node(id: "${id}") {
      ... on Actor { name inflows(first: 20) { edges { node { id source { name } } } }
        outflows(first: 20) { edges { node { id target { name } program { name } } } } } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data?.node.outflows.edges.length).toBeGreaterThan(0);
    // the actor; then its inflows with their sources and its outflows with their targets and
    // programs together (schema/flow-pages.ts)
    expect(statements).toHaveLength(2);
  });
});

describe('a page of flows filtered by ids and a region', () => {
  const idOf = async (key: string) => {
    const row = await ctx.db
      .selectFrom('actors')
      .select('id')
      .where('key', '=', key)
      .executeTakeFirstOrThrow();
    return Buffer.from(`Actor:${row.id}`).toString('base64');
  };
  const PAGE = `query($f: FlowFilter) { flows(first: 20, filter: $f) { edges { node {
    id source { name } target { name } program { name } } } } }`;

  it('checks the ids and the region in the page statement itself: 1 statement', async () => {
    const f = { sourceId: await idOf('im-regional-treasury'), regionCode: '150000', year: 2017 };
    statements.length = 0;
    const result = await gql<{ flows: { edges: unknown[] } }>(PAGE, { f });
    expect(result.errors).toBeUndefined();
    expect(result.data?.flows.edges.length).toBeGreaterThan(0);
    expect(statements).toHaveLength(1);
  });

  it('still names the first missing record, as checking each field in turn would', async () => {
    const missing = Buffer.from('Actor:999999').toString('base64');
    const source = await idOf('im-regional-treasury');
    const cases: [Record<string, unknown>, string][] = [
      [{ sourceId: missing, targetId: 'not-an-id' }, 'sourceId: no Actor with id'],
      [{ sourceId: source, targetId: 'not-an-id' }, 'targetId is not a valid Actor id'],
      [{ sourceId: source, targetId: missing, regionCode: '990000' }, 'targetId: no Actor'],
      [{ sourceId: source, regionCode: '990000' }, 'regionCode: no Region with id 990000'],
    ];
    for (const [f, message] of cases) {
      const result = await gql(PAGE, { f });
      expect(result.data).toBeNull();
      expect(result.errors?.[0]?.message).toContain(message);
    }
  });
});
