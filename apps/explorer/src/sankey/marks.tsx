import type { FocusEvent, KeyboardEvent, MouseEvent } from 'react';
import type { Locale } from '../display-name';
import { RESIDUAL_COLOR } from './colors';
import type { GraphLink, GraphNode } from './graph';
import { linkText, NodeLabel, nodeText } from './labels';
import type { LaidLink, LaidNode, Layout } from './layout';

/** A tooltip's text and where it points, or null when hidden. */
export type Tip = { text: string; x: number; y: number } | null;

const residualFill = (n: GraphNode) => n.color ?? RESIDUAL_COLOR;

/** Node fills and link strokes: colours, and hatches for residual kinds and possible overlaps. */
export function paints(layout: Layout, color: (key: string) => string) {
  const hatchColors = [
    ...new Set(layout.links.filter((l) => l.hatched).map((l) => color(l.sourceNode.colorKey))),
  ];
  // Residual kinds have their own colours: one hatch pattern each.
  const residualColors = [
    ...new Set(layout.nodes.filter((n) => n.kind === 'residual').map((n) => residualFill(n))),
  ];
  const residualHatch = (n: GraphNode) =>
    `url(#hatch-res-${residualColors.indexOf(residualFill(n))})`;
  const nodeFill = (n: GraphNode) =>
    n.kind === 'residual' ? residualHatch(n) : (n.color ?? color(n.colorKey));
  const linkStroke = (l: LaidLink) => {
    const base = color(l.sourceNode.colorKey);
    // Hatching cannot be seen on a thin link and costs a pattern paint: from 3 px.
    const patterned = l.width >= 3;
    const residual = [l.targetNode, l.sourceNode].find((n) => n.kind === 'residual');
    if (residual) return patterned ? residualHatch(residual) : residualFill(residual);
    return l.hatched && patterned ? `url(#hatch-${hatchColors.indexOf(base)})` : base;
  };
  return { hatchColors, residualColors, nodeFill, linkStroke };
}

/** One node: a focusable <rect> (no wrapper: big graphs have thousands). */
export function NodeMark(props: {
  node: LaidNode;
  index: number;
  selected: boolean;
  fill: string;
  opacity: number | undefined;
  locale: Locale;
}) {
  const { node: n, locale } = props;
  return (
    // biome-ignore lint/a11y/useSemanticElements: an SVG shape cannot be a <button>
    <rect
      className={`node node-${n.kind}${props.selected ? ' selected' : ''}`}
      role="button"
      tabIndex={0}
      aria-label={nodeText(n, locale)}
      data-node={props.index}
      data-node-id={n.id}
      opacity={props.opacity}
      x={n.x0}
      y={n.y0}
      width={n.x1 - n.x0}
      height={Math.max(1, n.y1 - n.y0)}
      fill={props.fill}
      stroke={n.kind === 'residual' ? '#555' : undefined}
    />
  );
}

/** The hatch patterns: one per colour of links that may overlap, one per residual kind. */
export function HatchDefs(props: {
  hatchColors: readonly string[];
  residualColors: readonly string[];
}) {
  return (
    <defs>
      {props.hatchColors.map((c, i) => (
        <Hatch key={c} id={`hatch-${i}`} color={c} fillOpacity="0.25" strokeWidth="3" />
      ))}
      {props.residualColors.map((c, i) => (
        <Hatch key={c} id={`hatch-res-${i}`} color={c} fillOpacity="0.35" strokeWidth="2" />
      ))}
    </defs>
  );
}

/** Diagonal stripes of one colour over a pale fill of it. */
function Hatch(props: { id: string; color: string; fillOpacity: string; strokeWidth: string }) {
  const { id, color, fillOpacity, strokeWidth } = props;
  return (
    <pattern
      id={id}
      width="6"
      height="6"
      patternUnits="userSpaceOnUse"
      patternTransform="rotate(45)"
    >
      <rect width="6" height="6" fill={color} fillOpacity={fillOpacity} />
      <line x1="0" y1="0" x2="0" y2="6" stroke={color} strokeWidth={strokeWidth} />
    </pattern>
  );
}

/** One link: its visible stroke and its pointer target; focusable while the chart is small. */
export function LinkMark(props: {
  link: LaidLink;
  index: number;
  rich: boolean;
  stroke: string;
  opacity: number | undefined;
  locale: Locale;
}) {
  const { link: l, index: i, rich, stroke, opacity, locale } = props;
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
    // Hidden, so never painted, but it takes the pointer: the ribbon, at least 8 px.
    <path key="hit" data-link={data} d={l.area} className="hit" />,
  ];
  if (rich) {
    return (
      // biome-ignore lint/a11y/useSemanticElements: an SVG shape cannot be a <button>
      <g
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
  return <>{paths(i)}</>;
}

/**
 * Events delegated to the <svg>: marks carry data-node/data-link indices, so thousands of marks
 * need no handlers of their own.
 */
export function markEvents(
  layout: Layout,
  locale: Locale,
  props: { onNode?: (node: GraphNode) => void; onLink?: (link: GraphLink) => void },
  setTip: (tip: Tip) => void,
) {
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
  const key = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      if (!markOf(e.target)) return;
      e.preventDefault();
      open(e.target);
    }
  };
  return { open, key, show };
}

const MIN_LABELLED_HEIGHT = 8;

/** Every node's label; in a crowded chart thin nodes keep only their name and tooltip. */
export function NodeLabels(props: {
  layout: Layout;
  locale: Locale;
  dim: (key: string) => number | undefined;
}) {
  const { layout, locale, dim } = props;
  // Labels of thin nodes would overprint each other: they stay in the table.
  const crowded = layout.nodes.length > 200;
  // Labels on both sides of the middle gap share it: each gets half, less a margin.
  const labelWidth = Math.max(
    60,
    (layout.width - 14 * layout.columns) / Math.max(1, layout.columns - 1) / 2 - 10,
  );
  return (
    <g className="labels">
      {layout.nodes
        .filter((n) => !crowded || n.y1 - n.y0 >= MIN_LABELLED_HEIGHT || n.kind !== 'actor')
        .map((n) => (
          <NodeLabel
            key={n.id}
            node={n}
            width={layout.width}
            locale={locale}
            opacity={dim(n.id)}
            maxWidth={labelWidth}
          />
        ))}
    </g>
  );
}
