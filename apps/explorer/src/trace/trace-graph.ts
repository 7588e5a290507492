import type { Amount } from '@fundtrace/schema/money';
import { displayName, type Locale, type Named } from '../display-name';
import { translate } from '../lib/i18n';
import { full, isZero, type MoneyFields, toAmount, total } from '../lib/money';
import {
  type Graph,
  type GraphLink,
  type GraphNode,
  longestPathColumns,
  mergeParallelLinks,
} from '../sankey/graph';
import { residualColor, residualExplain, residualName } from './residual-kinds';

type M = MoneyFields;
export interface TraceData {
  direction: 'DOWNSTREAM' | 'UPSTREAM';
  nodes: readonly {
    actor: Named & { id: string };
    depth: number;
    flags: readonly string[];
    attributed: M;
    outflow: M;
    residual: M;
  }[];
  others: readonly {
    depth: number;
    actorCount: number;
    attributed: M;
    outflow: M;
    residual: M;
    inflows: readonly { actor: { id: string }; attributed: M }[];
    outflows: readonly { actor: { id: string }; attributed: M }[];
  }[];
  links: readonly {
    flow: { id: string; source: { id: string }; target: { id: string } };
    attributed: M;
    share: number;
    earmarked: boolean;
  }[];
  residuals: readonly { actor: { id: string }; amount: M; kind: string }[];
}

export const actorNodeId = (id: string) => `a:${id}`;
export const RESIDUAL_PREFIX = 'r:';

/**
 * The trace as a Sankey: listed actors, one "Other (k)" node per depth for the rest, the flows
 * between them, and grey "Unaccounted" nodes that take each node's residual, so that at every
 * node in = out + unaccounted is visible. Upstream, money still runs left to right (sources first).
 */
export function traceGraph(trace: TraceData, locale: Locale): Graph {
  const upstream = trace.direction === 'UPSTREAM';
  const nodes: GraphNode[] = [];
  const links: GraphLink[] = [];
  nodes.push(...actorNodes(trace, locale));
  const known = new Set(nodes.map((n) => n.id));
  addOthers(trace, locale, nodes, links, known);
  for (const l of trace.links) {
    const pooled = !l.earmarked && l.share < 1;
    addLink(
      links,
      known,
      l.flow.id,
      actorNodeId(l.flow.source.id),
      actorNodeId(l.flow.target.id),
      l.attributed,
      pooled,
      [l.flow.id],
    );
  }
  const merged = mergeParallelLinks(links);
  const columns = longestPathColumns(
    nodes.map((n) => n.id),
    merged,
  );
  for (const n of nodes) n.column = columns.get(n.id) ?? 0;

  // Residuals: per actor and kind (upstream, ORIGIN is where money starts, not a gap), and per
  // Other node; one node per column and kind, so a reader sees what kind each is at a glance.
  const residualBy = new Map<string, { id: string; kind: string; amounts: Amount[] }>();
  const addResidual = (id: string, kind: string, amount: M) => {
    if (!known.has(id) || isZero(amount)) return;
    const key = `${id}|${kind}`;
    const entry = residualBy.get(key) ?? { id, kind, amounts: [] };
    entry.amounts.push(toAmount(amount));
    residualBy.set(key, entry);
  };
  for (const r of trace.residuals) {
    if (upstream && r.kind === 'ORIGIN') continue;
    addResidual(actorNodeId(r.actor.id), r.kind, r.amount);
  }
  if (!upstream) for (const o of trace.others) addResidual(`o:${o.depth}`, 'MIXED', o.residual);
  const shift =
    upstream && [...residualBy.values()].some((r) => (columns.get(r.id) ?? 0) === 0) ? 1 : 0;
  if (shift) for (const n of nodes) n.column += shift;
  const byColumn = new Map<string, { column: number; kind: string; links: GraphLink[] }>();
  for (const { id, kind, amounts } of residualBy.values()) {
    const at = (columns.get(id) ?? 0) + shift;
    const column = upstream ? at - 1 : at + 1;
    const rid = `${RESIDUAL_PREFIX}${column}:${kind}`;
    const amount = total(amounts);
    const link: GraphLink = upstream
      ? { id: `res:${id}:${kind}`, source: rid, target: id, amount, hatched: true, flowIds: [] }
      : { id: `res:${id}:${kind}`, source: id, target: rid, amount, hatched: true, flowIds: [] };
    const group = byColumn.get(rid) ?? { column, kind, links: [] };
    group.links.push(link);
    byColumn.set(rid, group);
  }
  for (const [rid, { column, kind, links: rlinks }] of byColumn) {
    nodes.push({
      id: rid,
      label: residualName(kind, locale),
      column,
      kind: 'residual',
      total: total(rlinks.map((l) => l.amount)),
      colorKey: 'residual',
      color: residualColor(kind),
      detail: [residualExplain(kind, locale)],
    });
    merged.push(...rlinks);
  }
  return { nodes, links: merged };
}

function addLink(
  links: GraphLink[],
  known: ReadonlySet<string>,
  id: string,
  source: string,
  target: string,
  amount: M,
  hatched: boolean,
  flowIds: string[],
) {
  if (!known.has(source) || !known.has(target) || source === target || isZero(amount)) return;
  links.push({ id, source, target, amount: toAmount(amount), hatched, flowIds });
}

/** "in = out + stays here" for a node's tooltip. */
function balanceLine(a: M, b: M, c: M, locale: Locale) {
  return locale === 'EN'
    ? `in ${full(a, locale)} = out ${full(b, locale)} + stays here ${full(c, locale)}`
    : `流入 ${full(a, locale)} = 流出 ${full(b, locale)} + 留在此处 ${full(c, locale)}`;
}

/** One node per listed actor, with its balance, residual kinds, and whether it is overdrawn. */
function actorNodes(trace: TraceData, locale: Locale): GraphNode[] {
  const nodes: GraphNode[] = [];
  const eq = (a: M, b: M, c: M) => balanceLine(a, b, c, locale);
  const kindsAt = (id: string) =>
    trace.residuals
      .filter((r) => r.actor.id === id && !isZero(r.amount))
      .map((r) => `${residualName(r.kind, locale)}: ${full(r.amount, locale)}`);
  for (const n of trace.nodes) {
    const over =
      n.flags.includes('OVERDRAWN') || toAmount(n.outflow).value.gt(toAmount(n.attributed).value);
    nodes.push({
      id: actorNodeId(n.actor.id),
      label: displayName(n.actor, locale),
      column: 0,
      kind: 'actor',
      total: toAmount(n.attributed),
      colorKey: actorNodeId(n.actor.id),
      detail: [
        eq(n.attributed, n.outflow, n.residual),
        ...kindsAt(n.actor.id),
        ...(over ? [translate('overdrawn', locale)] : []),
      ],
      flagged: over,
    });
  }
  return nodes;
}

/** One "Other (k)" node per depth, with its links to and from listed actors. */
function addOthers(
  trace: TraceData,
  locale: Locale,
  nodes: GraphNode[],
  links: GraphLink[],
  known: Set<string>,
) {
  const eq = (a: M, b: M, c: M) => balanceLine(a, b, c, locale);
  for (const o of trace.others) {
    const id = `o:${o.depth}`;
    nodes.push({
      id,
      label: `${translate('other', locale)} (${o.actorCount})`,
      column: 0,
      kind: 'other',
      total: toAmount(o.attributed),
      colorKey: 'other',
      detail: [eq(o.attributed, o.outflow, o.residual)],
    });
    known.add(id);
    for (const s of o.inflows)
      addLink(
        links,
        known,
        `oi:${o.depth}:${s.actor.id}`,
        actorNodeId(s.actor.id),
        id,
        s.attributed,
        true,
        [],
      );
    for (const s of o.outflows)
      addLink(
        links,
        known,
        `oo:${o.depth}:${s.actor.id}`,
        id,
        actorNodeId(s.actor.id),
        s.attributed,
        true,
        [],
      );
  }
}
