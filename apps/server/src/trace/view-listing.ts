import { combineTwo } from '@fundtrace/schema/money';
import type { RawOutcome, TraceComputation } from './compute.js';
import type { PooledPair } from './load-subgraph.js';
import { type OutcomeGroup, outcomeGroups } from './outcomes.js';
import { type ReaderResidual, type ReaderResidualKind, readerKinds } from './residual-kind.js';
import { ITEMS_PER_STEP, type Steps } from './steps.js';
import type { NodeResult, Qualifier, TraceResult, Warning } from './trace-types.js';
import { desc, largest } from './units.js';
import { readerWarnings } from './warnings.js';

/** The nodes past the limit at one depth, summed ("Other (k)"), and their links to listed ones. */
export interface OtherSum {
  count: number;
  in: bigint;
  out: bigint;
  residual: bigint;
  q: Qualifier;
  /** Traced money from each listed actor into these nodes, and out of them to each. */
  inflows: Map<number, bigint>;
  outflows: Map<number, bigint>;
}

/** Every residual of one kind, summed. */
export interface ResidualSum {
  units: bigint;
  q: Qualifier;
  actors: Set<number>;
}

/** What a view of `limit` items lists, and the sums of everything else: no amounts yet. */
export interface Listing {
  limit: number;
  /** The trace as the view shows it (the one place to relabel warnings). */
  result: Omit<TraceResult, 'residuals' | 'warnings'> & { warnings: Warning[] };
  /** The listed nodes: the origin first, then by traced money arriving, largest first. */
  ranked: [number, NodeResult][];
  /** What stays at each listed node. */
  residualAt: Map<number, bigint>;
  flagsAt: Map<number, Set<string>>;
  /** Links between listed nodes, largest first, as [flowId, attributed]. */
  listed: [number, bigint][];
  /** Every flow that carries traced money, counting each flow a pooled pair stands for. */
  linkCount: number;
  others: Map<number, OtherSum>;
  /** The largest residuals, as the reader names them; how many there are; their sums by kind. */
  residuals: {
    largest: ReaderResidual[];
    count: number;
    sums: Map<ReaderResidualKind, ResidualSum>;
  };
  /** The largest outcomes by traced money, as the trace read them (a view reads their rows). */
  outcomes: RawOutcome[];
  /** Every outcome, summed by metric, kind, unit and year. */
  outcomeGroups: OutcomeGroup[];
}

/** The nodes of a trace but one. */
function* without(nodes: ReadonlyMap<number, NodeResult>, origin: number) {
  for (const entry of nodes) if (entry[0] !== origin) yield entry;
}

/**
 * Chooses what a view of `limit` items lists and sums the rest, as pausable work: a national
 * trace has a quarter of a million nodes, links and residuals, and other requests go on meanwhile.
 */
export function* listTrace(c: TraceComputation, limit: number): Steps<Listing> {
  const { origin } = c;
  const result = { ...c.result, warnings: yield* readerWarnings(c) };
  const first = result.nodes.get(origin);
  const ranked: [number, NodeResult][] = [
    ...(first ? [[origin, first] as [number, NodeResult]] : []),
    ...(yield* largest(without(result.nodes, origin), first ? limit - 1 : limit, ([, n]) => n.in)),
  ];
  const kept = new Set(ranked.map(([id]) => id));
  const others = new Map<number, OtherSum>();
  let n = 0;
  for (const [id, node] of result.nodes) {
    if (++n % ITEMS_PER_STEP === 0) yield;
    if (kept.has(id)) continue;
    const o = otherAt(others, node.depth);
    o.count += 1;
    o.in += node.in;
    o.out += node.out;
    o.q = combineTwo(o.q, node.qualifier);
  }
  const { residuals, residualAt } = yield* sumResiduals(c, kept, others, limit);
  const flagsAt = new Map<number, Set<string>>();
  for (const w of result.warnings) {
    if (w.actor === undefined) continue;
    flagsAt.set(w.actor, (flagsAt.get(w.actor) ?? new Set()).add(w.code));
  }
  const { listed, linkCount } = yield* listLinks(c, kept, others, limit);
  const outcomes = yield* largest(c.outcomes, limit, (o) => o.money);
  const groups = yield* outcomeGroups(c.outcomes);
  return {
    ...{ limit, result, ranked, residualAt, flagsAt, listed, linkCount, others, residuals },
    ...{ outcomes, outcomeGroups: groups },
  };
}

/**
 * The residuals as the reader names them: the largest, their sums by kind, what stays at each
 * listed node, and what stays at the nodes summed per depth (added to `others`).
 */
function* sumResiduals(
  c: TraceComputation,
  kept: Set<number>,
  others: Map<number, OtherSum>,
  limit: number,
): Steps<{ residuals: Listing['residuals']; residualAt: Map<number, bigint> }> {
  const kindOf = yield* readerKinds(c);
  const all = c.result.residuals;
  const sums = new Map<ReaderResidualKind, ResidualSum>();
  const residualAt = new Map<number, bigint>();
  let n = 0;
  for (const r of all) {
    if (++n % ITEMS_PER_STEP === 0) yield;
    const kind = kindOf(r);
    const sum = sums.get(kind) ?? { units: 0n, q: 'EXACT', actors: new Set() };
    sum.units += r.amount;
    sum.q = combineTwo(sum.q, r.qualifier);
    sum.actors.add(r.actor);
    sums.set(kind, sum);
    if (kept.has(r.actor)) residualAt.set(r.actor, (residualAt.get(r.actor) ?? 0n) + r.amount);
    else {
      const depth = c.result.nodes.get(r.actor)?.depth;
      if (depth !== undefined) otherAt(others, depth).residual += r.amount;
    }
  }
  const top = (yield* largest(all, limit, (r) => r.amount)).map((r) => ({ ...r, kind: kindOf(r) }));
  return { residuals: { largest: top, count: all.length, sums }, residualAt };
}

function otherAt(others: Map<number, OtherSum>, depth: number): OtherSum {
  let o = others.get(depth);
  if (!o) {
    o = {
      ...{ count: 0, in: 0n, out: 0n, residual: 0n, q: 'EXACT' as Qualifier },
      ...{ inflows: new Map(), outflows: new Map() },
    };
    others.set(depth, o);
  }
  return o;
}

/**
 * Links between listed nodes, largest first; the rest feed the "Other" sums. Only the listed
 * ones are sorted, so a trace of a million flows stays cheap to view.
 */
function* listLinks(
  c: TraceComputation,
  kept: Set<number>,
  others: Map<number, OtherSum>,
  limit: number,
): Steps<{ listed: [number, bigint][]; linkCount: number }> {
  const { result, flows } = c;
  const between: [number, bigint][] = [];
  let linkCount = 0;
  let n = 0;
  for (const [flowId, l] of result.links) {
    if (++n % ITEMS_PER_STEP === 0) yield;
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
