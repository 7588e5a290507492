import { type FocusEvent, type KeyboardEvent, type MouseEvent, useMemo, useState } from 'react';
import type { Locale } from '../display-name';
import { compact, full, percentOf } from '../lib/money';
import { colorScale } from './colors';
import type { Graph, GraphLink, GraphNode } from './graph';
import { type LaidLink, type LaidNode, layoutGraph } from './layout';

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

export function linkText(l: LaidLink, locale: Locale): string {
  const pct = percentOf(l.amount, l.sourceNode.total);
  const of = pct ? (locale === 'EN' ? `, ${pct} of ${l.sourceNode.label}` : `，占${l.sourceNode.label}的${pct}`) : '';
  return `${l.sourceNode.label} → ${l.targetNode.label}${locale === 'EN' ? ', ' : '，'}${full(l.amount, locale)}${of}`;
}

export function nodeText(n: GraphNode, locale: Locale): string {
  return [`${n.label}${locale === 'EN' ? ': ' : '：'}${full(n.total, locale)}`, ...(n.detail ?? [])].join(
    locale === 'EN' ? '; ' : '；',
  );
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

const activate = (fn: () => void) => (e: KeyboardEvent) => {
  if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    fn();
  }
};

/** A Sankey drawn as SVG. Tab order: each column's nodes, then the links leaving that column. */
export function SankeyChart(props: SankeyProps) {
  const { graph, locale } = props;
  const width = props.width ?? 960;
  const tallest = Math.max(1, ...countByColumn(graph.nodes));
  const height = Math.max(320, Math.min(4000, tallest * 34));
  const layout = useMemo(() => layoutGraph(graph, width, height), [graph, width, height]);
  const color = useMemo(() => colorScale(graph.nodes.map((n) => n.colorKey)), [graph]);
  const [tip, setTip] = useState<{ text: string; x: number; y: number } | null>(null);
  const highlight = useMemo(
    () => (props.selectedId ? pathOf(props.selectedId, layout.links) : null),
    [props.selectedId, layout.links],
  );
  const dim = (key: string) => (highlight && !highlight.has(key) ? 0.15 : 1);

  const show = (text: string) => (e: MouseEvent | FocusEvent) => {
    const box = (e.currentTarget as Element).closest('svg')?.getBoundingClientRect();
    const el = (e.currentTarget as Element).getBoundingClientRect();
    const x = 'clientX' in e ? e.clientX : el.left + el.width / 2;
    const y = 'clientY' in e ? e.clientY : el.top;
    setTip({ text, x: x - (box?.left ?? 0), y: y - (box?.top ?? 0) });
  };
  const hide = () => setTip(null);

  const columns = Array.from({ length: layout.columns }, (_, c) => c);
  const hatchColors = [...new Set(layout.links.filter((l) => l.hatched).map((l) => color(l.sourceNode.colorKey)))];
  const titleId = `sankey-title-${props.title.length}`;

  return (
    <div className="sankey" style={{ position: 'relative' }}>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${titleId} ${titleId}-desc`}
        className="sankey-svg"
      >
        <title id={titleId}>{props.title}</title>
        <desc id={`${titleId}-desc`}>{props.desc}</desc>
        <defs>
          {hatchColors.map((c, i) => (
            <pattern key={c} id={`hatch-${i}`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="6" height="6" fill={c} fillOpacity="0.25" />
              <line x1="0" y1="0" x2="0" y2="6" stroke={c} strokeWidth="3" />
            </pattern>
          ))}
          <pattern id="hatch-residual" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="#d9d9d9" />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#7a7a7a" strokeWidth="2" />
          </pattern>
        </defs>
        {columns.map((c) => (
          <g key={c} data-column={c}>
            {layout.nodes
              .filter((n) => n.column === c)
              .map((n) => (
                <NodeMark
                  key={n.id}
                  node={n}
                  width={width}
                  fill={n.kind === 'residual' ? 'url(#hatch-residual)' : color(n.colorKey)}
                  opacity={dim(n.id)}
                  selected={props.selectedId === n.id}
                  locale={locale}
                  onActivate={() => props.onNode?.(n)}
                  onShow={show(nodeText(n, locale))}
                  onHide={hide}
                />
              ))}
            {layout.links
              .filter((l) => l.sourceNode.column === c)
              .map((l) => {
                const base = color(l.sourceNode.colorKey);
                const hatch = hatchColors.indexOf(base);
                const stroke = l.targetNode.kind === 'residual' ? 'url(#hatch-residual)' : l.hatched ? `url(#hatch-${hatch})` : base;
                const text = linkText(l, locale);
                return (
                  // biome-ignore lint/a11y/useSemanticElements: an SVG shape cannot be a <button>
                  <g
                    key={l.id}
                    className="link"
                    role="button"
                    tabIndex={0}
                    aria-label={text}
                    opacity={dim(`link:${l.id}`)}
                    onClick={() => props.onLink?.(l)}
                    onKeyDown={activate(() => props.onLink?.(l))}
                    onMouseMove={show(text)}
                    onMouseLeave={hide}
                    onFocus={show(text)}
                    onBlur={hide}
                  >
                    <path d={l.path} fill="none" stroke={stroke} strokeOpacity={l.hatched ? 0.9 : 0.45} strokeWidth={Math.max(1, l.width)} />
                    <path d={l.path} fill="none" stroke="transparent" strokeWidth={Math.max(8, l.width)} className="hit" />
                  </g>
                );
              })}
          </g>
        ))}
      </svg>
      {tip ? (
        <div className="tooltip" role="tooltip" style={{ left: tip.x + 12, top: tip.y + 12 }}>
          {tip.text}
        </div>
      ) : null}
    </div>
  );
}

function countByColumn(nodes: readonly GraphNode[]): number[] {
  const counts: number[] = [];
  for (const n of nodes) counts[n.column] = (counts[n.column] ?? 0) + 1;
  return counts.map((c) => c ?? 0);
}

function NodeMark(props: {
  node: LaidNode;
  width: number;
  fill: string;
  opacity: number;
  selected: boolean;
  locale: Locale;
  onActivate: () => void;
  onShow: (e: MouseEvent | FocusEvent) => void;
  onHide: () => void;
}) {
  const { node: n, locale } = props;
  const left = n.x0 < props.width / 2;
  const x = left ? n.x1 + 6 : n.x0 - 6;
  const y = (n.y0 + n.y1) / 2;
  const label = `${n.flagged ? '⚠ ' : ''}${n.label}${n.kind === 'residual' ? '*' : ''}`;
  return (
    // biome-ignore lint/a11y/useSemanticElements: an SVG shape cannot be a <button>
    <g
      className={`node node-${n.kind}${props.selected ? ' selected' : ''}`}
      role="button"
      tabIndex={0}
      aria-label={nodeText(n, locale)}
      data-node-id={n.id}
      opacity={props.opacity}
      onClick={props.onActivate}
      onKeyDown={activate(props.onActivate)}
      onMouseMove={props.onShow}
      onMouseLeave={props.onHide}
      onFocus={props.onShow}
      onBlur={props.onHide}
    >
      <rect x={n.x0} y={n.y0} width={n.x1 - n.x0} height={Math.max(1, n.y1 - n.y0)} fill={props.fill} stroke={n.kind === 'residual' ? '#555' : 'none'} />
      <text x={x} y={y} dy="-0.2em" textAnchor={left ? 'start' : 'end'} className="node-label">
        {label}
      </text>
      <text x={x} y={y} dy="1em" textAnchor={left ? 'start' : 'end'} className="node-total">
        {compact(n.total, locale)}
      </text>
    </g>
  );
}
