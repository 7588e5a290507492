import type { TraceComputation } from './compute.js';
import { ITEMS_PER_STEP, type Steps } from './steps.js';
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

/** What each residual is for a reader (see above), from the actors' outflows and outcomes. */
export function* readerKinds(c: TraceComputation): Steps<(r: Residual) => ReaderResidualKind> {
  const withOutcomes = new Set(c.outcomes.map((o) => o.observation.actor_id));
  const withOutflows = new Set<number>();
  let n = 0;
  for (const f of c.flows.values()) {
    withOutflows.add(f.source);
    if (++n % ITEMS_PER_STEP === 0) yield;
  }
  return (r) => {
    if (r.kind !== 'RETAINED' || withOutcomes.has(r.actor)) return r.kind;
    return withOutflows.has(r.actor) ? 'SHORTFALL' : 'UNREPORTED';
  };
}
