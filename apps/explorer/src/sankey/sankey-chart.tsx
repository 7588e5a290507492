import { memo, useMemo, useState } from 'react';
import type { Locale } from '../display-name';
import { colorScale } from './colors';
import type { Graph, GraphLink, GraphNode } from './graph';
import { type LaidLink, type Layout, layoutGraph } from './layout';
import { HatchDefs, LinkMark, markEvents, NodeLabels, NodeMark, paints, type Tip } from './marks';

export interface SankeyProps {
  graph: Graph;
  title: string;
  desc: string;
  locale: Locale;
  width?: number;
  selectedId?: string | null;
  onNode?: (node: GraphNode) => void;
  onLink?: (link: GraphLink) => void;
}

/** Links and nodes connected to `id`, upstream and downstream. */
function pathOf(id: string, links: readonly LaidLink[]): Set<string> {
  const on = new Set<string>([id]);
  for (const forward of [true, false]) {
    const stack = [id];
    const seen = new Set(stack);
    while (stack.length > 0) {
      const at = stack.pop() as string;
      for (const l of links) {
        const [from, to] = forward ? [l.source, l.target] : [l.target, l.source];
        if (from !== at) continue;
        on.add(`link:${l.id}`);
        on.add(to);
        if (!seen.has(to)) {
          seen.add(to);
          stack.push(to);
        }
      }
    }
  }
  return on;
}

/** Up to this many links, each link is focusable with its own name; beyond, the table serves. */
const RICH_LINKS = 400;

/**
 * A Sankey drawn as SVG. Tab order: each column's nodes, then the links leaving that column.
 * Events are delegated to the <svg> (marks carry data-node/data-link indices), and the marks are
 * memoised apart from the tooltip, so hovering never re-renders thousands of elements.
 */
export function SankeyChart(props: SankeyProps) {
  const { graph } = props;
  const width = props.width ?? 960;
  const tallest = Math.max(1, ...countByColumn(graph.nodes));
  const height = Math.max(360, Math.min(6000, tallest * 60));
  const layout = useMemo(() => layoutGraph(graph, width, height), [graph, width, height]);
  const [tip, setTip] = useState<Tip>(null);
  return (
    <div className="sankey" style={{ position: 'relative' }}>
      <Marks
        layout={layout}
        title={props.title}
        desc={props.desc}
        locale={props.locale}
        selectedId={props.selectedId ?? null}
        onNode={props.onNode}
        onLink={props.onLink}
        setTip={setTip}
      />
      {tip ? (
        <div className="tooltip" role="tooltip" style={{ left: tip.x + 12, top: tip.y + 12 }}>
          {tip.text}
        </div>
      ) : null}
    </div>
  );
}

const Marks = memo(function Marks(props: {
  layout: Layout;
  title: string;
  desc: string;
  locale: Locale;
  selectedId: string | null;
  onNode?: (node: GraphNode) => void;
  onLink?: (link: GraphLink) => void;
  setTip: (tip: Tip) => void;
}) {
  const { layout, locale, setTip } = props;
  const { width, height } = layout;
  const color = useMemo(() => colorScale(layout.nodes.map((n) => n.colorKey)), [layout]);
  const highlight = useMemo(
    () => (props.selectedId ? pathOf(props.selectedId, layout.links) : null),
    [props.selectedId, layout.links],
  );
  // undefined, not 1, when nothing is dimmed: no attribute to write on thousands of marks.
  const dim = (key: string) => (highlight && !highlight.has(key) ? 0.15 : undefined);
  const rich = layout.links.length <= RICH_LINKS;
  const columns = Array.from({ length: layout.columns }, (_, c) => c);
  const titleId = `sankey-title-${props.title.length}`;
  const paint = paints(layout, color);

  const { open, key, show } = markEvents(layout, locale, props, setTip);

  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={`${titleId} ${titleId}-desc`}
      className="sankey-svg"
      onClick={(e) => open(e.target)}
      onKeyDown={key}
      onMouseMove={show}
      onMouseLeave={() => setTip(null)}
      onFocus={show}
      onBlur={() => setTip(null)}
    >
      <title id={titleId}>{props.title}</title>
      <desc id={`${titleId}-desc`}>{props.desc}</desc>
      <HatchDefs hatchColors={paint.hatchColors} residualColors={paint.residualColors} />
      {columns.map((c) => (
        <g key={c} data-column={c}>
          {layout.nodes.map((n, i) =>
            n.column !== c ? null : (
              <NodeMark
                key={n.id}
                node={n}
                index={i}
                selected={props.selectedId === n.id}
                fill={paint.nodeFill(n)}
                opacity={dim(n.id)}
                locale={locale}
              />
            ),
          )}
          {layout.links.map((l, i) => {
            if (l.sourceNode.column !== c) return null;
            return (
              <LinkMark
                key={l.id}
                link={l}
                index={i}
                rich={rich}
                stroke={paint.linkStroke(l)}
                opacity={dim(`link:${l.id}`)}
                locale={locale}
              />
            );
          })}
        </g>
      ))}
      {/* Labels last, so no link covers them; the focusable marks carry the same words. */}
      <NodeLabels layout={layout} locale={locale} dim={dim} />
    </svg>
  );
});

function countByColumn(nodes: readonly GraphNode[]): number[] {
  const counts: number[] = [];
  for (const n of nodes) counts[n.column] = (counts[n.column] ?? 0) + 1;
  return counts.map((c) => c ?? 0);
}
