import { type Amount, sumAmounts } from '@fundtrace/schema/money';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../../db/database.js';
import { amountFromColumns } from '../money/amount-columns.js';
import { existingRegionPrefix } from '../region/region.queries.js';
import { type FlowFilter, flowConditions } from './flow.queries.js';
import { collectOverlaps, type GroupOverlaps, withOverlaps } from './flow-overlaps.js';
import {
  BUCKET,
  type GroupRow,
  nullKeys,
  overlappingRows,
  ROW_ORDER,
  SOURCES,
  type TotalsSource,
} from './total-sources.js';

/** One group of flows with its amounts per bucket, to be summed exactly with their qualifiers. */
export interface FlowGroup {
  keys: (string | null)[];
  buckets: Map<string, Amount[]>;
  flowCount: number;
  /** Its flows that take part in recorded overlaps, when any do. */
  overlaps?: GroupOverlaps | undefined;
  /** The sum of the groups a `largest` limit left out (its keys are all null). */
  rest?: boolean;
}

/**
 * At most `max` groups: the statement fetches `max` + 1, and with more `tooMany()` is thrown. Or
 * the `largest` groups by public money, and one more group (`rest`) summing all the others.
 */
/**
 * The rows of a `largest` ranking got another way, or null (see groupFlows); it reads the flows
 * with no join, so only a caller that passes none gives one (totals, not boundaries).
 */
export type RankLargest = (
  keys: RawBuilder<unknown>[],
  where: RawBuilder<unknown>,
  largest: number,
) => Promise<GroupRow[] | null>;

export type GroupLimit = { max: number; tooMany: () => Error } | { largest: number };

/**
 * Groups the rows (aliased f, see TotalsSource) matching `where` by `keys`, summing amounts per
 * group, bucket, qualifier and presence of bounds in SQL (so that no sum mixes bounded and
 * unbounded rows); qualifiers and bounds then combine exactly in TypeScript. The same statement
 * reads the groups' flows that take part in recorded overlaps (few, or none). With a `limit`,
 * the database returns the sums of at most its `max` + 1 first groups (by their keys), and more
 * than `max` groups throw before anything is built. With `largest`, `rankLargest` may give the
 * same rows another way (the in-memory ranking of trace/largest-groups.ts), or null: then SQL
 * ranks them.
 */
export async function groupFlows(
  db: Kysely<Database>,
  keys: RawBuilder<unknown>[],
  where: RawBuilder<unknown>,
  join: RawBuilder<unknown> = sql``,
  from: TotalsSource = 'flows',
  limit?: GroupLimit,
  rankLargest?: RankLargest,
): Promise<FlowGroup[]> {
  const other = limit && 'largest' in limit && rankLargest;
  const all =
    (other ? await rankLargest(keys, where, limit.largest) : null) ??
    (await rankedInSql(db, keys, where, join, from, limit));
  const sums = all.filter((r) => r.overlapping === null);
  if (
    limit &&
    'max' in limit &&
    new Set(sums.map((r) => JSON.stringify(r.keys))).size > limit.max
  ) {
    throw limit.tooMany();
  }
  const kept = new Set(sums.filter((r) => !r.rest).map((r) => JSON.stringify(r.keys)));
  // a left-out group's overlapping flows count towards the rest (and only overlaps among them)
  const overlapping = all
    .filter((r) => r.overlapping !== null)
    .map((r) => (kept.has(JSON.stringify(r.keys)) ? r : { ...r, keys: [REST] }));
  return toGroups(sums, await collectOverlaps(db, overlapping));
}

/** The sums of the groups (ranked by `limit`) and their overlapping flows, in one statement. */
async function rankedInSql(
  db: Kysely<Database>,
  keys: RawBuilder<unknown>[],
  where: RawBuilder<unknown>,
  join: RawBuilder<unknown>,
  from: TotalsSource,
  limit: GroupLimit | undefined,
): Promise<GroupRow[]> {
  // Keys are grouped one by one, as columns of a subquery (k0, k1 …): a key holding a subquery
  // (a program boundary's side) cannot be grouped as an expression. Against grouping by their
  // array, no gain was shown on the loaded machine (the national Sankey year still sorts).
  const names = keys.map((_, i) => sql.ref(`k${i}`));
  const keyColumns = keys.map((k, i) => sql`${k} as ${sql.ref(`k${i}`)}, `);
  const keyArray = keys.length ? sql`array[${sql.join(names)}]::text[]` : sql`array[]::text[]`;
  const groupKeys = keys.length ? sql`${sql.join(names)}, ` : sql``;
  // The first max + 1 groups only: the rest stay in the database, which sums them under its
  // statement timeout; nothing of them reaches this process.
  const { rows } = await sql<GroupRow>`
    with sums as (
      select ${keyArray} as keys, bucket, qualifier, unit, has_low, has_high, sum(amount) as amount,
             sum(low) as low, sum(high) as high, sum(flow_count)::int as n
      from (select ${sql.join(keyColumns, sql``)}${BUCKET} as bucket, f.qualifier, f.unit,
              f.has_low, f.has_high, f.amount, f.low, f.high, f.flow_count
            from ${SOURCES[from]} ${join} where ${where}) g
      group by ${groupKeys}bucket, qualifier, unit, has_low, has_high),
    ranked as (${ranked(limit)})
    select keys, false as rest, bucket, qualifier, unit, amount::text, low::text, high::text, n,
           null::jsonb as overlapping, g
    from ranked where kept
    union all
    select ${nullKeys(keys.length)}, true, bucket, qualifier, unit, sum(amount)::text,
           sum(low)::text, sum(high)::text, sum(n)::int, null, null
    from ranked where not kept group by bucket, qualifier, unit, has_low, has_high
    union all
    ${overlappingRows(keys, where, join)}
    ${ROW_ORDER}`.execute(db);
  return rows;
}

/** The rest's overlap key: no group's keys are this one value (group keys are arrays of ids). */
const REST = '\u0000rest';

/**
 * The sums with their group's rank `g` and whether it is `kept`: ranked by keys, within `max` + 1;
 * or by public money, largest first, among the `largest`.
 */
function ranked(limit: GroupLimit | undefined) {
  if (!limit) return sql`select s.*, true as kept, null::bigint as g from sums s`;
  if ('max' in limit) {
    return sql`select s.*, true as kept from (select s.*, dense_rank() over (order by s.keys) as g
      from sums s) s where g <= ${limit.max + 1}`;
  }
  // the largest by a top-N sort of the groups' public sums, not a sort of every group
  return sql`select s.*, t.g is not null as kept, t.g from sums s left join (
      select keys, row_number() over (order by public desc, keys) as g from (
        select keys, coalesce(sum(amount) filter (where bucket = 'PUBLIC'), 0) as public
        from sums group by keys order by public desc, keys limit ${limit.largest}) t) t
    on t.keys = s.keys`;
}

/** The summed rows as groups, each with its overlapping flows when it has any. */
function toGroups(sums: GroupRow[], overlaps: Map<string, GroupOverlaps>): FlowGroup[] {
  const groups = new Map<string, FlowGroup>();
  for (const row of sums) {
    const id = row.rest ? JSON.stringify([REST]) : JSON.stringify(row.keys);
    let group = groups.get(id);
    if (!group) {
      group = { keys: row.keys, buckets: new Map(), flowCount: 0, overlaps: overlaps.get(id) };
      if (row.rest) group.rest = true;
      groups.set(id, group);
    }
    group.flowCount += row.n;
    const list = group.buckets.get(row.bucket) ?? [];
    list.push(amountFromColumns(row));
    group.buckets.set(row.bucket, list);
  }
  return [...groups.values()];
}

/**
 * The filter as conditions on rows of a TotalsSource: the flows' own (flow.queries.ts), with a
 * region matched on the rows' actor regions (a flow is in a region when either end lies in it).
 */
export async function totalsConditions(
  db: Kysely<Database>,
  filter: FlowFilter | null | undefined,
) {
  const conditions = await flowConditions(db, { ...filter, regionCode: null });
  if (filter?.regionCode != null) {
    const prefix = `${await existingRegionPrefix(db, filter.regionCode)}%`;
    conditions.push(sql`(f.source_region like ${prefix} or f.target_region like ${prefix})`);
  }
  return sql.join(conditions, sql` and `);
}

/** The smallest source that totals by source and target actor (or neither) of `filter` can read. */
export function sourceFor(
  by: { source: boolean; target: boolean },
  filter: FlowFilter | null | undefined,
): TotalsSource {
  if (by.target || filter?.targetId != null || filter?.actorId != null) return 'flows';
  return by.source || filter?.sourceId != null ? 'sources' : 'regions';
}

export const emptyGroup = (keys: (string | null)[] = []): FlowGroup => ({
  keys,
  buckets: new Map(),
  flowCount: 0,
});

/** A bucket's sum: the plain sum as value, its low lowered by the overlaps among its flows. */
export const bucketSum = (group: FlowGroup, bucket: string) =>
  withOverlaps(sumAmounts(group.buckets.get(bucket) ?? []), [bucket], group.overlaps);
