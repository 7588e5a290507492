import { type Amount, makeAmount } from '@fundtrace/schema/money';
import type { ObservationRow } from '../db/database.js';
import type { TraceComputation } from './compute.js';
import type { PooledMember } from './load-subgraph.js';
import { outcomeLists } from './outcomes.js';
import type { ReaderResidualKind as ResidualKind } from './residual-kind.js';
import type { LinkResult, Qualifier, TraceFlow, Warning } from './trace-types.js';
import { decimalOf, desc } from './units.js';
import type { Listing } from './view-listing.js';
import { warningMessage } from './warnings.js';

/** The attribution rule, in one line, in each language of the explorer. */
export const TRACE_RULE = {
  EN: 'Earmarked flows carry their parent flow exactly; pooled money leaves each node in proportion to each source’s share of what the node received. What stays at a node is named for what the sources say of it: not reported further, used or kept there, or outflows that fall short; money that comes back round a cycle stays where it returns.',
  ZH: '指定用途的资金按其上级资金原样追踪；汇集的资金流出时，按各来源在该主体所收资金中的比例分摊。留在主体的资金按来源所述分为：未再报告去向、在此使用或留存、流出不足；绕一圈流回的资金留在流回之处。',
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
    overlapId: number | null;
  }[];
}

type AmountOf = (units: bigint, q: Qualifier) => Amount;

/** What a view reads beforehand: the flows behind the pooled pairs it lists, and the rows of the outcomes it lists. */
export interface ListedRows {
  members: readonly PooledMember[];
  observations: ReadonlyMap<number, ObservationRow>;
}

/** A computed trace trimmed for one response, from what `listTrace` chose to list. Pure. */
export function traceView(
  c: TraceComputation,
  listing: Listing,
  { members, observations }: ListedRows,
): TraceView {
  const { request, origin } = c;
  const { limit, result } = listing;
  const amount: AmountOf = (units, q) => makeAmount(decimalOf(units), q, request.unit);
  const links = linkRows(c, listing, members, amount);
  return {
    direction: request.direction,
    origin,
    total: amount(result.total, result.qualifier),
    nodeCount: result.nodes.size,
    linkCount: listing.linkCount,
    truncated:
      result.nodes.size > limit ||
      listing.linkCount > links.length ||
      c.outcomes.length > limit ||
      listing.residuals.count > limit,
    nodes: nodeRows(listing, amount),
    others: otherRows(listing, amount),
    links,
    ...outcomeLists(
      listing.outcomes.flatMap((o) => {
        const observation = observations.get(o.observation.id);
        return observation ? [{ ...o, observation }] : [];
      }),
      listing.outcomeGroups,
      request.unit,
    ),
    ...residualRows(listing, amount),
    warnings: result.warnings.slice(0, limit).map((w) => ({
      code: w.code,
      message: warningMessage(c, w),
      actorId: w.actor ?? null,
      flowId: w.flow ?? null,
      overlapId: w.overlap ?? null,
    })),
  };
}

/** The origin and the largest nodes. */
function nodeRows(listing: Listing, amount: AmountOf): TraceView['nodes'] {
  return listing.ranked.slice(0, listing.limit).map(([actorId, n]) => ({
    actorId,
    depth: n.depth,
    attributed: amount(n.in, n.qualifier),
    outflow: amount(n.out, n.qualifier),
    residual: amount(listing.residualAt.get(actorId) ?? 0n, n.qualifier),
    flags: [...(listing.flagsAt.get(actorId) ?? [])].sort(),
  }));
}

/** The rest, summed per depth ("Other (k)"), with their links to listed nodes. */
function otherRows(listing: Listing, amount: AmountOf): TraceView['others'] {
  const sides = (m: Map<number, bigint>) =>
    [...m]
      .sort(([, a], [, b]) => desc(a, b))
      .map(([actorId, units]) => ({ actorId, attributed: amount(units, 'EXACT') }));
  return [...listing.others]
    .filter(([, o]) => o.count > 0)
    .sort(([a], [b]) => a - b)
    .map(([depth, o]) => {
      const q = o.q;
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
}

/** The listed links, largest first; a pooled pair's flows each carry the pair's share. */
function linkRows(
  c: TraceComputation,
  listing: Listing,
  members: readonly PooledMember[],
  amount: AmountOf,
): TraceView['links'] {
  const byPair = new Map<string, PooledMember[]>();
  for (const m of members) {
    const key = `${m.source}:${m.target}`;
    const pair = byPair.get(key);
    if (pair) pair.push(m);
    else byPair.set(key, [m]);
  }
  return listing.listed
    .flatMap(([flowId, attributed]) => {
      const f = c.flows.get(flowId) as TraceFlow;
      const l = c.result.links.get(flowId) as LinkResult;
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
    .slice(0, listing.limit * 5)
    .map((x) => ({
      flowId: x.flowId,
      attributed: amount(x.units, x.q),
      share: x.share,
      earmarked: x.earmarked,
    }));
}

/** The largest residuals, and every residual summed per kind. */
function residualRows(
  listing: Listing,
  amount: AmountOf,
): Pick<TraceView, 'residuals' | 'residualTotals'> {
  const { largest, sums } = listing.residuals;
  return {
    residuals: largest.map((r) => ({
      actorId: r.actor,
      amount: amount(r.amount, r.qualifier),
      kind: r.kind,
    })),
    residualTotals: [...sums].map(([kind, sum]) => ({
      kind,
      actorCount: sum.actors.size,
      amount: amount(sum.units, sum.q),
    })),
  };
}
