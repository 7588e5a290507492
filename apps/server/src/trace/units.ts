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
