import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database, OverlapRow } from '../../db/database.js';
import { intIds } from '../records/global-id.js';

/**
 * An overlap with what it shares at most (its stated figure, else the smaller flow's amount) and,
 * when a source states a total for the two, at least (their sum minus it, within 0 and the most).
 */
export type OverlapShape = OverlapRow & {
  shared: string;
  leastShared: string | null;
  /** The two flows' amounts together (what a stated total is set against). */
  together: string;
  unit: string;
};

const MOST = sql`coalesce(o.max_shared, least(fa.amount, fb.amount))`;

/** Overlaps (aliased o) with their shared amount, among the rows `where` selects. */
function selectOverlaps(db: Kysely<Database>, where: RawBuilder<unknown>, tail = sql``) {
  return sql<OverlapShape>`select o.*,
      trim_scale(${MOST})::text as shared,
      case when o.stated_total is not null then
        trim_scale(greatest(0, least(fa.amount + fb.amount - o.stated_total, ${MOST})))::text
      end as "leastShared",
      trim_scale(fa.amount + fb.amount)::text as together,
      fa.unit as unit
    from flow_overlaps o join flows fa on fa.id = o.flow_a_id join flows fb on fb.id = o.flow_b_id
    where ${where} ${tail}`.execute(db);
}

export async function overlapsByIds(db: Kysely<Database>, ids: readonly (string | number)[]) {
  const valid = intIds(ids);
  if (!valid.length) return [];
  return (await selectOverlaps(db, sql`o.id = any(${valid}::int[])`)).rows;
}

/** The overlaps with either flow among `flowIds`, in one statement (for a page of flows). */
export async function overlapsTouching(db: Kysely<Database>, flowIds: readonly number[]) {
  if (!flowIds.length) return [];
  const ids = [...flowIds];
  return (
    await selectOverlaps(
      db,
      sql`(o.flow_a_id = any(${ids}::int[]) or o.flow_b_id = any(${ids}::int[]))`,
      sql`order by o.id`,
    )
  ).rows;
}

/** Overlaps (aliased o) having a flow that matches `flowWhere` (conditions on flows aliased f). */
const matching = (flowWhere: RawBuilder<unknown>) => sql`exists (select 1 from flows f
    where f.id in (o.flow_a_id, o.flow_b_id) and ${flowWhere})`;

/**
 * Every overlap having a flow that matches `flowWhere`, in id order: overlaps are recorded one
 * by one, so they are few beside the flows (a trace reads them instead of sending its flows).
 */
export async function overlapsMatching(db: Kysely<Database>, flowWhere: RawBuilder<unknown>) {
  return (await selectOverlaps(db, matching(flowWhere), sql`order by o.id`)).rows;
}

/**
 * A page of overlaps having a flow that matches `flowWhere` (conditions on flows aliased f), in
 * id order after `afterId`; `limit` rows at most.
 */
export async function overlapsPage(
  db: Kysely<Database>,
  flowWhere: RawBuilder<unknown>,
  afterId: number,
  limit: number,
) {
  const matches = matching(flowWhere);
  const rows = (
    await selectOverlaps(
      db,
      sql`${matches} and o.id > ${afterId}`,
      sql`order by o.id limit ${limit}`,
    )
  ).rows;
  const count = async () =>
    (
      await sql<{
        n: number;
      }>`select count(*)::int as n from flow_overlaps o where ${matches}`.execute(db)
    ).rows[0]?.n ?? 0;
  return { rows, count };
}
