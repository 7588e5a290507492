import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../db/database.js';
import {
  BUCKET,
  FLOW_ROWS,
  type GroupRow,
  nullKeys,
  overlappingRows,
  ROW_ORDER,
  SOURCES,
} from '../domain/flow/total-sources.js';
import { currentFlowColumns, flowsVersion } from './graph-store.js';
import { type InMemory, rankGroups } from './rank-groups.js';

/**
 * `totals(largest:)` by target actor reads every flow of its filter: a national year by source,
 * program and target has 261,000 groups of about one flow each, which PostgreSQL summed and
 * ranked in 1.5 to 2 s. The flows' in-memory columns (the trace's graph, trace/graph-store.ts)
 * rank them in tens of milliseconds; the database then sums only the groups kept, and the rest
 * as the rollup's sums less theirs. Same answer as the SQL ranking (a test compares them).
 */

const FLOW_COLUMN = {
  YEAR: 'year',
  PROGRAM: 'program_id',
  SOURCE: 'source_id',
  TARGET: 'target_id',
};

/**
 * The rows of `totals(largest:)` with the groups ranked in memory, as the SQL ranking gives
 * them (domain/flow/flow-totals.ts, which takes this as its `rankLargest`); null when the in-memory flows are not current or cannot rank these.
 * `where` is the filter as conditions on flow rows (the in-memory filter is the same filter).
 */
export async function largestInMemory(
  db: Kysely<Database>,
  keys: RawBuilder<unknown>[],
  where: RawBuilder<unknown>,
  n: number,
  memory: InMemory,
  listMembers = true,
): Promise<GroupRow[] | null> {
  if (memory.dims.length === 0) return null;
  const current = await currentFlowColumns(db);
  const ranked = current && (await rankGroups(current.columns, memory, n));
  if (!current || !ranked) return null;
  const { dims } = memory;
  const arrays = dims.map((_, d) => ranked.keys.map((k) => k[d] as number));
  const given = dims.map((_, d) => sql`${arrays[d]}::int[]`);
  const names = dims.map((_, d) => sql.ref(`k.k${d}`));
  const match = dims.map((dim, d) => {
    const column = sql.ref(`f.${FLOW_COLUMN[dim]}`);
    return sql`${dim === 'PROGRAM' ? sql`coalesce(${column}, -1)` : column} = ${names[d]}`;
  });
  const keyText = dims.map((_, d) => sql`nullif(${names[d]}, -1)::text`);
  const keyArray = sql`array[${sql.join(keyText)}]::text[]`;
  const cells = sql`bucket, qualifier, unit, has_low, has_high`;
  const listed = listMembers ? ranked.members : null;
  const statement = sql<GroupRow>`
    with k as (select * from unnest(${sql.join(given)}) with ordinality
        as k(${sql.join(dims.map((_, d) => sql.ref(`k${d}`)))}, g)),
    kept as (
      select k.g, ${BUCKET} as bucket, f.qualifier, f.unit, f.has_low, f.has_high,
             sum(f.amount) as amount, sum(f.low) as low, sum(f.high) as high,
             sum(f.flow_count)::int as n
      from ${FLOW_ROWS}) f join ${
        // the kept groups' flows by id where they are few: a national year's 2,000 largest
        // groups by target were 110 ms of index lookups by their keys, 10 ms by id
        listed
          ? sql`unnest(${listed.ids}::int[], ${listed.ranks}::int[]) as k(id, g) on f.id = k.id`
          : sql`k on ${sql.join(match, sql` and `)}`
      }
      where ${where} group by k.g, ${cells}),
    whole as (
      select ${BUCKET} as bucket, f.qualifier, f.unit, f.has_low, f.has_high,
             sum(f.amount) as amount, sum(f.low) as low, sum(f.high) as high,
             sum(f.flow_count)::int as n
      from ${SOURCES.regions} where ${where} group by ${cells}),
    kept_cells as (
      select ${cells}, sum(amount) as amount, sum(low) as low, sum(high) as high, sum(n) as n
      from kept group by ${cells})
    select ${keyArray} as keys, false as rest, s.bucket, s.qualifier, s.unit, s.amount::text,
           s.low::text, s.high::text, s.n, null::jsonb as overlapping, s.g
    from kept s join k on k.g = s.g
    union all
    select ${nullKeys(dims.length)}, true, w.bucket, w.qualifier, w.unit,
           (w.amount - coalesce(c.amount, 0))::text, (w.low - coalesce(c.low, 0))::text,
           (w.high - coalesce(c.high, 0))::text, (w.n - coalesce(c.n, 0))::int, null, null
    from whole w left join kept_cells c using (${cells})
    where w.n > coalesce(c.n, 0)
    union all
    ${overlappingRows(keys, where)}
    ${ROW_ORDER}`;
  // the sums read the flows the ranking saw, or SQL ranks them after all
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) =>
      (await flowsVersion(trx)) === current.version ? (await statement.execute(trx)).rows : null,
    );
}
