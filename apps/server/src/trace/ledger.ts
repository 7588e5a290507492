import { combineTwo } from '@fundtrace/schema/money';
import type { Adjacency } from './flow-columns.js';
import { rangeOf } from './flow-index.js';
import { max, passOnByShares, roundLargestRemainder, roundShares, SCALE } from './node-shares.js';
import { ResultMap } from './result-map.js';
import { ITEMS_PER_STEP } from './steps.js';
import type {
  LinkResult,
  NodeResult,
  Qualifier,
  Residual,
  ResidualKind,
  TraceFlow,
  Warning,
} from './trace-types.js';
import { type Ends, sidesOf, type Walk } from './walk.js';

/**
 * The results a trace builds up, node by node: what each flow carries (by flow index), each
 * node's result, the residuals, and the deduplicated warnings.
 */
export class Ledger {
  /** Each node's result (by node index), and the nodes in the order their results were made. */
  private readonly nodeResults: (NodeResult | undefined)[];
  private readonly visited: number[] = [];
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
    this.nodeResults = new Array(walk.index.actors.length);
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

  private result(node: number, result: NodeResult) {
    this.nodeResults[node] = result;
    this.visited.push(node);
  }

  private residual(actor: number, amount: bigint, kind: ResidualKind, qualifier: Qualifier) {
    this.residuals.push({ actor, amount, kind, qualifier });
  }

  /** The origin: its seeds carry the starting amount in full. */
  start(total: bigint, qualifier: Qualifier) {
    const { flows } = this.walk.index;
    for (const i of this.walk.seeds) {
      const f = flows[i] as TraceFlow;
      this.link(i, f.amount, f.qualifier);
    }
    this.result(0, { depth: 0, in: total, out: total, qualifier });
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
      this.result(node, { depth, in: amount, out: 0n, qualifier });
      return;
    }
    const out = this.walk.index.earmarking[node]
      ? this.passByShares(node, actor, qualifier)
      : this.passPooled(node, actor, qualifier);
    const kept = amount - out;
    if (kept > 0n) this.residual(actor, kept, onward ? way.kept : way.end, qualifier);
    this.result(node, { depth, in: amount, out, qualifier });
  }

  /**
   * A node without earmarks (most nodes): every flow is pooled whole, so each onward flow
   * carries `amount * tracedPool / max(poolIn, poolOut)`. Returns what left.
   */
  private passPooled(node: number, actor: number, qualifier: Qualifier): bigint {
    const { flows, outOf, into } = this.walk.index;
    const { arriving, leaving } = this.sides;
    // no outflows: nothing leaves, and nothing can be overdrawn
    if (outOf.start[node] === outOf.start[node + 1] && leaving === outOf) return 0n;
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
      const v = poolDen === 0n ? 0n : traced === poolDen ? f.amount : (f.amount * traced) / poolDen;
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
      const node = this.nodeResults[this.sides.next[i] as number];
      if (!node) continue;
      const attributed = this.attributed[i] as bigint;
      this.warn({ code: 'CYCLE', actor: returnsTo, flow: (flows[i] as TraceFlow).id });
      node.in += attributed;
      this.residual(returnsTo, attributed, 'RETURNED', this.qualifierOf[i] as Qualifier);
    }
  }

  *results() {
    const { flows, actors } = this.walk.index;
    const links: LinkResult[] = [];
    for (const [k, i] of this.linked.entries()) {
      if (k % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
      links.push({
        attributed: this.attributed[i] as bigint,
        qualifier: this.qualifierOf[i] as Qualifier,
      });
    }
    const linkIds: number[] = [];
    for (const [k, i] of this.linked.entries()) {
      if (k % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
      linkIds.push((flows[i] as TraceFlow).id);
    }
    const [nodeIds, nodeResults]: [number[], NodeResult[]] = [[], []];
    for (const [k, node] of this.visited.entries()) {
      if (k % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
      nodeIds.push(actors[node] as number);
      nodeResults.push(this.nodeResults[node] as NodeResult);
    }
    return {
      nodes: new ResultMap(nodeIds, nodeResults),
      links: new ResultMap(linkIds, links),
      residuals: this.residuals,
      warnings: this.warnings,
    };
  }
}

/** The amounts of a node's flows on one side, summed. */
function sumAmounts(flows: readonly TraceFlow[], side: Adjacency, node: number): bigint {
  let s = 0n;
  for (let j = side.start[node] as number; j < (side.start[node + 1] as number); j++) {
    s += (flows[side.list[j] as number] as TraceFlow).amount;
  }
  return s;
}
