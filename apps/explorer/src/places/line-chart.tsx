import { Decimal } from '../lib/money';

export interface Point {
  year: number;
  value: string;
  label: string;
}

/**
 * A small line chart by hand in SVG: few points, exact labels on each point. Values become
 * numbers only to place the marks.
 */
export function LineChart({
  title,
  points,
  unitLabel,
}: {
  title: string;
  points: readonly Point[];
  unitLabel: string;
}) {
  const sorted = [...points].sort((a, b) => a.year - b.year);
  if (sorted.length === 0) return null;
  const w = 480;
  const h = 200;
  const pad = { l: 16, r: 16, t: 24, b: 28 };
  const years = sorted.map((p) => p.year);
  const minY = Math.min(...years);
  const maxY = Math.max(...years);
  const values = sorted.map((p) => new Decimal(p.value).toNumber());
  const maxV = Math.max(...values, 0) || 1;
  const x = (year: number) =>
    pad.l +
    (maxY === minY
      ? (w - pad.l - pad.r) / 2
      : ((year - minY) / (maxY - minY)) * (w - pad.l - pad.r));
  const y = (v: number) => pad.t + (1 - v / maxV) * (h - pad.t - pad.b);
  const anchor = (i: number) =>
    sorted.length === 1 ? 'middle' : i === 0 ? 'start' : i === sorted.length - 1 ? 'end' : 'middle';
  const path = sorted
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.year)},${y(values[i] ?? 0)}`)
    .join(' ');
  return (
    <svg
      viewBox={`0 0 ${w} ${h}`}
      role="img"
      aria-label={`${title} (${unitLabel})`}
      className="line-chart"
    >
      <title>{title}</title>
      <desc>{sorted.map((p) => `${p.year}: ${p.label}`).join('; ')}</desc>
      <line x1={pad.l} x2={w - pad.r} y1={h - pad.b} y2={h - pad.b} stroke="#999" />
      <path d={path} fill="none" stroke="#1f5fa8" strokeWidth="2" />
      {sorted.map((p, i) => (
        <g key={`${p.year}-${p.value}`}>
          <circle cx={x(p.year)} cy={y(values[i] ?? 0)} r="4" fill="#1f5fa8" />
          {/* Edge labels grow inwards, so none is clipped by the frame. */}
          <text x={x(p.year)} y={y(values[i] ?? 0) - 8} textAnchor={anchor(i)}>
            {p.label}
          </text>
          <text x={x(p.year)} y={h - 10} textAnchor="middle">
            {p.year}
          </text>
        </g>
      ))}
    </svg>
  );
}
