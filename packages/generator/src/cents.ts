/**
 * Integer money arithmetic for the synthetic data set: amounts are BigInt cents from start to
 * end; a PRNG float only ever picks a percentage or a weight.
 */
import { at, type Rng } from './rng.js';

/** Yearly totals in yuan, keyed by year, where the seed states them. */
export type Anchors = Readonly<Record<number, bigint>>;

/** Growth a year, in basis points, away from a stated year. */
const GROWTH_BP = 11_500n;

/** Splits `total` by positive integer weights; the parts add up to exactly `total`. */
export function splitCents(total: bigint, weights: readonly number[]): bigint[] {
  let sum = 0n;
  for (const w of weights) sum += BigInt(w);
  if (sum === 0n) return weights.map(() => 0n);
  const parts = weights.map((w) => (total * BigInt(w)) / sum);
  let rest = total;
  for (const p of parts) rest -= p;
  // Each floor loses less than one cent, so rest < parts.length.
  for (let i = 0; rest > 0n; i++, rest--) parts[i] = at(parts, i) + 1n;
  return parts;
}

/** The same for counts (small enough for exact Number arithmetic). */
export function apportion(total: number, weights: readonly number[]): number[] {
  return splitCents(BigInt(total), weights).map(Number);
}

/** What a node passes on: 85–98% of what it received, in whole cents. */
export function passOn(received: bigint, rng: Rng): bigint {
  return (received * BigInt(rng.int(8500, 9800))) / 10_000n;
}

export function formatCents(cents: bigint): string {
  const abs = cents < 0n ? -cents : cents;
  const sign = cents < 0n ? '-' : '';
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

/** A year's total in cents: the stated figure, or one grown from the nearest stated years. */
export function yearTotalCents(anchors: Anchors, year: number, rng: Rng): bigint {
  const stated = anchors[year];
  if (stated !== undefined) return stated * 100n;
  const years = Object.keys(anchors)
    .map(Number)
    .sort((a, b) => a - b);
  const before = years.filter((y) => y < year).pop();
  const after = years.find((y) => y > year);
  let yuan: bigint;
  if (before !== undefined && after !== undefined) {
    const a = anchors[before] ?? 0n;
    const b = anchors[after] ?? 0n;
    yuan = a + ((b - a) * BigInt(year - before)) / BigInt(after - before);
  } else {
    const from = before ?? after;
    if (from === undefined) throw new Error('synthetic: a program without a stated total');
    yuan = anchors[from] ?? 0n;
    for (let i = 0; i < Math.abs(year - from); i++) {
      yuan = year > from ? (yuan * GROWTH_BP) / 10_000n : (yuan * 10_000n) / GROWTH_BP;
    }
  }
  yuan = (yuan * BigInt(rng.int(9500, 10_500))) / 10_000n;
  return (yuan / 10_000n) * 10_000n * 100n;
}
