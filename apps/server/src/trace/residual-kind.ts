import type { TraceComputation } from './compute.js';
import type { Residual } from './trace-types.js';

/**
 * What a downstream residual is, as a reader needs it: "retained" alone made every yuan the
 * sources do not break down further look missing.
 * - UNREPORTED: the actor has no recorded onward flows and no outcomes; the trail ends
 *   because the sources say nothing further, not because money went missing.
 * - RETAINED: the sources report outcomes at the actor: the money is used or kept there.
 * - SHORTFALL: the actor reports onward flows, but they add up to less than it received.
 * Other kinds (RETURNED, DEPTH_LIMIT, and upstream ORIGIN, UNATTRIBUTED) pass unchanged.
 */
export type ReaderResidualKind = Residual['kind'] | 'UNREPORTED' | 'SHORTFALL';

export type ReaderResidual = Omit<Residual, 'kind'> & { kind: ReaderResidualKind };

export function classifyResiduals(c: TraceComputation): ReaderResidual[] {
  const withOutcomes = new Set(c.outcomes.map((o) => o.observation.actor_id));
  const withOutflows = new Set<number>();
  for (const f of c.flows.values()) withOutflows.add(f.source);
  return c.result.residuals.map((r) => {
    if (r.kind !== 'RETAINED') return r;
    if (withOutcomes.has(r.actor)) return r;
    return { ...r, kind: withOutflows.has(r.actor) ? 'SHORTFALL' : 'UNREPORTED' };
  });
}
