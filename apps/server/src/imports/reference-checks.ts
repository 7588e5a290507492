import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/database.js';
import type { RowError } from '../domain/errors.js';
import { MAX_REPORTED } from './problems.js';
import type { StagedProblem as Problem } from './staged-sql.js';

/**
 * Problems only the database can find: references to keys, codes and metrics that are neither
 * stored nor in the file. Rows whose key belongs to a retracted record are set aside first
 * (they are skipped, not revived).
 */
export async function referenceProblems(
  db: Kysely<Database>,
  /** Flow keys of the file that are in neither table (the direct path took and dropped them). */
  fileFlowKeys: readonly string[] = [],
): Promise<{ errors: RowError[]; count: number }> {
  const inFile = fileFlowKeys.length
    ? sql`and not (s.parent_key = any(${fileFlowKeys}::text[]))`
    : sql``;
  const checks = [
    sql<Problem>`select s.row_no, 'region_code' as col, 'no region with code ' || s.region_code as message
      from import_actors s where s.region_code is not null
        and not exists (select 1 from regions r where r.code = s.region_code)`,
    sql<Problem>`select s.row_no, c.col, 'no actor with key ' || c.k as message
      from import_flows s cross join lateral (values ('source_key', s.source_key), ('target_key', s.target_key)) c(col, k)
      where not exists (select 1 from actors a where a.key = c.k)
        and not exists (select 1 from import_actors i where i.key = c.k)`,
    sql<Problem>`select s.row_no, 'program_key' as col, 'no program with key ' || s.program_key as message
      from import_flows s where s.program_key is not null
        and not exists (select 1 from programs p where p.key = s.program_key)`,
    sql<Problem>`select s.row_no, 'parent_external_id' as col,
        'no flow with external id ' || s.parent_key || ' in the database or the file' as message
      from import_flows s where s.parent_key is not null
        and not exists (select 1 from flows f where f.key = s.parent_key)
        and not exists (select 1 from import_flows i where i.key = s.parent_key) ${inFile}`,
    sql<Problem>`select s.row_no, 'metric' as col, 'no metric with key ' || s.metric as message
      from import_observations s where not exists (select 1 from metrics m where m.key = s.metric)`,
    sql<Problem>`select s.row_no, 'actorKey' as col, 'no actor with key ' || s.actor_key as message
      from import_observations s where s.actor_key is not null
        and not exists (select 1 from actors a where a.key = s.actor_key)
        and not exists (select 1 from import_actors i where i.key = s.actor_key)`,
    sql<Problem>`select s.row_no, 'regionCode' as col, 'no region with code ' || s.region_code as message
      from import_observations s where s.region_code is not null
        and not exists (select 1 from regions r where r.code = s.region_code)`,
    sql<Problem>`select s.row_no, 'programKey' as col, 'no program with key ' || s.program_key as message
      from import_observations s where s.program_key is not null
        and not exists (select 1 from programs p where p.key = s.program_key)`,
  ];
  const errors: RowError[] = [];
  let count = 0;
  for (const check of checks) {
    const { rows } = await sql<Problem & { n: number }>`
      select p.*, count(*) over ()::int as n from (${check}) p order by p.row_no limit ${MAX_REPORTED}`.execute(
      db,
    );
    count += rows[0]?.n ?? 0;
    for (const r of rows) errors.push({ row: r.row_no, column: r.col, message: r.message });
  }
  return { errors, count };
}
