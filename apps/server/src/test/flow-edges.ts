import { type Kysely, sql } from 'kysely';
import { expect } from 'vitest';
import type { Database } from '../db/database.js';

/** Asserts flow_edges is the flows grouped by their edge; returns how many edges there are. */
export async function expectEdgesInStep(db: Kysely<Database>): Promise<number> {
  const { rows: kept } = await sql`select source_id, target_id, unit, year, status, flow_count
    from flow_edges order by 1, 2, 3, 4, 5`.execute(db);
  const { rows: derived } =
    await sql`select source_id, target_id, unit, year, status, count(*)::int as flow_count
    from flows group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`.execute(db);
  expect(kept).toEqual(derived);
  return kept.length;
}
