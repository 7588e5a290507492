import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../test/test-db.js';
import { currentFlowColumns } from '../../trace/graph-store.js';
import { groupFlows, totalsConditions } from './flow-totals.js';
import { largestInMemory, type MemoryDimension, rankGroups } from './largest-groups.js';

/**
 * `totals(largest:)` ranked in memory gives what the SQL ranking gives, row for row: on the seed
 * with random flows added (equal amounts, several programs, no program, buckets, bounds), for
 * random groupings, filters and sizes.
 */
let ctx: Awaited<ReturnType<typeof createTestDb>>;
beforeAll(async () => {
  ctx = await createTestDb();
  const actors = (await ctx.db.selectFrom('actors').select('id').limit(12).execute()).map(
    (a) => a.id,
  );
  const programs = (await ctx.db.selectFrom('programs').select('id').limit(3).execute()).map(
    (p) => p.id,
  );
  const flows = fc.sample(
    fc.record({
      source: fc.constantFrom(...actors),
      target: fc.constantFrom(...actors),
      program: fc.constantFrom(null, ...programs),
      amount: fc.constantFrom('5', '5', '7.25', '1000000', '0'),
      bounds: fc.boolean(),
      year: fc.constantFrom(2016, 2017),
      status: fc.constantFrom('SPENT', 'PLANNED', 'DISBURSED'),
      instrument: fc.constantFrom('GRANT', 'LOAN', 'GRANT'),
      unit: fc.constantFrom('CNY', 'CNY', 'PERSON'),
    }),
    { numRuns: 300, seed: 7 },
  );
  for (const [k, f] of flows.entries()) {
    if (f.source === f.target) continue;
    const [low, high] = f.bounds ? [f.amount, `${f.amount}1`] : [null, null];
    await sql`insert into flows (key, source_id, target_id, program_id, amount, qualifier, low,
        high, year, status, instrument, unit)
      values (${`lg-${k}`}, ${f.source}, ${f.target}, ${f.program}, ${f.amount},
        ${f.bounds ? 'APPROXIMATE' : 'EXACT'}, ${low}, ${high}, ${f.year}, ${f.status},
        ${f.instrument}, ${f.unit})`.execute(ctx.db);
  }
});
afterAll(() => ctx?.close());

const KEYS = {
  YEAR: sql`f.year::text`,
  PROGRAM: sql`f.program_id::text`,
  SOURCE: sql`f.source_id::text`,
  TARGET: sql`f.target_id::text`,
};

describe('totals(largest:) ranked in memory', () => {
  it('gives the groups and sums the SQL ranking gives', async () => {
    expect(await currentFlowColumns(ctx.db)).not.toBeNull();
    const request = fc.record({
      dims: fc.subarray<MemoryDimension>(['SOURCE', 'PROGRAM', 'TARGET', 'YEAR'], {
        minLength: 1,
      }),
      year: fc.constantFrom(null, 2016, 2017),
      unit: fc.constantFrom(null, 'CNY', 'PERSON'),
      status: fc.constantFrom(null, 'SPENT'),
      largest: fc.integer({ min: 1, max: 40 }),
    });
    let ranked = 0;
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const filter = { year: r.year, unit: r.unit, status: r.status };
        const where = await totalsConditions(ctx.db, filter);
        const keys = r.dims.map((d) => KEYS[d]);
        const limit = { largest: r.largest };
        const fromSql = await groupFlows(ctx.db, keys, where, sql``, 'flows', limit);
        const memory = { dims: r.dims, filter };
        const inMemory = await groupFlows(ctx.db, keys, where, sql``, 'flows', limit, memory);
        expect(inMemory).toEqual(fromSql);
        // the kept groups' flows matched by their keys, as when they are too many to list
        const byKeys = await largestInMemory(ctx.db, keys, where, r.largest, memory, false);
        expect(byKeys).toEqual(await largestInMemory(ctx.db, keys, where, r.largest, memory));
        if (fromSql.some((g) => g.rest)) ranked++;
      }),
      { numRuns: 150, seed: 11 },
    );
    // the property saw groups left out, not only answers that kept everything
    expect(ranked).toBeGreaterThan(30);
  });

  it('keeps equal sums in the order of their keys as text, as PostgreSQL does', async () => {
    const columns = await currentFlowColumns(ctx.db);
    if (!columns) throw new Error('no in-memory flows');
    const ranked = await rankGroups(columns, { dims: ['SOURCE', 'TARGET'], filter: {} }, 1000);
    const { rows } = await sql<{ keys: string[] }>`
      select array[source_id::text, target_id::text] as keys, coalesce(sum(amount) filter
        (where unit = 'CNY' and status <> 'PLANNED' and instrument not in ('LOAN', 'LEVERAGED')),
        0) as public
      from flows group by 1 order by public desc, keys limit 1000`.execute(ctx.db);
    expect(ranked?.keys.map((k) => k.map(String))).toEqual(rows.map((r) => r.keys));
  });
});
