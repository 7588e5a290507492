import { Decimal } from '@fundtrace/schema/money';

/** Traces count in integer base units of 1e-4 yuan, the scale of the database's numerics. */
const BASE = new Decimal(10_000);

/** Decimal text (numeric(24,4)) → integer base units of 1e-4. */
export function toUnits(text: string): bigint {
  const negative = text.startsWith('-');
  const [int = '0', frac = ''] = (negative ? text.slice(1) : text).split('.');
  const units = BigInt(int) * 10_000n + BigInt(frac.slice(0, 4).padEnd(4, '0'));
  return negative ? -units : units;
}

export const decimalOf = (units: bigint) => new Decimal(units.toString()).div(BASE);

/** For sorting largest first. */
export const desc = (a: bigint, b: bigint) => (b > a ? 1 : b < a ? -1 : 0);

/**
 * The first `k` items of a stable sort by amount, largest first (equal amounts keep their
 * order), without sorting them all: a national trace lists 100 of a quarter of a million.
 */
export function largest<T>(items: Iterable<T>, k: number, amountOf: (item: T) => bigint): T[] {
  const top: T[] = [];
  if (k <= 0) return top;
  const amounts: bigint[] = [];
  for (const item of items) {
    const a = amountOf(item);
    if (top.length >= k && a <= (amounts[top.length - 1] as bigint)) continue;
    let [lo, hi] = [0, top.length];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((amounts[mid] as bigint) >= a) lo = mid + 1;
      else hi = mid;
    }
    top.splice(lo, 0, item);
    amounts.splice(lo, 0, a);
    if (top.length > k) {
      top.pop();
      amounts.pop();
    }
  }
  return top;
}
