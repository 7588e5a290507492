/**
 * Tracing: how much of a starting amount reaches every actor and flow, and what stays where.
 *
 * The rule, at every node N that the trace passes through (downstream):
 * - A flow with a parent flow is an earmarked pass-through of that parent (an inflow of N): it
 *   carries the parent's traced share exactly. If N passes on more than the parent brought,
 *   the children are scaled down together, for attribution only.
 * - What is not earmarked is pooled. Each inflow p puts `p.amount - earmarked(p)` into N's
 *   pool, carrying p's traced share. Every pool outflow o then carries
 *   `o.amount * tracedPool / max(poolIn, poolOut)`: each source in proportion to its share of
 *   the pool. When N reports more pool outflow than pool inflow it is flagged OVERDRAWN and the
 *   outflows are scaled down (for attribution only; stored data never changes).
 * - What N received and did not pass on is a residual: RETAINED; money that comes back round a
 *   cycle is not sent round again: it stays at the node it returns to as RETURNED (warning
 *   CYCLE); money at a node the depth limit stops is DEPTH_LIMIT.
 * Upstream applies the transpose of the same node-local shares, so what A sends to B
 * downstream is what B gets from A upstream: one propagation (ledger.ts, with the general rule
 * of node-shares.ts) serves both, given the direction as a value (`WAYS` in walk.ts). Upstream residuals: ORIGIN (a node with no
 * recorded inflows: its own money), UNATTRIBUTED (an overdrawn node's excess), RETURNED,
 * DEPTH_LIMIT.
 *
 * Amounts are integers in base units (1e-4 yuan, the database scale). Shares are computed with
 * SCALE extra digits, floored, and each node's outflows are rounded by largest remainder so
 * that, at every node, attributed in = attributed out + residuals exactly.
 *
 * The flows are indexed once (flow-index.ts) and the walk's and the rule's state is kept in
 * arrays by flow and node index: a national trace passes a quarter of a million nodes. The rule
 * as first written, over Maps, is kept as the reference (oracle/propagate.ts), and a test holds
 * this one to it.
 */

import { combineQualifiers } from '@fundtrace/schema/money';
import { indexFlows } from './flow-index.js';
import { Ledger } from './ledger.js';
import { drain, type Steps } from './steps.js';
import type { TraceFlow, TraceInput, TraceResult } from './trace-types.js';
import { FLOWS_PER_STEP, reachDepths, visitOrder, WAYS, type Walk } from './walk.js';

export function trace(input: TraceInput): TraceResult {
  return drain(traceSteps(input));
}

/** The trace as pausable work (see `Steps`): the same result as `trace`. */
export function* traceSteps(input: TraceInput): Steps<TraceResult> {
  const index = yield* indexFlows(input.flows, input.origin);

  const way = WAYS[input.direction];
  const walk: Walk = { index, way, seeds: seedIndexes(input), maxDepth: input.maxDepth };
  const depth = yield* reachDepths(walk);
  const { order, back, isBack } = yield* visitOrder(walk, depth);
  const ledger = new Ledger(walk, isBack);
  const seeds = [...walk.seeds].map((i) => input.flows[i] as TraceFlow);
  const total = seeds.reduce((s, f) => s + f.amount, 0n);
  const qualifier = combineQualifiers(seeds.map((f) => f.qualifier));
  const { outOf, into } = index;
  let handled = 0;
  for (const node of order) {
    handled += 1 + (outOf.start[node + 1] as number) - (outOf.start[node] as number);
    handled += (into.start[node + 1] as number) - (into.start[node] as number);
    if (handled >= FLOWS_PER_STEP) {
      handled = 0;
      yield;
    }
    if (node === 0) ledger.start(total, qualifier);
    else ledger.visit(node, depth[node] as number);
  }
  ledger.settleReturns(back);
  return { total, qualifier, ...(yield* ledger.results()) };
}

/** The seeds' flow indexes, in the order given (ids of no flow given are left out). */
function seedIndexes({ flows, seeds }: TraceInput): Int32Array {
  const at = new Map(seeds.map((id) => [id, -1]));
  flows.forEach((f, i) => {
    if (at.has(f.id)) at.set(f.id, i);
  });
  return Int32Array.from(seeds.map((id) => at.get(id) as number).filter((i) => i >= 0));
}
