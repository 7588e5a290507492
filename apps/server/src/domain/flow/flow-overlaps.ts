import { type Amount, decimal } from '@fundtrace/schema/money';
import { type OverlapEdge, sharedAtLeast, sharedAtMost } from '@fundtrace/schema/overlap-range';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { type OverlapShape, overlapsTouching } from '../overlap/overlap.queries.js';

/**
 * Totals as ranges (issue 15): a group's flows that take part in some recorded overlap, by
 * bucket, and the overlaps among them. Most sums have none (the national data set records none),
 * so only those flows are read, grouped as the totals are, and then the overlaps among them.
 */
export interface GroupOverlaps {
  /** bucket → flow id → amount counted for it */
  amounts: Map<string, Map<string, Amount['value']>>;
  overlaps: OverlapShape[];
}

/** Per group (its keys as JSON): the overlapping flows by bucket, and the overlaps among them. */
export async function collectOverlaps(
  db: Kysely<Database>,
  rows: { keys: (string | null)[]; bucket: string; overlapping: [number, string][] | null }[],
): Promise<Map<string, GroupOverlaps>> {
  const byGroup = new Map<string, GroupOverlaps>();
  for (const row of rows) {
    if (!row.overlapping) continue;
    const id = JSON.stringify(row.keys);
    const group = byGroup.get(id) ?? { amounts: new Map(), overlaps: [] };
    byGroup.set(id, group);
    const bucketAmounts = group.amounts.get(row.bucket) ?? new Map();
    group.amounts.set(row.bucket, bucketAmounts);
    for (const [flowId, amount] of row.overlapping)
      bucketAmounts.set(String(flowId), decimal(amount));
  }
  if (!byGroup.size) return byGroup;
  const flowIds = [...byGroup.values()].flatMap((g) =>
    [...g.amounts.values()].flatMap((m) => [...m.keys()]),
  );
  const all = await overlapsTouching(db, [...new Set(flowIds.map(Number))]);
  for (const group of byGroup.values()) {
    const ids = new Set([...group.amounts.values()].flatMap((m) => [...m.keys()]));
    group.overlaps = all.filter(
      (o) => ids.has(String(o.flow_a_id)) && ids.has(String(o.flow_b_id)),
    );
  }
  return byGroup;
}

const edgeOf = (o: OverlapShape): OverlapEdge => ({
  id: String(o.id),
  a: String(o.flow_a_id),
  b: String(o.flow_b_id),
  maxShared: decimal(o.shared),
  minShared: o.leastShared === null ? null : decimal(o.leastShared),
});

/** The overlapping flows of some buckets of a group: flow id → amount. */
function amountsIn(group: GroupOverlaps, buckets: readonly string[]) {
  return new Map(buckets.flatMap((b) => [...(group.amounts.get(b) ?? [])]));
}

/**
 * A sum over some buckets of a group as a range: the value stays the plain sum; low drops by the
 * most the overlaps among its flows can share, high by the least they are sure to share (a total
 * a source states for two of them).
 */
export function withOverlaps(
  sum: Amount,
  buckets: readonly string[],
  group: GroupOverlaps | undefined,
): Amount {
  if (!group) return sum;
  const amounts = amountsIn(group, buckets);
  const edges = group.overlaps.map(edgeOf);
  const { shared } = sharedAtMost(amounts, edges);
  if (shared.isZero()) return sum;
  const exact = sum.qualifier === 'EXACT';
  const low = sum.low ?? (exact ? sum.value : null);
  if (low === null) return sum; // no lower bound known (at most, or approximate): nothing to lower
  const high = sum.high ?? (exact ? sum.value : null);
  return {
    ...sum,
    low: low.minus(shared),
    high: high === null ? null : high.minus(sharedAtLeast(amounts, edges)),
  };
}

/** The overlaps among the flows of some buckets of a group (all buckets when none are named). */
export function overlapsOf(group: GroupOverlaps | undefined, buckets?: readonly string[]) {
  if (!group) return [];
  if (buckets === undefined) return group.overlaps;
  const ids = amountsIn(group, buckets);
  return group.overlaps.filter((o) => ids.has(String(o.flow_a_id)) && ids.has(String(o.flow_b_id)));
}
