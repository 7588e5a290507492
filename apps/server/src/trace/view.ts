import { type Amount, makeAmount } from '@fundtrace/schema/money';
import type { ObservationRow } from '../db/database.js';
import type { TraceComputation } from './compute.js';
import type { PooledPair } from './load-subgraph.js';
import { outcomeLists } from './outcomes.js';
import {
  combineQualifiers,
  type LinkResult,
  type Qualifier,
  type ResidualKind,
  type TraceFlow,
  type Warning,
} from './propagate.js';
import { decimalOf, desc } from './units.js';
import { warningMessage } from './warnings.js';

/** The attribution rule, in one line, in each language of the explorer. */
export const TRACE_RULE = {
  EN: 'Earmarked flows carry their parent flow exactly; pooled money leaves each node in proportion to each source’s share of what the node received. What a node keeps is unaccounted (RETAINED); money that comes back round a cycle stays where it returns.',
  ZH: '指定用途的资金按其上级资金原样追踪；汇集的资金流出时，按各来源在该主体所收资金中的比例分摊。主体留下的资金计为未说明去向（RETAINED）；绕一圈流回的资金留在流回之处。',
} as const;

export const DEFAULT_TRACE_LIMIT = 100;
export const MAX_TRACE_LIMIT = 1000;

interface Side {
  actorId: number;
  attributed: Amount;
}

/** A trace trimmed for one response: the largest items, and totals for everything. */
export interface TraceView {
  direction: 'DOWNSTREAM' | 'UPSTREAM';
  origin: number;
  total: Amount;
  nodeCount: number;
  linkCount: number;
  truncated: boolean;
  nodes: {
    actorId: number;
    depth: number;
    attributed: Amount;
    outflow: Amount;
    residual: Amount;
    flags: string[];
  }[];
  others: {
    depth: number;
    actorCount: number;
    attributed: Amount;
    outflow: Amount;
    residual: Amount;
    inflows: Side[];
    outflows: Side[];
  }[];
  links: { flowId: number; attributed: Amount; share: number; earmarked: boolean }[];
  outcomes: {
    observation: ObservationRow;
    attributedValue: string;
    share: number;
    money: Amount;
    unitCost: Amount | null;
  }[];
  outcomeTotals: {
    metric: string;
    kind: string;
    unit: string;
    year: number;
    count: number;
    attributedValue: string;
    money: Amount;
    unitCost: Amount | null;
  }[];
  residuals: { actorId: number; amount: Amount; kind: ResidualKind }[];
  residualTotals: { kind: ResidualKind; actorCount: number; amount: Amount }[];
  warnings: {
    code: Warning['code'];
    message: { EN: string; ZH: string };
    actorId: number | null;
    flowId: number | null;
  }[];
}

/** The flows that pooled pairs stand for, fetched only for the pairs a view lists. */
export type ExpandPairs = (
  pairs: PooledPair[],
) => Promise<{ id: number; source: number; target: number; amount: bigint }[]>;

export async function traceView(
  c: TraceComputation,
  limit: number,
  expand: ExpandPairs,
): Promise<TraceView> {
  const { result, flows, request, origin } = c;
  const unit = request.unit;
  const amount = (units: bigint, q: Qualifier) => makeAmount(decimalOf(units), q, unit);
  const sumOf = (items: { units: bigint; q: Qualifier }[]) =>
    amount(
      items.reduce((s, x) => s + x.units, 0n),
      combineQualifiers(items.map((x) => x.q)),
    );

  const residualAt = new Map<number, bigint>();
  for (const r of result.residuals)
    residualAt.set(r.actor, (residualAt.get(r.actor) ?? 0n) + r.amount);
  const flagsAt = new Map<number, Set<string>>();
  for (const w of result.warnings) {
    if (w.actor === undefined) continue;
    flagsAt.set(w.actor, (flagsAt.get(w.actor) ?? new Set()).add(w.code));
  }

  // The origin and the largest nodes; the rest are summed per depth ("Other (k)").
  const ranked = [...result.nodes].sort(([a, x], [b, y]) =>
    a === origin ? -1 : b === origin ? 1 : desc(x.in, y.in),
  );
  const kept = new Set(ranked.slice(0, limit).map(([id]) => id));
  const nodes = ranked.slice(0, limit).map(([actorId, n]) => ({
    actorId,
    depth: n.depth,
    attributed: amount(n.in, n.qualifier),
    outflow: amount(n.out, n.qualifier),
    residual: amount(residualAt.get(actorId) ?? 0n, n.qualifier),
    flags: [...(flagsAt.get(actorId) ?? [])].sort(),
  }));

  const otherByDepth = new Map<
    number,
    {
      count: number;
      in: bigint;
      out: bigint;
      residual: bigint;
      q: Qualifier[];
      inflows: Map<number, bigint>;
      outflows: Map<number, bigint>;
    }
  >();
  const other = (depth: number) => {
    let o = otherByDepth.get(depth);
    if (!o) {
      o = {
        count: 0,
        in: 0n,
        out: 0n,
        residual: 0n,
        q: [],
        inflows: new Map(),
        outflows: new Map(),
      };
      otherByDepth.set(depth, o);
    }
    return o;
  };
  for (const [id, n] of ranked.slice(limit)) {
    const o = other(n.depth);
    o.count += 1;
    o.in += n.in;
    o.out += n.out;
    o.residual += residualAt.get(id) ?? 0n;
    o.q.push(n.qualifier);
  }
  // Links between listed nodes, largest first; the rest feed the "Other" sums. Only the
  // listed ones are sorted, so a trace of a million flows stays cheap to view.
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
      const o = other(result.nodes.get(f.target)?.depth ?? 0).inflows;
      o.set(f.source, (o.get(f.source) ?? 0n) + l.attributed);
    } else if (t) {
      const o = other(result.nodes.get(f.source)?.depth ?? 0).outflows;
      o.set(f.target, (o.get(f.target) ?? 0n) + l.attributed);
    }
  }
  between.sort(([, a], [, b]) => desc(a, b));
  const listed = between.slice(0, limit * 5);
  // Pooled pairs were traced as one flow: each of their flows carries the same share.
  const members = await expand(
    listed.filter(([id]) => id < 0).map(([id]) => c.pooled.get(id) as PooledPair),
  );
  const byPair = new Map<string, typeof members>();
  for (const m of members) {
    const key = `${m.source}:${m.target}`;
    byPair.set(key, [...(byPair.get(key) ?? []), m]);
  }
  const links = listed
    .flatMap(([flowId, attributed]) => {
      const f = flows.get(flowId) as TraceFlow;
      const l = result.links.get(flowId) as LinkResult;
      const share = f.amount === 0n ? 0 : Number((attributed * 1_000_000n) / f.amount) / 1_000_000;
      if (flowId > 0)
        return [{ flowId, units: attributed, q: l.qualifier, share, earmarked: f.parent !== null }];
      return (byPair.get(`${f.source}:${f.target}`) ?? []).map((m) => ({
        flowId: m.id,
        units: f.amount === 0n ? 0n : (m.amount * attributed) / f.amount,
        q: l.qualifier,
        share,
        earmarked: false,
      }));
    })
    .sort((a, b) => desc(a.units, b.units))
    .slice(0, limit * 5)
    .map((x) => ({
      flowId: x.flowId,
      attributed: amount(x.units, x.q),
      share: x.share,
      earmarked: x.earmarked,
    }));
  const sides = (m: Map<number, bigint>) =>
    [...m]
      .sort(([, a], [, b]) => desc(a, b))
      .map(([actorId, units]) => ({ actorId, attributed: amount(units, 'EXACT') }));
  const others = [...otherByDepth]
    .filter(([, o]) => o.count > 0)
    .sort(([a], [b]) => a - b)
    .map(([depth, o]) => {
      const q = combineQualifiers(o.q);
      return {
        depth,
        actorCount: o.count,
        attributed: amount(o.in, q),
        outflow: amount(o.out, q),
        residual: amount(o.residual, q),
        inflows: sides(o.inflows),
        outflows: sides(o.outflows),
      };
    });

  const { outcomes, outcomeTotals } = outcomeLists(c.outcomes, limit, unit);

  const residualsByAmount = [...result.residuals].sort((a, b) => desc(a.amount, b.amount));
  const residualKinds = new Map<ResidualKind, { units: bigint; q: Qualifier }[]>();
  const residualActors = new Map<ResidualKind, Set<number>>();
  for (const r of result.residuals) {
    const items = residualKinds.get(r.kind) ?? [];
    items.push({ units: r.amount, q: r.qualifier });
    residualKinds.set(r.kind, items);
    residualActors.set(r.kind, (residualActors.get(r.kind) ?? new Set()).add(r.actor));
  }

  return {
    direction: request.direction,
    origin,
    total: amount(result.total, result.qualifier),
    nodeCount: result.nodes.size,
    linkCount,
    truncated:
      result.nodes.size > limit ||
      linkCount > links.length ||
      c.outcomes.length > limit ||
      result.residuals.length > limit,
    nodes,
    others,
    links,
    outcomes,
    outcomeTotals,
    residuals: residualsByAmount
      .slice(0, limit)
      .map((r) => ({ actorId: r.actor, amount: amount(r.amount, r.qualifier), kind: r.kind })),
    residualTotals: [...residualKinds].map(([kind, items]) => ({
      kind,
      actorCount: residualActors.get(kind)?.size ?? 0,
      amount: sumOf(items),
    })),
    warnings: result.warnings.slice(0, limit).map((w) => ({
      code: w.code,
      message: warningMessage(c, w),
      actorId: w.actor ?? null,
      flowId: w.flow ?? null,
    })),
  };
}
