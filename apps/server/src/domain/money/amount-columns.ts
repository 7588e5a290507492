import { type Amount, amountFromRow, amountToStrings } from '@fundtrace/schema/money';

/**
 * Amounts as the database stores them: `amount` (or `value`), `qualifier`, `low`, `high`,
 * `unit`. Bounds the qualifier implies are not stored: an at-least amount is its own low, an
 * at-most amount its own high, and only an approximate amount keeps the bounds it was given.
 */

interface Bounded<T> {
  value: T;
  qualifier: string;
  low?: T | null | undefined;
  high?: T | null | undefined;
}

/** The low and high columns to store for an amount whose bounds passed `boundsIssues`. */
export function storedBounds<T>(a: Bounded<T>): { low: T | null; high: T | null } {
  const approximate = a.qualifier === 'APPROXIMATE';
  return { low: approximate ? (a.low ?? null) : null, high: approximate ? (a.high ?? null) : null };
}

/** The bounds readers see (the API's Money, exports): the stored ones plus those implied. */
export function shownBounds<T>(a: Bounded<T>): { low: T | null; high: T | null } {
  return {
    // a sum with overlaps can be at least less than its value: its low is kept when it has one
    low: a.qualifier === 'AT_LEAST' ? (a.low ?? a.value) : (a.low ?? null),
    high: a.qualifier === 'AT_MOST' ? a.value : (a.high ?? null),
  };
}

/** The stored columns of a flow's amount (`amount`) or an observation's (`value`). */
export interface AmountColumns {
  amount: string;
  qualifier: string;
  low: string | null;
  high: string | null;
  unit: string;
}

export function amountFromColumns(row: AmountColumns): Amount {
  return amountFromRow({ ...row, value: row.amount });
}

/** An amount as the strings its columns store. */
export function amountToColumns(amount: Amount) {
  const { value, qualifier, low, high } = amountToStrings(amount);
  return { value, qualifier, ...storedBounds({ value, qualifier, low, high }) };
}
