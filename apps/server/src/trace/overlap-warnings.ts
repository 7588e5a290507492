import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { type OverlapShape, overlapsMatching } from '../domain/overlap/overlap.queries.js';
import {
  conditions,
  type PooledPair,
  pooledOverlapFlows,
  type SubgraphFilter,
} from './load-subgraph.js';
import type { TraceFlow, TraceResult } from './trace-types.js';

/**
 * Adds an OVERLAP warning for each traced flow (one that carried money) with a recorded
 * overlap: money through it may be counted again in the flow it overlaps. A pooled pair (under a
 * negative id: not a record) warns for each of its flows that an overlap names. Returns the
 * overlaps the warnings name, and the pooled flows they concern (for their names).
 *
 * The overlaps of the trace's year and unit are read and matched here: they are few, while a
 * national trace carries money through a quarter of a million flows.
 */
export async function addOverlapWarnings(
  db: Kysely<Database>,
  result: TraceResult,
  pooled: ReadonlyMap<number, PooledPair>,
  filter: SubgraphFilter,
): Promise<{ overlaps: Map<number, OverlapShape>; pooledFlows: TraceFlow[] }> {
  const overlaps = new Map<number, OverlapShape>();
  const candidates = await overlapsMatching(db, conditions('f', filter));
  if (!candidates.length) return { overlaps, pooledFlows: [] };
  const pairs: PooledPair[] = [];
  for (const [id, link] of result.links) {
    const pair = id < 0 && link.attributed > 0n ? pooled.get(id) : undefined;
    if (pair) pairs.push(pair);
  }
  const pooledFlows = await pooledOverlapFlows(db, pairs, filter);
  const inPairs = new Set(pooledFlows.map((f) => f.id));
  const traced = (id: number) =>
    (id > 0 && (result.links.get(id)?.attributed ?? 0n) > 0n) || inPairs.has(id);
  for (const o of candidates) {
    for (const flow of [o.flow_a_id, o.flow_b_id]) {
      if (!traced(flow)) continue;
      overlaps.set(o.id, o);
      result.warnings.push({ code: 'OVERLAP', flow, overlap: o.id });
    }
  }
  return { overlaps, pooledFlows };
}
