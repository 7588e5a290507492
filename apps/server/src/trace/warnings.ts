import type { TraceComputation } from './compute.js';
import type { Warning } from './propagate.js';

/** A warning in words, naming the actors and flows it concerns. */
export function warningMessage(c: TraceComputation, w: Warning): string {
  const { flows, request } = c;
  const name = (id: number | undefined) => (id === undefined ? '' : (c.names.get(id) ?? `#${id}`));
  const flowName = (id: number | undefined) => {
    const f = id === undefined ? undefined : flows.get(id);
    return f ? `${name(f.source)} → ${name(f.target)}` : '';
  };
  const messages: Record<Warning['code'], () => string> = {
    OVERDRAWN: () =>
      `${name(w.actor)} reports more outflow than inflow${w.flow ? ` (earmarked from ${flowName(w.flow)})` : ''}; its outflows are scaled down for attribution, the stored figures are unchanged.`,
    CYCLE: () =>
      `Money comes back to ${name(w.actor)} through ${flowName(w.flow)}; it is not sent round again.`,
    DEPTH_LIMIT: () =>
      `The trace stops at ${name(w.actor)} (maxDepth ${request.maxDepth}); its onward flows are not followed.`,
    BAD_PARENT: () =>
      `${flowName(w.flow)} names a parent flow that does not reach ${name(w.actor)}; it is treated as pooled.`,
  };

  return messages[w.code]();
}
