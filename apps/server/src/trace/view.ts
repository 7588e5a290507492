import { type Amount, Decimal, makeAmount } from '@fundtrace/schema/money';
import type { ObservationRow } from '../db/database.js';
import type { TraceComputation } from './compute.js';
import type { PooledPair } from './load-subgraph.js';
import {
  combineQualifiers,
  type LinkResult,
  type Qualifier,
  type ResidualKind,
  type TraceFlow,
  type Warning,
} from './propagate.js';

export const TRACE_RULE =
  'Earmarked flows carry their parent flow exactly; pooled money leaves each node in proportion to each source’s share of what the node received. What a node keeps is unaccounted (RETAINED); money that comes back round a cycle stays where it returns.';

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
    message: string;
    actorId: number | null;
    flowId: number | null;
  }[];
}

const BASE = new Decimal(10_000);
const decimalOf = (units: bigint) => new Decimal(units.toString()).div(BASE);
const desc = (a: bigint, b: bigint) => (b > a ? 1 : b < a ? -1 : 0);

/** Dividing by an at-least count gives an at-most cost, and the other way round. */
const invert = (q: Qualifier): Qualifier =>
  q === 'AT_LEAST' ? 'AT_MOST' : q === 'AT_MOST' ? 'AT_LEAST' : q;

/** money ÷ outcome, rounded to the fen; APPROXIMATE when the rounding changed it. */
function unitCost(money: Amount, value: bigint, valueQualifier: Qualifier): Amount | null {
  if (value <= 0n) return null;
  const exact = money.value.div(decimalOf(value));
  const rounded = exact.toDecimalPlaces(2);
  const rounding: Qualifier = rounded.eq(exact) ? 'EXACT' : 'APPROXIMATE';
  return makeAmount(
    rounded,
    combineQualifiers([money.qualifier, invert(valueQualifier), rounding]),
    money.unit,
  );
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

  const outcomesByMoney = [...c.outcomes].sort((a, b) => desc(a.money, b.money));
  const outcomes = outcomesByMoney.slice(0, limit).map((o) => {
    const money = amount(o.money, o.moneyQualifier);
    return {
      observation: o.observation,
      attributedValue: decimalOf(o.value).toFixed(),
      share: o.share / 1_000_000,
      money,
      unitCost: unitCost(money, o.value, o.observation.qualifier as Qualifier),
    };
  });
  const groups = new Map<
    string,
    {
      o: ObservationRow;
      count: number;
      value: bigint;
      money: { units: bigint; q: Qualifier }[];
      vq: Qualifier[];
    }
  >();
  for (const o of c.outcomes) {
    const key = [
      o.observation.metric,
      o.observation.kind,
      o.observation.unit,
      o.observation.year,
    ].join('|');
    const g = groups.get(key) ?? { o: o.observation, count: 0, value: 0n, money: [], vq: [] };
    g.count += 1;
    g.value += o.value;
    g.money.push({ units: o.money, q: o.moneyQualifier });
    g.vq.push(o.observation.qualifier as Qualifier);
    groups.set(key, g);
  }
  const outcomeTotals = [...groups.values()].map((g) => {
    const money = sumOf(g.money);
    return {
      metric: g.o.metric,
      kind: g.o.kind,
      unit: g.o.unit,
      year: g.o.year,
      count: g.count,
      attributedValue: decimalOf(g.value).toFixed(),
      money,
      unitCost: unitCost(money, g.value, combineQualifiers(g.vq)),
    };
  });

  const residualsByAmount = [...result.residuals].sort((a, b) => desc(a.amount, b.amount));
  const residualKinds = new Map<ResidualKind, { units: bigint; q: Qualifier }[]>();
  const residualActors = new Map<ResidualKind, Set<number>>();
  for (const r of result.residuals) {
    const items = residualKinds.get(r.kind) ?? [];
    items.push({ units: r.amount, q: r.qualifier });
    residualKinds.set(r.kind, items);
    residualActors.set(r.kind, (residualActors.get(r.kind) ?? new Set()).add(r.actor));
  }

  const name = (id: number | undefined) => (id === undefined ? '' : (c.names.get(id) ?? `#${id}`));
  const flowName = (id: number | undefined) => {
    const f = id === undefined ? undefined : flows.get(id);
    return f ? `${name(f.source)} → ${name(f.target)}` : '';
  };
  const messages: Record<Warning['code'], (w: Warning) => string> = {
    OVERDRAWN: (w) =>
      `${name(w.actor)} reports more outflow than inflow${w.flow ? ` (earmarked from ${flowName(w.flow)})` : ''}; its outflows are scaled down for attribution, the stored figures are unchanged.`,
    CYCLE: (w) =>
      `Money comes back to ${name(w.actor)} through ${flowName(w.flow)}; it is not sent round again.`,
    DEPTH_LIMIT: (w) =>
      `The trace stops at ${name(w.actor)} (maxDepth ${request.maxDepth}); its onward flows are not followed.`,
    BAD_PARENT: (w) =>
      `${flowName(w.flow)} names a parent flow that does not reach ${name(w.actor)}; it is treated as pooled.`,
  };

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
      message: messages[w.code](w),
      actorId: w.actor ?? null,
      flowId: w.flow ?? null,
    })),
  };
}
