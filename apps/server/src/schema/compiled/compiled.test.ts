import { type DocumentNode, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, graphqlClient } from '../../test/test-db.js';
import { schema } from '../index.js';
import { encodeCursor } from '../pagination.js';
import { compileRead, UNSUPPORTED } from './compile.js';

/**
 * The compiled path answers exactly as the executor does: each request is asked of a server
 * with it and of one without it, and the answers must be equal; the requests it should answer
 * itself must have reached it, and those it must leave (errors, unknown fields) must not.
 */
const ctx = await createTestDb();
let compiled = 0;
const fast = graphqlClient(ctx.db, { onCompiled: (_d: DocumentNode) => void compiled++ });
const executor = graphqlClient(ctx.db, { compiledReads: false });
afterAll(() => ctx.close());

const id = (type: string, n: number | string) => Buffer.from(`${type}:${n}`).toString('base64');
let actor = '';
let busy = '';
let program = '';

beforeAll(async () => {
  const busiest = await ctx.db
    .selectFrom('flows')
    .select(['source_id', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('source_id')
    .orderBy('n', 'desc')
    .executeTakeFirstOrThrow();
  busy = id('Actor', busiest.source_id);
  const a = await ctx.db.selectFrom('actors').select('id').orderBy('id').executeTakeFirstOrThrow();
  actor = id('Actor', a.id);
  const p = await ctx.db
    .selectFrom('programs')
    .select('id')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  program = id('Program', p.id);
});

async function same(query: string, variables: Record<string, unknown> = {}) {
  const before = compiled;
  const [ours, theirs] = await Promise.all([fast(query, variables), executor(query, variables)]);
  expect(ours).toEqual(theirs);
  return { answered: compiled - before, result: ours };
}

const FLOW = `id __typename year status instrument note noteZh
  amount { value low high qualifier unit currency __typename }
  source { id name nameEn kind __typename } target { name } program { id key name nameEn }
  citations { quote start end document { id title titleEn } }`;

describe('the compiled path answers as the executor does', () => {
  it('pages of flows with every filter the bench and the explorer use', async () => {
    const query = `query($f: FlowFilter, $first: Int, $after: String) {
      flows(filter: $f, first: $first, after: $after) {
        __typename edges { cursor node { ${FLOW} } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
    const filters = [
      {},
      { sourceId: busy },
      { actorId: busy, year: 2017 },
      { year: 2017, regionCode: '150000' },
      { programId: program, status: 'DISBURSED' },
      { unit: 'PERSON' },
    ];
    for (const f of filters) {
      for (const first of [1, 5, 100]) {
        const { answered, result } = await same(query, { f, first });
        expect(result.errors).toBeUndefined();
        expect(answered).toBe(1);
        const end = (result.data as { flows: { pageInfo: { endCursor: string | null } } }).flows
          .pageInfo.endCursor;
        if (end) expect((await same(query, { f, first, after: end })).answered).toBe(1);
      }
    }
  });

  it('an actor with its in- and outflows, by node, with fragments and aliases', async () => {
    const query = `query($id: ID!, $year: Int) { node(id: $id) { id __typename ...A } }
      fragment A on Actor { name nameEn kind
        received: inflows(first: 3, year: $year) { edges { node { id amount { value } source { name } } } }
        outflows(first: 20) { pageInfo { hasNextPage endCursor } edges { cursor node { ...F } } } }
      fragment F on Flow { id target { name } year }`;
    for (const variables of [{ id: busy }, { id: actor, year: 2017 }, { id: busy, year: 1990 }]) {
      const { answered, result } = await same(query, variables);
      expect(result.errors).toBeUndefined();
      expect(answered).toBe(1);
    }
  });

  it('leaves errors and what it does not know to the executor', async () => {
    const page = `query($f: FlowFilter, $after: String, $first: Int) {
      flows(filter: $f, after: $after, first: $first) { edges { node { id } } } }`;
    const refused = [
      { query: page, variables: { f: { sourceId: id('Actor', 999999) } } },
      { query: page, variables: { after: 'not-a-cursor' } },
      { query: page, variables: { first: 101 } },
      { query: page, variables: { f: { year: 1800 } } },
      { query: page, variables: { after: encodeCursor(1), first: '2' } },
      { query: `{ node(id: "${id('Actor', 999999)}") { id } }`, variables: {} },
      { query: `{ node(id: "${program}") { id } }`, variables: {} },
      { query: `{ flows { edges { node { id parent { id } } } } }`, variables: {} },
      { query: `{ flows { totalCount } }`, variables: {} },
      { query: `{ flows { edges { node { amount { formatted } } } } }`, variables: {} },
      { query: `{ flows { edges { node { id @skip(if: true) year } } } }`, variables: {} },
    ];
    for (const { query, variables } of refused) {
      expect((await same(query, variables)).answered, query).toBe(0);
    }
    // over the complexity limit: the executor's refusal, never a compiled answer
    const wide =
      'flows(first: 100) { edges { node { id citations { quote document { title } } } } }';
    const many = `{ ${['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].map((k) => `${k}: ${wide}`).join(' ')} }`;
    const { answered, result } = await same(many);
    expect(answered).toBe(0);
    expect(result.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('tells a document it can never answer from one request it cannot answer', async () => {
    const never = parse('{ flows { totalCount } }');
    expect(await compileRead(schema, ctx.db, never, null, {})).toBe(UNSUPPORTED);
    const page = parse('query($after: String) { flows(after: $after) { edges { node { id } } } }');
    expect(await compileRead(schema, ctx.db, page, null, { after: 'not-a-cursor' })).toBeNull();
    expect(await compileRead(schema, ctx.db, page, null, {})).toHaveProperty('statement');
  });
});
