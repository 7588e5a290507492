import fc from 'fast-check';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { createTestDb } from '../test/test-db.js';
import type { GraphRow } from './flow-columns.js';
import { FlowGraph } from './flow-graph.js';
import { traceSubgraph } from './graph-store.js';
import {
  loadSubgraph,
  type PooledMember,
  pooledMembers,
  type Subgraph,
  type SubgraphFilter,
} from './load-subgraph.js';
import type { Direction } from './trace-types.js';

/** A subgraph in an order-free form: pooled ids are arbitrary, so pairs are keyed by their ends. */
const normal = (g: Subgraph) => ({
  single: g.flows
    .filter((f) => f.id > 0)
    .map((f) => ({ ...f, amount: f.amount.toString() }))
    .sort((a, b) => a.id - b.id),
  pooled: g.flows
    .filter((f) => f.id < 0)
    .map((f) => ({
      ends: `${f.source}>${f.target}`,
      amount: f.amount.toString(),
      qualifier: f.qualifier,
      n: g.pooled.get(f.id)?.flowCount,
    }))
    .sort((a, b) => (a.ends < b.ends ? -1 : 1)),
});

const rowsOf = async (ctx: Awaited<ReturnType<typeof createTestDb>>) =>
  (
    await sql<GraphRow>`select id, source_id, target_id, year, status, instrument, program_id, unit, qualifier,
      amount::text as amount, parent_id from flows`.execute(ctx.db)
  ).rows;

/** A random flow among a few actors (by index), sometimes the child of an earlier one. */
const randomFlow = fc.record({
  source: fc.nat(),
  target: fc.nat(),
  amount: fc.constantFrom('1', '2.5', '1000000', '0.0001', '9999999999999999'),
  qualifier: fc.constantFrom('EXACT', 'APPROXIMATE', 'AT_LEAST'),
  year: fc.constantFrom(2016, 2017, 2018),
  status: fc.constantFrom('SPENT', 'PLANNED', 'DISBURSED'),
  unit: fc.constantFrom('CNY', 'CNY', 'PERSON'),
  parent: fc.option(fc.nat(), { freq: 3 }),
});

/** Writes the random flows (keys `g-…`) between the given actors. */
async function insertFlows(
  db: Kysely<Database>,
  few: number[],
  added: (typeof randomFlow extends fc.Arbitrary<infer F> ? F : never)[],
) {
  const ids: number[] = [];
  for (const [k, f] of added.entries()) {
    const [s, t] = [few[f.source % few.length], few[f.target % few.length]];
    if (s === t) continue;
    const parent = f.parent === null || !ids.length ? null : ids[f.parent % ids.length];
    const { rows } = await sql<{ id: number }>`insert into flows
      (key, source_id, target_id, amount, qualifier, year, status, instrument, unit, parent_id)
      values (${`g-${k}`}, ${s}, ${t}, ${f.amount}, ${f.qualifier}, ${f.year}, ${f.status},
        'GRANT', ${f.unit}, ${parent ?? null}) returning id`.execute(db);
    ids.push(rows[0]?.id as number);
  }
}

/**
 * The in-memory graph cuts out the same subgraph as the SQL that loads it, on the seed with
 * random flows added (earmarks, several years, statuses and units, pooled pairs), for random
 * starts, directions, depths and filters.
 */
let ctx: Awaited<ReturnType<typeof createTestDb>>;
let actors: number[] = [];
beforeAll(async () => {
  ctx = await createTestDb();
  actors = (await ctx.db.selectFrom('actors').select('id').orderBy('id').execute()).map(
    (a) => a.id,
  );
});
afterAll(() => ctx?.close());

describe('the in-memory flow graph', () => {
  const request = () =>
    fc.record({
      start: fc.constantFrom(...actors),
      direction: fc.constantFrom<Direction>('DOWNSTREAM', 'UPSTREAM'),
      depth: fc.integer({ min: 1, max: 6 }),
      year: fc.constantFrom(null, 2016, 2017, 2018),
      statuses: fc.constantFrom(null, ['SPENT'], ['PLANNED', 'DISBURSED']),
      unit: fc.constantFrom('CNY', 'PERSON'),
    });

  async function same(
    graph: FlowGraph,
    r: typeof request extends () => fc.Arbitrary<infer R> ? R : never,
  ) {
    const filter: SubgraphFilter = { year: r.year, statuses: r.statuses, unit: r.unit };
    const fromSql = await loadSubgraph(ctx.db, r.start, r.direction, r.depth, filter);
    const inMemory = await graph.subgraph(r.start, r.direction, r.depth, filter);
    expect(normal(inMemory)).toEqual(normal(fromSql));
    // and the flows behind its pooled pairs, as a view lists them
    const pairs = [...fromSql.pooled.values()];
    const byId = (m: PooledMember[]) => [...m].sort((a, b) => a.id - b.id);
    const members = await pooledMembers(ctx.db, pairs, filter, []);
    expect(byId(graph.members(pairs, filter, []))).toEqual(byId(members));
    expect(members.length).toBeGreaterThanOrEqual(pairs.length);
    return fromSql.flows.length;
  }

  it('gives what SQL loads, on the seed', async () => {
    const graph = await FlowGraph.of(await rowsOf(ctx));
    let loaded = 0;
    await fc.assert(
      fc.asyncProperty(request(), async (r) => {
        loaded += await same(graph, r);
      }),
      { numRuns: 150 },
    );
    expect(loaded).toBeGreaterThan(0);
  });

  it('gives what SQL loads, with random flows, earmarks and pooled pairs added', async () => {
    let reached = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(randomFlow, { minLength: 5, maxLength: 40 }),
        request(),
        async (added, r) => {
          // a few actors, so that the added flows meet: pooled pairs, earmarks, cycles
          const few = actors.slice(0, 6);
          await insertFlows(ctx.db, few, added);
          try {
            const start = few[r.start % few.length] as number;
            if (await same(await FlowGraph.of(await rowsOf(ctx)), { ...r, start })) reached++;
          } finally {
            await sql`delete from flows where key like 'g-%'`.execute(ctx.db);
          }
        },
      ),
      { numRuns: 60 },
    );
    // most runs cut out some flows (the filter leaves none in the rest)
    expect(reached).toBeGreaterThan(15);
  });
});

describe('the flow graph of the current data', () => {
  it('follows writes: a trace after a write sees the flow it wrote', async () => {
    const [a, b] = actors as [number, number];
    const filter: SubgraphFilter = { year: 2031, statuses: null, unit: 'CNY' };
    const before = await traceSubgraph(ctx.db, a, 'DOWNSTREAM', 2, filter, []);
    expect(before.flows).toEqual([]);
    await sql`insert into flows (key, source_id, target_id, amount, qualifier, year, status, instrument)
      values ('g-write', ${a}, ${b}, 12.5, 'EXACT', 2031, 'SPENT', 'GRANT')`.execute(ctx.db);
    try {
      const after = await traceSubgraph(ctx.db, a, 'DOWNSTREAM', 2, filter, []);
      expect(after.flows.map((f) => [f.source, f.target, f.amount])).toEqual([[a, b, 125000n]]);
    } finally {
      await sql`delete from flows where key = 'g-write'`.execute(ctx.db);
    }
  });
});
