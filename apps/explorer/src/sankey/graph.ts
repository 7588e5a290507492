import type { Amount } from '@fundtrace/schema/money';
import { total } from '../lib/money';

export type NodeKind = 'actor' | 'program' | 'other' | 'residual';

/** A node to draw: its total is exact (sum of its links or given by the API). */
export interface GraphNode {
  id: string;
  label: string;
  column: number;
  kind: NodeKind;
  total: Amount;
  /** Links take the colour of their source node's key. */
  colorKey: string;
  /** A fixed colour (residual kinds), instead of one from the key. */
  color?: string;
  /** Extra tooltip lines (in = out + unaccounted ...). */
  detail?: string[];
  flagged?: boolean;
}

export interface GraphLink {
  id: string;
  source: string;
  target: string;
  amount: Amount;
  /** Pooled shares and residuals are hatched; earmarked chains and plain flows are solid. */
  hatched: boolean;
  /** The flow records behind the link (one for a trace link, many for an overview total). */
  flowIds: string[];
}

export interface Graph {
  nodes: GraphNode[];
  links: GraphLink[];
}

/**
 * Longest-path column of every node from the graph's sources, so every link runs left to right.
 * The graph must be acyclic (the API's trace is); a cycle is reported, not looped on.
 */
export function longestPathColumns(
  ids: readonly string[],
  links: readonly { source: string; target: string }[],
): Map<string, number> {
  const out = new Map<string, string[]>(ids.map((id) => [id, []]));
  const indegree = new Map<string, number>(ids.map((id) => [id, 0]));
  for (const l of links) {
    out.get(l.source)?.push(l.target);
    indegree.set(l.target, (indegree.get(l.target) ?? 0) + 1);
  }
  const column = new Map<string, number>(ids.map((id) => [id, 0]));
  const queue = ids.filter((id) => indegree.get(id) === 0);
  let seen = 0;
  while (queue.length > 0) {
    const id = queue.shift() as string;
    seen++;
    for (const next of out.get(id) ?? []) {
      column.set(next, Math.max(column.get(next) ?? 0, (column.get(id) ?? 0) + 1));
      const d = (indegree.get(next) ?? 0) - 1;
      indegree.set(next, d);
      if (d === 0) queue.push(next);
    }
  }
  if (seen < ids.length) throw new Error('the graph has a cycle; only acyclic flows can be drawn');
  return column;
}

/** Sums the links between the same two nodes into one (exact, qualifiers carried). */
export function mergeParallelLinks(links: readonly GraphLink[]): GraphLink[] {
  const byPair = new Map<string, GraphLink[]>();
  for (const l of links) {
    const key = `${l.source}\u0000${l.target}`;
    const list = byPair.get(key);
    if (list) list.push(l);
    else byPair.set(key, [l]);
  }
  return [...byPair.values()].map((group) => {
    const [first] = group as [GraphLink, ...GraphLink[]];
    if (group.length === 1) return first;
    return {
      id: group.map((l) => l.id).join('+'),
      source: first.source,
      target: first.target,
      amount: total(
        group.map((l) => l.amount),
        first.amount.unit,
      ),
      hatched: group.some((l) => l.hatched),
      flowIds: group.flatMap((l) => l.flowIds),
    };
  });
}

/** Sum in and sum out of every node. */
export function nodeSums(graph: {
  nodes: readonly { id: string }[];
  links: readonly GraphLink[];
}): Map<string, { in: Amount[]; out: Amount[] }> {
  const sums = new Map(graph.nodes.map((n) => [n.id, { in: [] as Amount[], out: [] as Amount[] }]));
  for (const l of graph.links) {
    sums.get(l.source)?.out.push(l.amount);
    sums.get(l.target)?.in.push(l.amount);
  }
  return sums;
}
