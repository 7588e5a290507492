import { type RawBuilder, sql } from 'kysely';

/**
 * Which total a flow counts towards. Public money leaves out loan principal, leveraged money and
 * planned amounts; resources that are not money (cadres) are never summed with money.
 */
export const BUCKET = sql<string>`case
  when f.unit <> 'CNY' then 'UNIT:' || f.unit
  when f.status = 'PLANNED' then 'PLANNED'
  when f.instrument = 'LOAN' then 'LOAN'
  when f.instrument = 'LEVERAGED' then 'LEVERAGED'
  else 'PUBLIC' end`;

/** What each dimension of totals groups by, on rows of SOURCES (ids as text). */
export const DIMENSIONS = {
  YEAR: sql`f.year::text`,
  PROGRAM: sql`f.program_id::text`,
  SOURCE: sql`f.source_id::text`,
  TARGET: sql`f.target_id::text`,
  REGION: sql`f.target_region`,
  INSTRUMENT: sql`f.instrument`,
  STATUS: sql`f.status`,
  UNIT: sql`f.unit`,
} as const;
export type Dimension = keyof typeof DIMENSIONS;

/**
 * Flows as rows shaped like `flow_totals` (one flow a row, its actors' regions joined; joins a
 * query does not use are dropped by the planner), for totals that need a flow's id or target.
 */
export const FLOW_ROWS = sql`(select f.id, f.source_id, f.target_id, f.year, f.status, f.instrument,
    f.unit, f.qualifier, f.low is not null as has_low, f.high is not null as has_high, f.program_id,
    sa.region_code as source_region, ta.region_code as target_region, 1 as flow_count, f.amount,
    f.low, f.high
  from flows f left join actors sa on sa.id = f.source_id left join actors ta on ta.id = f.target_id`;

/**
 * What totals are summed from, as rows aliased f with the columns of `flow_source_totals`: the
 * rollups that triggers keep, by regions (about a thousand rows for a national year) or also by
 * source actor (32,000), or the flows themselves (for totals by target actor, or of one actor's
 * flows, which an index finds).
 */
export type TotalsSource = 'regions' | 'sources' | 'flows';
export const SOURCES = {
  regions: sql`flow_totals f`,
  sources: sql`flow_source_totals f`,
  flows: sql`${FLOW_ROWS}) f`,
};

/** The flows that take part in a recorded overlap, shaped as FLOW_ROWS. */
export const OVERLAPPING_ROWS = sql`${FLOW_ROWS}
  where f.id in (select flow_a_id from flow_overlaps union select flow_b_id from flow_overlaps))`;

/** A row of a totals statement: sums of one group, bucket and qualifier, or its overlapping flows. */
export interface GroupRow {
  keys: (string | null)[];
  rest: boolean;
  bucket: string;
  qualifier: string;
  unit: string;
  amount: string;
  low: string | null;
  high: string | null;
  n: number;
  overlapping: [number, string][] | null;
}

/**
 * The order of a totals statement's rows: by group (the kept in rank order, the overlapping
 * flows, the rest), then by bucket and qualifier, bounded sums after unbounded.
 */
export const ROW_ORDER = sql`order by rest, g, keys, bucket, qualifier, low, high`;

/** The keys of the rest row: as many nulls as keys. */
export const nullKeys = (count: number) =>
  count
    ? sql`array[${sql.join(Array.from({ length: count }, () => sql`null`))}]::text[]`
    : sql`array[]::text[]`;

/**
 * The statement part that reads each group's flows taking part in recorded overlaps (few, or
 * none), as GroupRows whose `overlapping` lists them.
 */
export function overlappingRows(
  keys: RawBuilder<unknown>[],
  where: RawBuilder<unknown>,
  join: RawBuilder<unknown> = sql``,
) {
  const names = keys.map((_, i) => sql.ref(`k${i}`));
  const keyColumns = keys.map((k, i) => sql`${k} as ${sql.ref(`k${i}`)}, `);
  const keyArray = keys.length ? sql`array[${sql.join(names)}]::text[]` : sql`array[]::text[]`;
  const groupKeys = keys.length ? sql`${sql.join(names)}, ` : sql``;
  return sql`select ${keyArray}, false, bucket, null, null, null, null, null, 0,
           jsonb_agg(jsonb_build_array(id, amount::text)), null
    from (select ${sql.join(keyColumns, sql``)}${BUCKET} as bucket, f.id, f.amount
          from ${OVERLAPPING_ROWS} f ${join} where ${where}) g
    group by ${groupKeys}bucket`;
}
