import type { Locale } from '../display-name';
import { compact, full, percentOf } from '../lib/money';
import type { GraphNode } from './graph';
import type { LaidLink, LaidNode } from './layout';

/** Tooltip and accessible name of a link: "A → B, amount, % of A" (full figure). */
export function linkText(l: LaidLink, locale: Locale): string {
  const pct = percentOf(l.amount, l.sourceNode.total);
  const of = pct
    ? locale === 'EN'
      ? `, ${pct} of ${l.sourceNode.label}`
      : `，占${l.sourceNode.label}的${pct}`
    : '';
  return `${l.sourceNode.label} → ${l.targetNode.label}${locale === 'EN' ? ', ' : '，'}${full(l.amount, locale)}${of}`;
}

/** Tooltip and accessible name of a node: name, full total, then detail lines. */
export function nodeText(n: GraphNode, locale: Locale): string {
  return [
    `${n.label}${locale === 'EN' ? ': ' : '：'}${full(n.total, locale)}`,
    ...(n.detail ?? []),
  ].join(locale === 'EN' ? '; ' : '；');
}

/** Rough rendered width at 12 px: CJK and full-width characters are square, the rest narrower. */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u2e80-\uffef]/.test(ch) ? 12 : 6.6;
  return w;
}

/** Shortens a label to fit `max` pixels, with an ellipsis; the full name is in the tooltip. */
export function fitLabel(label: string, max: number): string {
  if (textWidth(label) <= max) return label;
  const chars = Array.from(label);
  while (chars.length > 1 && textWidth(`${chars.join('')}…`) > max) chars.pop();
  return `${chars.join('')}…`;
}

export function NodeLabel({
  node: n,
  width,
  locale,
  opacity,
  maxWidth,
}: {
  node: LaidNode;
  width: number;
  locale: Locale;
  opacity: number | undefined;
  maxWidth: number;
}) {
  const left = n.x0 < width / 2;
  const x = left ? n.x1 + 6 : n.x0 - 6;
  const y = (n.y0 + n.y1) / 2;
  const label = fitLabel(
    `${n.flagged ? '⚠ ' : ''}${n.label}${n.kind === 'residual' ? '*' : ''}`,
    maxWidth,
  );
  const anchor = left ? 'start' : 'end';
  return (
    <g opacity={opacity} className={`label-${n.kind}`}>
      <text x={x} y={y} dy="-0.2em" textAnchor={anchor} className="node-label">
        {label}
      </text>
      <text x={x} y={y} dy="1em" textAnchor={anchor} className="node-total">
        {compact(n.total, locale)}
      </text>
    </g>
  );
}
