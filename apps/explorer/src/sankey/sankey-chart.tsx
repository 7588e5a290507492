import {
  type FocusEvent,
  Fragment,
  type KeyboardEvent,
  type MouseEvent,
  memo,
  useMemo,
  useState,
} from 'react';
import type { Locale } from '../display-name';
import { colorScale, RESIDUAL_COLOR } from './colors';
import type { Graph, GraphLink, GraphNode } from './graph';
import { linkText, NodeLabel, nodeText } from './labels';
import { type LaidLink, type Layout, layoutGraph } from './layout';

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

const MIN_LABELLED_HEIGHT = 8;

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

type Tip = { text: string; x: number; y: number } | null;

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
  // In a crowded chart, labels of thin nodes would overprint each other: they keep their
  // accessible name and tooltip and stay in the table.
  const crowded = layout.nodes.length > 200;
  // Labels on both sides of the middle gap share it: each gets half, less a margin.
  const labelWidth = Math.max(
    60,
    (width - 14 * layout.columns) / Math.max(1, layout.columns - 1) / 2 - 10,
  );
  const columns = Array.from({ length: layout.columns }, (_, c) => c);
  const hatchColors = [
    ...new Set(layout.links.filter((l) => l.hatched).map((l) => color(l.sourceNode.colorKey))),
  ];
  const titleId = `sankey-title-${props.title.length}`;

  const markOf = (target: EventTarget | null) => {
    const el = (target as Element | null)?.closest?.('[data-node],[data-link]');
    if (!el) return null;
    const node = el.getAttribute('data-node');
    if (node !== null) {
      const n = layout.nodes[Number(node)];
      return n ? { el, node: n, text: () => nodeText(n, locale) } : null;
    }
    const l = layout.links[Number(el.getAttribute('data-link'))];
    return l ? { el, link: l, text: () => linkText(l, locale) } : null;
  };
  const open = (target: EventTarget | null) => {
    const m = markOf(target);
    if (m?.node) props.onNode?.(m.node);
    else if (m?.link) props.onLink?.(m.link);
  };
  const show = (e: MouseEvent | FocusEvent) => {
    const m = markOf(e.target);
    if (!m) return setTip(null);
    const box = e.currentTarget.getBoundingClientRect();
    const el = m.el.getBoundingClientRect();
    const x = 'clientX' in e ? e.clientX : el.left + el.width / 2;
    const y = 'clientY' in e ? e.clientY : el.top;
    setTip({ text: m.text(), x: x - box.left, y: y - box.top });
  };

  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={`${titleId} ${titleId}-desc`}
      className="sankey-svg"
      onClick={(e) => open(e.target)}
      onKeyDown={(e: KeyboardEvent) => {
        if (e.key === 'Enter' || e.key === ' ') {
          if (!markOf(e.target)) return;
          e.preventDefault();
          open(e.target);
        }
      }}
      onMouseMove={show}
      onMouseLeave={() => setTip(null)}
      onFocus={show}
      onBlur={() => setTip(null)}
    >
      <title id={titleId}>{props.title}</title>
      <desc id={`${titleId}-desc`}>{props.desc}</desc>
      <defs>
        {hatchColors.map((c, i) => (
          <pattern
            key={c}
            id={`hatch-${i}`}
            width="6"
            height="6"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width="6" height="6" fill={c} fillOpacity="0.25" />
            <line x1="0" y1="0" x2="0" y2="6" stroke={c} strokeWidth="3" />
          </pattern>
        ))}
        <pattern
          id="hatch-residual"
          width="6"
          height="6"
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          <rect width="6" height="6" fill="#d9d9d9" />
          <line x1="0" y1="0" x2="0" y2="6" stroke="#7a7a7a" strokeWidth="2" />
        </pattern>
      </defs>
      {columns.map((c) => (
        <g key={c} data-column={c}>
          {layout.nodes.map((n, i) =>
            n.column !== c ? null : (
              // One focusable <rect> per node (no wrapper): big graphs have thousands.
              // biome-ignore lint/a11y/useSemanticElements: an SVG shape cannot be a <button>
              <rect
                key={n.id}
                className={`node node-${n.kind}${props.selectedId === n.id ? ' selected' : ''}`}
                role="button"
                tabIndex={0}
                aria-label={nodeText(n, locale)}
                data-node={i}
                data-node-id={n.id}
                opacity={dim(n.id)}
                x={n.x0}
                y={n.y0}
                width={n.x1 - n.x0}
                height={Math.max(1, n.y1 - n.y0)}
                fill={n.kind === 'residual' ? 'url(#hatch-residual)' : color(n.colorKey)}
                stroke={n.kind === 'residual' ? '#555' : undefined}
              />
            ),
          )}
          {layout.links.map((l, i) => {
            if (l.sourceNode.column !== c) return null;
            const base = color(l.sourceNode.colorKey);
            // Hatching cannot be seen on a thin link and costs a pattern paint: from 3 px.
            const patterned = l.width >= 3;
            const residual = l.targetNode.kind === 'residual' || l.sourceNode.kind === 'residual';
            const stroke = residual
              ? patterned
                ? 'url(#hatch-residual)'
                : RESIDUAL_COLOR
              : l.hatched && patterned
                ? `url(#hatch-${hatchColors.indexOf(base)})`
                : base;
            const opacity = dim(`link:${l.id}`);
            const paths = (data?: number) => [
              <path
                key="visible"
                data-link={data}
                opacity={data === undefined ? undefined : opacity}
                d={l.path}
                stroke={stroke}
                className={l.hatched ? 'hatched' : undefined}
                strokeWidth={Math.max(1, l.width)}
              />,
              // Hidden, so never painted, but it takes the pointer: an 8 px target.
              <path
                key="hit"
                data-link={data}
                d={l.path}
                className="hit"
                strokeWidth={Math.max(8, l.width)}
              />,
            ];
            if (rich) {
              return (
                // biome-ignore lint/a11y/useSemanticElements: an SVG shape cannot be a <button>
                <g
                  key={l.id}
                  className="link"
                  role="button"
                  tabIndex={0}
                  aria-label={linkText(l, locale)}
                  data-link={i}
                  opacity={opacity}
                >
                  {paths()}
                </g>
              );
            }
            // Many links: not in the tab order (the table lists them), and no wrapper element.
            return <Fragment key={l.id}>{paths(i)}</Fragment>;
          })}
        </g>
      ))}
      {/* Labels last, so no link covers them; the focusable marks carry the same words. */}
      <g className="labels">
        {layout.nodes
          .filter((n) => !crowded || n.y1 - n.y0 >= MIN_LABELLED_HEIGHT || n.kind !== 'actor')
          .map((n) => (
            <NodeLabel
              key={n.id}
              node={n}
              width={width}
              locale={locale}
              opacity={dim(n.id)}
              maxWidth={labelWidth}
            />
          ))}
      </g>
    </svg>
  );
});

function countByColumn(nodes: readonly GraphNode[]): number[] {
  const counts: number[] = [];
  for (const n of nodes) counts[n.column] = (counts[n.column] ?? 0) + 1;
  return counts.map((c) => c ?? 0);
}
