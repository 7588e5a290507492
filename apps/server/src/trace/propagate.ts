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
 * downstream is what B gets from A upstream: one propagation (`passOn` in node-shares.ts)
 * serves both, given the direction as a value (`WAYS` in walk.ts). Upstream residuals: ORIGIN (a node with no
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

import { combineQualifiers, combineTwo } from '@fundtrace/schema/money';
import type { Adjacency } from './flow-columns.js';
import { indexFlows, rangeOf } from './flow-index.js';
import { max, passOnByShares, roundLargestRemainder, roundShares, SCALE } from './node-shares.js';
import { drain, type Steps } from './steps.js';
import type {
  LinkResult,
  NodeResult,
  Qualifier,
  Residual,
  ResidualKind,
  TraceFlow,
  TraceInput,
  TraceResult,
  Warning,
} from './trace-types.js';
import {
  type Ends,
  FLOWS_PER_STEP,
  reachDepths,
  sidesOf,
  visitOrder,
  WAYS,
  type Walk,
} from './walk.js';

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
  return { total, qualifier, ...ledger.results() };
}

/** The amounts of a node's flows on one side, summed. */
function sumAmounts(flows: readonly TraceFlow[], side: Adjacency, node: number): bigint {
  let s = 0n;
  for (let j = side.start[node] as number; j < (side.start[node + 1] as number); j++) {
    s += (flows[side.list[j] as number] as TraceFlow).amount;
  }
  return s;
}

/** The seeds' flow indexes, in the order given (ids of no flow given are left out). */
function seedIndexes({ flows, seeds }: TraceInput): Int32Array {
  const at = new Map(seeds.map((id) => [id, -1]));
  flows.forEach((f, i) => {
    if (at.has(f.id)) at.set(f.id, i);
  });
  return Int32Array.from(seeds.map((id) => at.get(id) as number).filter((i) => i >= 0));
}

/**
 * The results a trace builds up, node by node: what each flow carries (by flow index), each
 * node's result, the residuals, and the deduplicated warnings.
 */
class Ledger {
  private readonly nodes = new Map<number, NodeResult>();
  private readonly residuals: Residual[] = [];
  private readonly warnings: Warning[] = [];
  private readonly warned = new Set<string>();
  private readonly attributed: bigint[];
  private readonly qualifierOf: Qualifier[];
  private readonly carries: Uint8Array;
  /** The flows given a result, in the order they were. */
  private readonly linked: number[] = [];
  private readonly sides;

  constructor(
    private readonly walk: Walk,
    private readonly isBack: Uint8Array,
  ) {
    const n = walk.index.flows.length;
    this.attributed = new Array<bigint>(n).fill(0n);
    this.qualifierOf = new Array<Qualifier>(n).fill('EXACT');
    this.carries = new Uint8Array(n);
    this.sides = sidesOf(walk);
  }

  private readonly warn = (w: Warning) => {
    const key = `${w.code}:${w.actor ?? ''}:${w.flow ?? ''}`;
    if (!this.warned.has(key)) {
      this.warned.add(key);
      this.warnings.push(w);
    }
  };

  private link(i: number, attributed: bigint, qualifier: Qualifier) {
    this.attributed[i] = attributed;
    this.qualifierOf[i] = qualifier;
    this.carries[i] = 1;
    this.linked.push(i);
  }

  /** Traced money a flow brings on; back edges bring none (what returns is settled last). */
  private traced(i: number): bigint {
    return this.isBack[i] === 1 || this.carries[i] === 0 ? 0n : (this.attributed[i] as bigint);
  }

  private residual(actor: number, amount: bigint, kind: ResidualKind, qualifier: Qualifier) {
    this.residuals.push({ actor, amount, kind, qualifier });
  }

  /** The origin: its seeds carry the starting amount in full. */
  start(total: bigint, qualifier: Qualifier) {
    const { flows, actors } = this.walk.index;
    for (const i of this.walk.seeds) {
      const f = flows[i] as TraceFlow;
      this.link(i, f.amount, f.qualifier);
    }
    this.nodes.set(actors[0] as number, { depth: 0, in: total, out: total, qualifier });
  }

  /** A node reached by flows already attributed: what arrives goes on, or stays. */
  visit(node: number, depth: number) {
    const { arriving, leaving } = this.sides;
    let amount = 0n;
    let qualifier: Qualifier = 'EXACT';
    for (let j = arriving.start[node] as number; j < (arriving.start[node + 1] as number); j++) {
      const i = arriving.list[j] as number;
      const t = this.traced(i);
      if (t === 0n) continue;
      amount += t;
      qualifier = combineTwo(qualifier, this.qualifierOf[i] as Qualifier);
    }
    const actor = this.walk.index.actors[node] as number;
    const onward = (leaving.start[node + 1] as number) > (leaving.start[node] as number);
    const { way } = this.walk;
    if (depth >= this.walk.maxDepth || amount === 0n) {
      if (amount > 0n) {
        if (onward) this.warn({ code: 'DEPTH_LIMIT', actor });
        this.residual(actor, amount, onward ? 'DEPTH_LIMIT' : way.end, qualifier);
      }
      this.nodes.set(actor, { depth, in: amount, out: 0n, qualifier });
      return;
    }
    const out = this.walk.index.earmarking[node]
      ? this.passByShares(node, actor, qualifier)
      : this.passPooled(node, actor, qualifier);
    const kept = amount - out;
    if (kept > 0n) this.residual(actor, kept, onward ? way.kept : way.end, qualifier);
    this.nodes.set(actor, { depth, in: amount, out, qualifier });
  }

  /**
   * A node without earmarks (most nodes): every flow is pooled whole, so each onward flow
   * carries `amount * tracedPool / max(poolIn, poolOut)`. Returns what left.
   */
  private passPooled(node: number, actor: number, qualifier: Qualifier): bigint {
    const { flows, outOf, into } = this.walk.index;
    const { arriving, leaving } = this.sides;
    const poolIn = sumAmounts(flows, into, node);
    const poolOut = sumAmounts(flows, outOf, node);
    // traced money arriving, unscaled: tracedPool is this times SCALE
    let traced = 0n;
    for (let j = arriving.start[node] as number; j < (arriving.start[node + 1] as number); j++) {
      const i = arriving.list[j] as number;
      if ((flows[i] as TraceFlow).amount !== 0n) traced += this.traced(i);
    }
    if (poolOut > poolIn && traced > 0n) this.warn({ code: 'OVERDRAWN', actor });
    const poolDen = max(poolIn, poolOut);
    const [first, last] = [leaving.start[node] as number, leaving.start[node + 1] as number];
    if (last - first === 1) {
      // one onward flow: floor(floor(a * traced * SCALE / den) / SCALE) = floor(a * traced / den)
      const i = leaving.list[first] as number;
      const f = flows[i] as TraceFlow;
      const v = poolDen === 0n ? 0n : (f.amount * traced) / poolDen;
      if (v > 0n) this.link(i, v, combineTwo(qualifier, f.qualifier));
      return v;
    }
    const onward = Array.from(leaving.list.subarray(first, last));
    const tracedPool = traced * SCALE;
    const scaled = onward.map((i) =>
      poolDen === 0n ? 0n : ((flows[i] as TraceFlow).amount * tracedPool) / poolDen,
    );
    const ids = onward.map((i) => (flows[i] as TraceFlow).id);
    return this.carry(onward, roundShares(ids, scaled), qualifier);
  }

  /** A node with earmarks: the general rule (node-shares.ts), over the node's flows. */
  private passByShares(node: number, actor: number, qualifier: Qualifier): bigint {
    const { flows, outOf, into } = this.walk.index;
    const flowsOf = (side: typeof into) =>
      [...side.list.subarray(...rangeOf(side, node))].map((i) => flows[i] as TraceFlow);
    const ends: Ends = { source: flowsOf(outOf), target: flowsOf(into) };
    const byId = new Map<number, number>();
    for (const side of [outOf, into]) {
      for (const i of side.list.subarray(...rangeOf(side, node))) {
        byId.set((flows[i] as TraceFlow).id, i);
      }
    }
    const traced = (f: TraceFlow) => this.traced(byId.get(f.id) as number);
    const scaled = passOnByShares(actor, ends, this.walk.way, traced, this.warn);
    const rounded = roundLargestRemainder(scaled);
    return this.carry(
      [...rounded.keys()].map((id) => byId.get(id) as number),
      [...rounded.values()],
      qualifier,
    );
  }

  /** Gives each flow with a positive amount its result; returns the sum. */
  private carry(onward: readonly number[], amounts: readonly bigint[], qualifier: Qualifier) {
    const { flows } = this.walk.index;
    let out = 0n;
    onward.forEach((i, k) => {
      const v = amounts[k] as bigint;
      if (v > 0n) this.link(i, v, combineTwo(qualifier, (flows[i] as TraceFlow).qualifier));
      out += v;
    });
    return out;
  }

  /** Money that comes back round a cycle is not sent round again: it stays where it returns. */
  settleReturns(back: readonly number[]) {
    const { flows, actors } = this.walk.index;
    for (const i of back) {
      if (this.carries[i] === 0) continue;
      const returnsTo = actors[this.sides.next[i] as number] as number;
      const node = this.nodes.get(returnsTo);
      if (!node) continue;
      const attributed = this.attributed[i] as bigint;
      this.warn({ code: 'CYCLE', actor: returnsTo, flow: (flows[i] as TraceFlow).id });
      node.in += attributed;
      this.residual(returnsTo, attributed, 'RETURNED', this.qualifierOf[i] as Qualifier);
    }
  }

  results() {
    const { flows } = this.walk.index;
    const links = new Map<number, LinkResult>();
    for (const i of this.linked) {
      links.set((flows[i] as TraceFlow).id, {
        attributed: this.attributed[i] as bigint,
        qualifier: this.qualifierOf[i] as Qualifier,
      });
    }
    const { nodes, residuals, warnings } = this;
    return { nodes, links, residuals, warnings };
  }
}
