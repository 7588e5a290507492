/** Tableau 10: distinct, readable on white. Residuals are grey and hatched, never only coloured. */
const PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#5f8fbf',
];
export const RESIDUAL_COLOR = '#8c8c8c';
export const OTHER_COLOR = '#bab0ac';

export function colorScale(keys: readonly string[]): (key: string) => string {
  const index = new Map<string, number>();
  for (const k of keys) if (!index.has(k)) index.set(k, index.size);
  return (key) => {
    if (key === 'residual') return RESIDUAL_COLOR;
    if (key === 'other') return OTHER_COLOR;
    return PALETTE[(index.get(key) ?? 0) % PALETTE.length] as string;
  };
}
