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
  // the flows overlaps name, by pair, and those of them in a pooled pair that carried money
  const named = new Map<number, Map<number, TraceFlow[]>>();
  for (const f of await pooledOverlapFlows(db, filter)) {
    const byTarget = named.get(f.source) ?? new Map<number, TraceFlow[]>();
    byTarget.set(f.target, [...(byTarget.get(f.target) ?? []), f]);
    named.set(f.source, byTarget);
  }
  const pooledFlows: TraceFlow[] = [];
  if (named.size > 0) {
    for (const [id, pair] of pooled) {
      const flows = named.get(pair.source)?.get(pair.target);
      if (flows && (result.links.get(id)?.attributed ?? 0n) > 0n) pooledFlows.push(...flows);
    }
  }
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
