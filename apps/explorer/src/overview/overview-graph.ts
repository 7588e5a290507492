import type { Amount } from '@fundtrace/schema/money';
import { displayName, type Locale, type Named } from '../display-name';
import { translate } from '../lib/i18n';
import { isZero, total } from '../lib/money';
import {
  type Graph,
  type GraphLink,
  type GraphNode,
  mergeParallelLinks,
  nodeSums,
} from '../sankey/graph';

export interface Ref extends Named {
  id: string;
}

/** One grouped total: source → program, or program → target. */
export interface OverviewRow {
  from: Ref | null;
  to: Ref | null;
  amount: Amount;
  /** Some of its flows may share money with another flow (a recorded overlap): drawn hatched. */
  mayOverlap?: boolean;
}

export const DEFAULT_TOP = 10;

/** The id of the ends of the row that sums the groups `totals(largest:)` left out. */
export const SMALLER_FLOWS_ID = 'smaller-flows';

const SMALLER: Ref = {
  id: SMALLER_FLOWS_ID,
  name: translate('smallerFlows', 'ZH'),
  nameEn: translate('smallerFlows', 'EN'),
};

/** A totals row's source, program and target; the rest row's are all "Smaller flows". */
export function endsOf(row: {
  rest: boolean;
  source?: Ref | null;
  program?: Ref | null;
  target?: Ref | null;
}): { source: Ref | null; program: Ref | null; target: Ref | null } {
  if (row.rest) return { source: SMALLER, program: SMALLER, target: SMALLER };
  return { source: row.source ?? null, program: row.program ?? null, target: row.target ?? null };
}

/** source → program → target totals, split into the two link sets the Sankey draws (summed exactly). */
export function splitTriples(
  rows: readonly {
    source: Ref | null;
    program: Ref | null;
    target: Ref | null;
    amount: Amount;
    mayOverlap?: boolean;
  }[],
): { bySource: OverviewRow[]; byTarget: OverviewRow[] } {
  const group = (key: (r: (typeof rows)[number]) => [Ref | null, Ref | null]) => {
    const out = new Map<
      string,
      { from: Ref | null; to: Ref | null; amounts: Amount[]; mayOverlap: boolean }
    >();
    for (const r of rows) {
      const [from, to] = key(r);
      const k = `${from?.id ?? ''}\u0000${to?.id ?? ''}`;
      const entry = out.get(k) ?? { from, to, amounts: [], mayOverlap: false };
      entry.amounts.push(r.amount);
      entry.mayOverlap ||= r.mayOverlap === true;
      out.set(k, entry);
    }
    return [...out.values()].map((e) => ({
      from: e.from,
      to: e.to,
      amount: total(e.amounts, e.amounts[0]?.unit),
      mayOverlap: e.mayOverlap,
    }));
  };
  return {
    bySource: group((r) => [r.source, r.program]),
    byTarget: group((r) => [r.program, r.target]),
  };
}

/**
 * Sources → programs → recipients from two groupings of the same flows. Each column keeps its
 * `top` largest nodes; the rest become one "Other (k)" node unless that column is expanded.
 */
export function overviewGraph(
  sourceToProgram: readonly OverviewRow[],
  programToTarget: readonly OverviewRow[],
  locale: Locale,
  options: { top?: number; expanded?: ReadonlySet<number> } = {},
): Graph {
  const top = options.top ?? DEFAULT_TOP;
  const noProgram = translate('noProgram', locale);
  const name = (r: Ref | null, fallback: string) => (r ? displayName(r, locale) : fallback);
  const nodes = new Map<string, GraphNode>();
  const links: GraphLink[] = [];
  const add = (id: string, label: string, column: number) => {
    if (!nodes.has(id)) {
      nodes.set(id, {
        id,
        label,
        column,
        kind: column === 1 ? 'program' : 'actor',
        total: zeroOf(),
        colorKey: id,
      });
    }
  };
  const zeroOf = () => total([]);
  const programId = (r: Ref | null) => `p:${r?.id ?? 'none'}`;
  for (const row of sourceToProgram) {
    if (isZero(row.amount) || !row.from) continue;
    const s = `s:${row.from.id}`;
    const p = programId(row.to);
    add(s, name(row.from, '?'), 0);
    add(p, name(row.to, noProgram), 1);
    links.push({
      id: `${s}>${p}`,
      source: s,
      target: p,
      amount: row.amount,
      hatched: row.mayOverlap === true,
      flowIds: [],
    });
  }
  for (const row of programToTarget) {
    if (isZero(row.amount) || !row.to) continue;
    const p = programId(row.from);
    const t = `t:${row.to.id}`;
    add(p, name(row.from, noProgram), 1);
    add(t, name(row.to, '?'), 2);
    links.push({
      id: `${p}>${t}`,
      source: p,
      target: t,
      amount: row.amount,
      hatched: row.mayOverlap === true,
      flowIds: [],
    });
  }
  const graph = { nodes: [...nodes.values()], links };
  withTotals(graph);
  return withTotals(collapseSmall(graph, top, options.expanded ?? new Set(), locale));
}

/** Sets each node's total: what came in, or for a source what went out. */
export function withTotals(graph: Graph): Graph {
  const sums = nodeSums(graph);
  for (const n of graph.nodes) {
    const s = sums.get(n.id);
    if (!s) continue;
    const side = s.in.length > 0 ? s.in : s.out;
    n.total = total(side, side[0]?.unit ?? 'CNY');
  }
  return graph;
}

/** Keeps each column's largest nodes; the others merge into an "Other (k)" node. */
export function collapseSmall(
  graph: Graph,
  top: number,
  expanded: ReadonlySet<number>,
  locale: Locale,
): Graph {
  const rename = new Map<string, string>();
  const kept: GraphNode[] = [];
  const columns = new Set(graph.nodes.map((n) => n.column));
  for (const c of [...columns].sort()) {
    const inColumn = graph.nodes
      .filter((n) => n.column === c)
      .sort((a, b) => b.total.value.cmp(a.total.value) || a.label.localeCompare(b.label));
    if (expanded.has(c) || inColumn.length <= top + 1) {
      kept.push(...inColumn);
      continue;
    }
    kept.push(...inColumn.slice(0, top));
    const rest = inColumn.slice(top);
    const otherId = `other:${c}`;
    for (const n of rest) rename.set(n.id, otherId);
    kept.push({
      id: otherId,
      label: `${translate('other', locale)} (${rest.length})`,
      column: c,
      kind: 'other',
      total: total(rest.map((n) => n.total)),
      colorKey: 'other',
    });
  }
  const links = graph.links.map((l) => ({
    ...l,
    id: `${rename.get(l.source) ?? l.source}>${rename.get(l.target) ?? l.target}`,
    source: rename.get(l.source) ?? l.source,
    target: rename.get(l.target) ?? l.target,
  }));
  return { nodes: kept, links: mergeParallelLinks(links) };
}
