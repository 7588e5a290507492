import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { type OverlapShape, overlapsTouching } from '../domain/overlap/overlap.queries.js';
import { type PooledPair, pooledOverlapFlows, type SubgraphFilter } from './load-subgraph.js';
import type { TraceFlow, TraceResult } from './trace-types.js';

/**
 * Adds an OVERLAP warning for each traced flow (one that carried money) with a recorded
 * overlap: money through it may be counted again in the flow it overlaps. A pooled pair (under a
 * negative id: not a record) warns for each of its flows that an overlap names. Returns the
 * overlaps the warnings name, and the pooled flows they concern (for their names).
 */
export async function addOverlapWarnings(
  db: Kysely<Database>,
  result: TraceResult,
  pooled: ReadonlyMap<number, PooledPair>,
  filter: SubgraphFilter,
): Promise<{ overlaps: Map<number, OverlapShape>; pooledFlows: TraceFlow[] }> {
  const carried = [...result.links].filter(([, link]) => link.attributed > 0n).map(([id]) => id);
  const pairs = carried.flatMap((id) => (id < 0 ? [pooled.get(id)].filter((p) => !!p) : []));
  const pooledFlows = await pooledOverlapFlows(db, pairs as PooledPair[], filter);
  const traced = [...carried.filter((id) => id > 0), ...pooledFlows.map((f) => f.id)];
  const overlaps = new Map((await overlapsTouching(db, traced)).map((o) => [o.id, o]));
  const tracedSet = new Set(traced);
  for (const o of overlaps.values()) {
    for (const flow of [o.flow_a_id, o.flow_b_id]) {
      if (tracedSet.has(flow)) result.warnings.push({ code: 'OVERLAP', flow, overlap: o.id });
    }
  }
  return { overlaps, pooledFlows };
}
