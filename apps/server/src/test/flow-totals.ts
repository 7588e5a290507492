import { type Kysely, sql } from 'kysely';
import { expect } from 'vitest';
import type { Database } from '../db/database.js';

const KEY = sql`year, status, instrument, unit, qualifier, has_low, has_high, program_id,
  source_region, target_region`;
const SUMS = sql`flow_count, amount::text, low::text, high::text`;

/** Both rollups as stored, and as a grouping written here (apart from the migration's) gives. */
async function read(db: Kysely<Database>) {
  const kept = async (table: string, bySource: boolean) =>
    (
      await sql`select ${bySource ? sql`source_id, ` : sql``}${KEY}, ${SUMS}
        from ${sql.table(table)} order by ${bySource ? sql`source_id, ` : sql``}${KEY}`.execute(db)
    ).rows;
  const derived = async (bySource: boolean) =>
    (
      await sql`select ${bySource ? sql`source_id, ` : sql``}${KEY}, count(*)::int as flow_count,
          sum(amount)::text as amount, sum(low)::text as low, sum(high)::text as high from (
        select f.source_id, f.year, f.status, f.instrument, f.unit, f.qualifier,
          f.low is not null as has_low, f.high is not null as has_high, f.program_id,
          s.region_code as source_region, t.region_code as target_region, f.amount, f.low, f.high
        from flows f join actors s on s.id = f.source_id join actors t on t.id = f.target_id) f
      group by ${bySource ? sql`source_id, ` : sql``}${KEY}
      order by ${bySource ? sql`source_id, ` : sql``}${KEY}`.execute(db)
    ).rows;
  return {
    regions: await kept('flow_totals', false),
    sources: await kept('flow_source_totals', true),
    derivedRegions: await derived(false),
    derivedSources: await derived(true),
  };
}

/**
 * Asserts the rollups (flow_totals, flow_source_totals) are what the flows sum to today, and that
 * `flow_totals_rebuild()` builds the same from scratch; returns how many rows they hold.
 */
export async function expectTotalsInStep(db: Kysely<Database>): Promise<number> {
  const before = await read(db);
  expect(before.regions).toEqual(before.derivedRegions);
  expect(before.sources).toEqual(before.derivedSources);
  await sql`select flow_totals_rebuild()`.execute(db);
  const after = await read(db);
  expect(after.regions).toEqual(before.regions);
  expect(after.sources).toEqual(before.sources);
  return before.regions.length + before.sources.length;
}
