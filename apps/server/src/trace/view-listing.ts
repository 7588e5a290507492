import type { RawOutcome, TraceComputation } from './compute.js';
import type { PooledPair } from './load-subgraph.js';
import { classifyResiduals, type ReaderResidual } from './residual-kind.js';
import type { NodeResult, Qualifier, TraceResult } from './trace-types.js';
import { desc, largest } from './units.js';
import { readerWarnings } from './warnings.js';

/** The nodes past the limit at one depth, summed ("Other (k)"), and their links to listed ones. */
export interface OtherSum {
  count: number;
  in: bigint;
  out: bigint;
  residual: bigint;
  q: Qualifier[];
  /** Traced money from each listed actor into these nodes, and out of them to each. */
  inflows: Map<number, bigint>;
  outflows: Map<number, bigint>;
}

/** What a view of `limit` items lists, and the sums of everything else: no amounts yet. */
export interface Listing {
  limit: number;
  /** The trace as the view shows it (the one place to relabel residuals or warnings). */
  result: Omit<TraceResult, 'residuals'> & { residuals: ReaderResidual[] };
  /** The listed nodes: the origin first, then by traced money arriving, largest first. */
  ranked: [number, NodeResult][];
  residualAt: Map<number, bigint>;
  flagsAt: Map<number, Set<string>>;
  /** Links between listed nodes, largest first, as [flowId, attributed]. */
  listed: [number, bigint][];
  /** Every flow that carries traced money, counting each flow a pooled pair stands for. */
  linkCount: number;
  others: Map<number, OtherSum>;
  /** The largest outcomes by traced money, as the trace read them (a view reads their rows). */
  outcomes: RawOutcome[];
}

export function listTrace(c: TraceComputation, limit: number): Listing {
  const { origin } = c;
  const result = { ...c.result, residuals: classifyResiduals(c), warnings: readerWarnings(c) };
  const residualAt = new Map<number, bigint>();
  for (const r of result.residuals)
    residualAt.set(r.actor, (residualAt.get(r.actor) ?? 0n) + r.amount);
  const flagsAt = new Map<number, Set<string>>();
  for (const w of result.warnings) {
    if (w.actor === undefined) continue;
    flagsAt.set(w.actor, (flagsAt.get(w.actor) ?? new Set()).add(w.code));
  }
  const first = result.nodes.get(origin);
  const rest = [...result.nodes].filter(([id]) => id !== origin);
  const ranked = [
    ...(first ? [[origin, first] as [number, NodeResult]] : []),
    ...largest(rest, first ? limit - 1 : limit, ([, n]) => n.in),
  ];
  const kept = new Set(ranked.map(([id]) => id));
  const others = new Map<number, OtherSum>();
  for (const [id, n] of rest) {
    if (kept.has(id)) continue;
    const o = otherAt(others, n.depth);
    o.count += 1;
    o.in += n.in;
    o.out += n.out;
    o.residual += residualAt.get(id) ?? 0n;
    o.q.push(n.qualifier);
  }
  const { listed, linkCount } = listLinks(c, kept, others, limit);
  const outcomes = largest(c.outcomes, limit, (o) => o.money);
  return { limit, result, ranked, residualAt, flagsAt, listed, linkCount, others, outcomes };
}

function otherAt(others: Map<number, OtherSum>, depth: number): OtherSum {
  let o = others.get(depth);
  if (!o) {
    o = { count: 0, in: 0n, out: 0n, residual: 0n, q: [], inflows: new Map(), outflows: new Map() };
    others.set(depth, o);
  }
  return o;
}

/**
 * Links between listed nodes, largest first; the rest feed the "Other" sums. Only the listed
 * ones are sorted, so a trace of a million flows stays cheap to view.
 */
function listLinks(
  c: TraceComputation,
  kept: Set<number>,
  others: Map<number, OtherSum>,
  limit: number,
): { listed: [number, bigint][]; linkCount: number } {
  const { result, flows } = c;
  const between: [number, bigint][] = [];
  let linkCount = 0;
  for (const [flowId, l] of result.links) {
    const f = flows.get(flowId);
    if (!f) continue;
    linkCount += flowId < 0 ? (c.pooled.get(flowId)?.flowCount ?? 0) : 1;
    const s = kept.has(f.source);
    const t = kept.has(f.target);
    if (s && t) between.push([flowId, l.attributed]);
    else if (s) {
      const o = otherAt(others, result.nodes.get(f.target)?.depth ?? 0).inflows;
      o.set(f.source, (o.get(f.source) ?? 0n) + l.attributed);
    } else if (t) {
      const o = otherAt(others, result.nodes.get(f.source)?.depth ?? 0).outflows;
      o.set(f.target, (o.get(f.target) ?? 0n) + l.attributed);
    }
  }
  between.sort(([, a], [, b]) => desc(a, b));
  return { listed: between.slice(0, limit * 5), linkCount };
}

/** The pooled pairs among the listed links: their flows are what a view reads to list them. */
export function listedPairs(c: TraceComputation, listing: Listing): PooledPair[] {
  return listing.listed.filter(([id]) => id < 0).map(([id]) => c.pooled.get(id) as PooledPair);
}
