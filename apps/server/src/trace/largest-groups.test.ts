import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupFlows, totalsConditions } from '../domain/flow/flow-totals.js';
import { encodeGlobalId } from '../domain/records/global-id.js';
import { createTestDb } from '../test/test-db.js';
import { currentFlowColumns } from './graph-store.js';
import { largestInMemory } from './largest-groups.js';
import { type MemoryDimension, rankGroups } from './rank-groups.js';

/**
 * `totals(largest:)` ranked in memory gives what the SQL ranking gives, row for row: on the seed
 * with random flows added (equal amounts, several programs, no program, buckets, bounds), for
 * random groupings, filters and sizes.
 */
let ctx: Awaited<ReturnType<typeof createTestDb>>;
let programs: number[] = [];
beforeAll(async () => {
  ctx = await createTestDb();
  const actors = (await ctx.db.selectFrom('actors').select('id').limit(12).execute()).map(
    (a) => a.id,
  );
  programs = (await ctx.db.selectFrom('programs').select('id').limit(3).execute()).map((p) => p.id);
  const flows = fc.sample(
    fc.record({
      source: fc.constantFrom(...actors),
      target: fc.constantFrom(...actors),
      program: fc.constantFrom(null, ...programs),
      // equal sums, doubles that are not exact, and sums past 64 bits of base units
      amount: fc.constantFrom('5', '5', '7.25', '0.1', '1234567.8901', '0', '99999999999999999999'),
      bounds: fc.boolean(),
      year: fc.constantFrom(2016, 2017),
      status: fc.constantFrom('SPENT', 'PLANNED', 'DISBURSED'),
      instrument: fc.constantFrom('GRANT', 'LOAN', 'GRANT', 'LEVERAGED'),
      unit: fc.constantFrom('CNY', 'CNY', 'PERSON'),
    }),
    { numRuns: 300, seed: 7 },
  );
  for (const [k, f] of flows.entries()) {
    if (f.source === f.target) continue;
    const [low, high] = f.bounds ? [f.amount, f.amount] : [null, null];
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
      status: fc.constantFrom(null, 'SPENT', 'PLANNED'),
      instrument: fc.constantFrom(null, 'GRANT', 'LOAN'),
      program: fc.constantFrom(null, ...programs),
      largest: fc.integer({ min: 1, max: 40 }),
    });
    let ranked = 0;
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const filter = { year: r.year, unit: r.unit, status: r.status, instrument: r.instrument };
        const programId = r.program === null ? null : encodeGlobalId('Program', r.program);
        const where = await totalsConditions(ctx.db, { ...filter, programId });
        const keys = r.dims.map((d) => KEYS[d]);
        const limit = { largest: r.largest };
        const fromSql = await groupFlows(ctx.db, keys, where, sql``, 'flows', limit);
        const memory = { dims: r.dims, filter: { ...filter, programId: r.program } };
        const inMemory = await groupFlows(ctx.db, keys, where, sql``, 'flows', limit, (k, w, n) =>
          largestInMemory(ctx.db, k, w, n, memory),
        );
        expect(inMemory).toEqual(fromSql);
        // the kept groups' flows matched by their keys, as when they are too many to list
        const byKeys = await largestInMemory(ctx.db, keys, where, r.largest, memory, false);
        // the in-memory path answered (it is null when it hands the ranking back to SQL)
        expect(byKeys).not.toBeNull();
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
    const ranked = await rankGroups(
      columns.columns,
      { dims: ['SOURCE', 'TARGET'], filter: {} },
      20,
    );
    const { rows } = await sql<{ keys: string[] }>`
      select array[source_id::text, target_id::text] as keys, coalesce(sum(amount) filter
        (where unit = 'CNY' and status <> 'PLANNED' and instrument not in ('LOAN', 'LEVERAGED')),
        0) as public
      from flows group by 1 order by public desc, keys limit 20`.execute(ctx.db);
    expect(ranked?.keys.map((k) => k.map(String))).toEqual(rows.map((r) => r.keys));
    // more groups than 20: the cut, not only the order of all of them
    expect(
      Number(
        (
          await sql<{ n: number }>`select count(distinct (source_id, target_id))::int
      as n from flows`.execute(ctx.db)
        ).rows[0]?.n,
      ),
    ).toBeGreaterThan(20);
  });
});
