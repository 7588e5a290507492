import { sankey, sankeyLinkHorizontal } from 'd3-sankey';
import type { Graph, GraphLink, GraphNode } from './graph';

export interface LaidNode extends GraphNode {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

export interface LaidLink extends GraphLink {
  /** The link's centre line, drawn with a stroke as wide as the link. */
  path: string;
  /** The ribbon's outline, at least 8 px tall: the pointer target, never an empty box. */
  area: string;
  width: number;
  sourceNode: LaidNode;
  targetNode: LaidNode;
}

export interface Layout {
  nodes: LaidNode[];
  links: LaidLink[];
  width: number;
  height: number;
  columns: number;
}

type DNode = GraphNode & { x0?: number; x1?: number; y0?: number; y1?: number };
type DLink = {
  source: DNode | string;
  target: DNode | string;
  value: number;
  width?: number;
  link: GraphLink;
};

const linkPath = sankeyLinkHorizontal<DNode, DLink>();

/**
 * Node and link geometry from d3-sankey. Widths are pixels: the amount's decimal is turned into a
 * number only here, to size shapes; every figure shown comes from the exact amounts.
 */
export function layoutGraph(graph: Graph, width: number, height: number): Layout {
  const columns = Math.max(1, ...graph.nodes.map((n) => n.column + 1));
  const nodes: DNode[] = graph.nodes.map((n) => ({ ...n }));
  const links: DLink[] = graph.links.map((l) => ({
    source: l.source,
    target: l.target,
    // A zero amount would vanish; keep the link drawable (1 px minimum is applied when drawn).
    value: Math.max(l.amount.value.toNumber(), 0),
    link: l,
  }));
  const tallest = Math.max(1, ...Object.values(countBy(nodes.map((n) => n.column))));
  // Room for a two-line label between nodes while there is space; tight for big graphs.
  const padding = Math.max(2, Math.min(30, (height * 0.5) / tallest));
  const generator = sankey<DNode, DLink>()
    .nodeId((n) => n.id)
    .nodeAlign((n) => (n as GraphNode).column)
    .nodeWidth(14)
    .nodePadding(padding)
    .nodeSort(null as unknown as undefined)
    // Relaxation costs most of the layout time; big graphs keep the amount order instead.
    .iterations(nodes.length > 1000 ? 0 : nodes.length > 400 ? 1 : 6)
    .extent([
      [1, 1],
      [width - 1, height - 1],
    ]);
  const result = generator({ nodes, links });
  const laidNodes = result.nodes as LaidNode[];
  const laidLinks = result.links.map(
    (l): LaidLink => ({
      ...l.link,
      path: linkPath(l) ?? '',
      area: ribbonArea(l),
      width: l.width ?? 0,
      sourceNode: l.source as LaidNode,
      targetNode: l.target as LaidNode,
    }),
  );
  return { nodes: laidNodes, links: laidLinks, width, height, columns };
}

/** The closed outline of a horizontal Sankey ribbon (the shape `linkPath` strokes). */
function ribbonArea(l: DLink & { y0?: number; y1?: number }): string {
  const source = l.source as DNode;
  const target = l.target as DNode;
  const x0 = source.x1 ?? 0;
  const x1 = target.x0 ?? 0;
  const y0 = l.y0 ?? 0;
  const y1 = l.y1 ?? 0;
  const half = Math.max(4, (l.width ?? 0) / 2);
  const xm = (x0 + x1) / 2;
  return (
    `M${x0},${y0 - half}C${xm},${y0 - half} ${xm},${y1 - half} ${x1},${y1 - half}` +
    `L${x1},${y1 + half}C${xm},${y1 + half} ${xm},${y0 + half} ${x0},${y0 + half}Z`
  );
}

function countBy(keys: readonly number[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const k of keys) counts[k] = (counts[k] ?? 0) + 1;
  return counts;
}
