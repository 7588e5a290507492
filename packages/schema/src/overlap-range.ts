/**
 * The least a sum of flows can be once recorded overlaps share all they can.
 *
 * The rule: an overlap between flows a and b says they may share up to `maxShared` yuan. Flows
 * with no recorded overlap share nothing. Overlaps that chain through one flow never take the
 * same yuan out twice: the yuan flow b shares with a and the yuan it shares with c together are
 * at most b's amount. So the most that can be shared is the linear programme
 *
 *   maximise Σ s_k   subject to   0 ≤ s_k ≤ maxShared_k,   Σ_{k touches f} s_k ≤ amount_f,
 *
 * a fractional b-matching. Its optimum is half the maximum flow through the bipartite double
 * cover of the overlap graph (each flow f split into f⁺ fed with amount_f from the source and
 * f⁻ draining amount_f to the sink; each overlap {a, b} an arc a⁺→b⁻ and an arc b⁺→a⁻ of
 * capacity maxShared), so it is solved exactly, in decimals, by augmenting paths.
 */
import { Decimal } from './money.js';

const ZERO = new Decimal(0);

export interface OverlapEdge {
  id: string;
  a: string;
  b: string;
  maxShared: Decimal;
  /** The least they share, when a source states a total for both (their sum minus it). */
  minShared?: Decimal | null;
}

export interface SharedMoney {
  /** The most the summed flows can share: low = plain sum − shared. */
  shared: Decimal;
  /** Ids of the overlaps among the summed flows (both ends summed), in input order. */
  overlaps: string[];
}

/**
 * How much of `amounts` (flow id → the amount counted for it) the overlaps can share at most.
 * Overlaps with an end outside `amounts` are ignored: they do not concern this sum.
 */
export function sharedAtMost(
  amounts: ReadonlyMap<string, Decimal>,
  edges: readonly OverlapEdge[],
): SharedMoney {
  const inside = edges.filter((e) => e.a !== e.b && amounts.has(e.a) && amounts.has(e.b));
  if (inside.length === 0) return { shared: ZERO, overlaps: [] };
  const network = doubleCover(amounts, inside);
  return { shared: maxFlow(network).div(2), overlaps: inside.map((e) => e.id) };
}

/**
 * The least the summed flows are sure to share, from overlaps with a stated least (`minShared`):
 * high = plain sum − this. Overlaps with no flow in common add up (a pair's shared yuan are
 * counted twice in the sum, and disjoint pairs' shared yuan are different yuan); overlaps that
 * chain through one flow may share the same yuan, so only one of them counts. The pairs are
 * taken greedily, largest first: always a true lower bound, never above `sharedAtMost` (each
 * counted pair shares no more than its maxShared, and each flow is in one pair at most).
 */
export function sharedAtLeast(
  amounts: ReadonlyMap<string, Decimal>,
  edges: readonly OverlapEdge[],
): Decimal {
  const sure = edges
    .filter((e) => e.a !== e.b && amounts.has(e.a) && amounts.has(e.b) && e.minShared?.gt(0))
    .map((e) => ({
      e,
      least: Decimal.min(
        e.minShared ?? ZERO,
        e.maxShared,
        amounts.get(e.a) ?? ZERO,
        amounts.get(e.b) ?? ZERO,
      ),
    }))
    .sort((x, y) => y.least.comparedTo(x.least));
  const used = new Set<string>();
  let total = ZERO;
  for (const { e, least } of sure) {
    if (used.has(e.a) || used.has(e.b) || !least.gt(0)) continue;
    used.add(e.a);
    used.add(e.b);
    total = total.plus(least);
  }
  return total;
}

interface Arc {
  to: number;
  cap: Decimal;
  /** Index of the reverse arc in `arcs[to]`. */
  rev: number;
}

interface Network {
  arcs: Arc[][];
  source: number;
  sink: number;
}

function doubleCover(
  amounts: ReadonlyMap<string, Decimal>,
  edges: readonly OverlapEdge[],
): Network {
  const index = new Map<string, number>();
  for (const e of edges) {
    for (const f of [e.a, e.b]) if (!index.has(f)) index.set(f, index.size);
  }
  const n = index.size;
  const source = 2 * n;
  const sink = 2 * n + 1;
  const arcs: Arc[][] = Array.from({ length: 2 * n + 2 }, () => []);
  const add = (from: number, to: number, cap: Decimal): void => {
    arcs[from]?.push({ to, cap, rev: arcs[to]?.length ?? 0 });
    arcs[to]?.push({ to: from, cap: ZERO, rev: (arcs[from]?.length ?? 1) - 1 });
  };
  for (const [flow, i] of index) {
    const amount = Decimal.max(amounts.get(flow) ?? ZERO, ZERO);
    add(source, i, amount);
    add(n + i, sink, amount);
  }
  for (const e of edges) {
    const a = index.get(e.a) ?? 0;
    const b = index.get(e.b) ?? 0;
    const cap = Decimal.max(e.maxShared, ZERO);
    add(a, n + b, cap);
    add(b, n + a, cap);
  }
  return { arcs, source, sink };
}

/** Edmonds–Karp: shortest augmenting paths, exact in decimals, terminates on any input. */
function maxFlow({ arcs, source, sink }: Network): Decimal {
  let total = ZERO;
  for (;;) {
    const path = shortestPath(arcs, source, sink);
    if (!path) return total;
    let push: Decimal | null = null;
    for (const arc of path) push = push === null || arc.cap.lt(push) ? arc.cap : push;
    if (push === null || push.isZero()) return total;
    for (const arc of path) {
      arc.cap = arc.cap.minus(push);
      const back = arcs[arc.to]?.[arc.rev];
      if (back) back.cap = back.cap.plus(push);
    }
    total = total.plus(push);
  }
}

function shortestPath(arcs: Arc[][], source: number, sink: number): Arc[] | null {
  const via: (Arc | null)[] = new Array(arcs.length).fill(null);
  const from: number[] = new Array(arcs.length).fill(-1);
  from[source] = source;
  const queue = [source];
  for (let head = 0; head < queue.length && from[sink] === -1; head++) {
    const node = queue[head] ?? source;
    for (const arc of arcs[node] ?? []) {
      if (from[arc.to] !== -1 || !arc.cap.gt(0)) continue;
      from[arc.to] = node;
      via[arc.to] = arc;
      queue.push(arc.to);
    }
  }
  if (from[sink] === -1) return null;
  const path: Arc[] = [];
  for (let node = sink; node !== source; node = from[node] ?? source) {
    const arc = via[node];
    if (!arc) return null;
    path.push(arc);
  }
  return path;
}
