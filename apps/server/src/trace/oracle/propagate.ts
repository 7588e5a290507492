/**
 * The trace rule as first written, over Maps of flow objects: slow, and plain to read. The
 * trace itself (../propagate.ts) runs the same rule over typed arrays; a test requires the two
 * to give the same result on random graphs, so this one is the rule's reference.
 */
import { combineQualifiers } from '@fundtrace/schema/money';
import { roundLargestRemainder } from '../node-shares.js';
import { drain, type Steps } from '../steps.js';
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
} from '../trace-types.js';
import { type Ends, FLOWS_PER_STEP, WAYS, type Way } from '../walk.js';
import { passOn } from './pass-on.js';
import { indexEnds, reachDepths, visitOrder, type Walk } from './walk.js';

/** The results a trace builds up, node by node, and its deduplicated warnings. */
class Ledger {
  readonly links = new Map<number, LinkResult>();
  readonly nodes = new Map<number, NodeResult>();
  readonly residuals: Residual[] = [];
  readonly warnings: Warning[] = [];
  private readonly warned = new Set<string>();

  constructor(private readonly back: Set<number>) {}

  readonly warn = (w: Warning) => {
    const key = `${w.code}:${w.actor ?? ''}:${w.flow ?? ''}`;
    if (!this.warned.has(key)) {
      this.warned.add(key);
      this.warnings.push(w);
    }
  };

  /** Traced money a flow brings on; back edges bring none (what returns is settled last). */
  readonly traced = (f: TraceFlow) =>
    this.back.has(f.id) ? 0n : (this.links.get(f.id)?.attributed ?? 0n);

  residual(actor: number, amount: bigint, kind: ResidualKind, qualifier: Qualifier) {
    this.residuals.push({ actor, amount, kind, qualifier });
  }
}

/** One node of the trace, reached by flows already attributed. */
interface Stop {
  node: number;
  depth: number;
  ends: Ends;
  /** Traced money that reached it, and its qualifier. */
  in: bigint;
  qualifier: Qualifier;
}

export function trace(input: TraceInput): TraceResult {
  return drain(traceSteps(input));
}

/** The trace as pausable work (see `Steps`): the same result as `trace`. */
export function* traceSteps(input: TraceInput): Steps<TraceResult> {
  const way = WAYS[input.direction];
  const byId = new Map(input.flows.map((f) => [f.id, f]));
  const endsOf = indexEnds(input.flows);
  const seeds = input.seeds.map((id) => byId.get(id)).filter((f): f is TraceFlow => !!f);
  const onward = (node: number) => endsOf(node)[way.from];
  const walk: Walk = {
    origin: input.origin,
    maxDepth: input.maxDepth,
    leaving: (node) => (node === input.origin ? seeds : onward(node)),
    onward,
    next: (f) => f[way.to],
  };
  const depth = yield* reachDepths(walk);
  const expanded = (n: number) => (depth.get(n) ?? Number.POSITIVE_INFINITY) < input.maxDepth;
  const { order, back } = yield* visitOrder(walk, expanded);

  const ledger = new Ledger(back);
  const total = seeds.reduce((s, f) => s + f.amount, 0n);
  const totalQualifier = combineQualifiers(seeds.map((f) => f.qualifier));
  let handled = 0;
  for (const node of order) {
    const ends = endsOf(node);
    handled += 1 + ends.source.length + ends.target.length;
    if (handled >= FLOWS_PER_STEP) {
      handled = 0;
      yield;
    }
    if (node === input.origin) {
      for (const f of seeds)
        ledger.links.set(f.id, { attributed: f.amount, qualifier: f.qualifier });
      ledger.nodes.set(node, { depth: 0, in: total, out: total, qualifier: totalQualifier });
      continue;
    }
    const stop = arriveAt(node, depth.get(node) ?? 0, ends, way, ledger);
    if (expanded(node) && stop.in > 0n) passOnward(stop, way, byId, ledger);
    else stopAt(stop, way, ledger);
  }
  settleReturns(back, byId, way, ledger);
  const { links, nodes, residuals, warnings } = ledger;
  return { total, qualifier: totalQualifier, nodes, links, residuals, warnings };
}

/** Sums the traced money arriving at a node through flows already attributed. */
function arriveAt(node: number, depth: number, ends: Ends, way: Way, ledger: Ledger): Stop {
  let amount = 0n;
  const qualifiers: Qualifier[] = [];
  for (const f of ends[way.to]) {
    if (ledger.traced(f) === 0n) continue;
    const link = ledger.links.get(f.id) as LinkResult;
    qualifiers.push(link.qualifier);
    amount += link.attributed;
  }
  return { node, depth, ends, in: amount, qualifier: combineQualifiers(qualifiers) };
}

/** A node the trace does not expand: what reached it stays there. */
function stopAt(stop: Stop, way: Way, ledger: Ledger) {
  const { node, qualifier } = stop;
  if (stop.in > 0n) {
    const cut = stop.ends[way.from].length > 0;
    if (cut) ledger.warn({ code: 'DEPTH_LIMIT', actor: node });
    ledger.residual(node, stop.in, cut ? 'DEPTH_LIMIT' : way.end, qualifier);
  }
  ledger.nodes.set(node, { depth: stop.depth, in: stop.in, out: 0n, qualifier });
}

/** An expanded node: its traced money goes on by its onward flows; the rest stays. */
function passOnward(stop: Stop, way: Way, byId: Map<number, TraceFlow>, ledger: Ledger) {
  const { node, qualifier } = stop;
  const scaled = passOn(node, stop.ends, way, ledger.traced, ledger.warn);
  let out = 0n;
  for (const [id, v] of roundLargestRemainder(scaled)) {
    const f = byId.get(id) as TraceFlow;
    if (v > 0n)
      ledger.links.set(id, {
        attributed: v,
        qualifier: combineQualifiers([qualifier, f.qualifier]),
      });
    out += v;
  }
  const kept = stop.in - out;
  if (kept > 0n) {
    ledger.residual(node, kept, stop.ends[way.from].length ? way.kept : way.end, qualifier);
  }
  ledger.nodes.set(node, { depth: stop.depth, in: stop.in, out, qualifier });
}

/** Money that comes back round a cycle is not sent round again: it stays where it returns. */
function settleReturns(back: Set<number>, byId: Map<number, TraceFlow>, way: Way, ledger: Ledger) {
  for (const id of back) {
    const link = ledger.links.get(id);
    const returnsTo = (byId.get(id) as TraceFlow)[way.to];
    const node = ledger.nodes.get(returnsTo);
    if (!link || !node) continue;
    ledger.warn({ code: 'CYCLE', actor: returnsTo, flow: id });
    node.in += link.attributed;
    ledger.residual(returnsTo, link.attributed, 'RETURNED', link.qualifier);
  }
}
