/**
 * Amounts from the API as exact decimals, formatted with the shared helpers. Money never goes
 * through a JS number: the API sends decimal strings and they stay decimal.js values here.
 */
import {
  type Amount,
  type AmountQualifier,
  Decimal,
  formatAmount,
  formatCompact,
  sumAmounts,
} from '@fundtrace/schema/money';
import type { Locale } from '../display-name';

/** The Money fields the explorer asks for (see the MoneyParts fragment). */
export interface MoneyFields {
  value: string;
  low?: string | null;
  high?: string | null;
  qualifier: AmountQualifier;
  unit: string;
}

const dec = (s: string | null | undefined): Decimal | null =>
  s === null || s === undefined ? null : new Decimal(s);

export function toAmount(m: MoneyFields): Amount {
  return {
    value: new Decimal(m.value),
    qualifier: m.qualifier,
    low: dec(m.low),
    high: dec(m.high),
    unit: m.unit,
  };
}

export const zero = (unit = 'CNY'): Amount => ({
  value: new Decimal(0),
  qualifier: 'EXACT',
  low: null,
  high: null,
  unit,
});

/** Full, exact figure with currency: tables, tooltips, headers. */
export const full = (m: MoneyFields | Amount, locale: Locale): string =>
  formatAmount(isAmount(m) ? m : toAmount(m), locale);

/** Chart labels only: 48.8亿元, CNY 4.88 bn. */
export const compact = (m: MoneyFields | Amount, locale: Locale): string =>
  formatCompact(isAmount(m) ? m : toAmount(m), locale);

export function isAmount(m: MoneyFields | Amount): m is Amount {
  return typeof m.value !== 'string';
}

export const total = (amounts: readonly Amount[], unit = 'CNY'): Amount =>
  sumAmounts(amounts, unit);

export const isZero = (m: MoneyFields | Amount): boolean =>
  (isAmount(m) ? m.value : new Decimal(m.value)).isZero();

/** part ÷ whole as a percentage with one decimal ("12.3%"), or null when whole is zero. */
export function percentOf(part: Amount, whole: Amount): string | null {
  if (whole.value.isZero()) return null;
  return `${part.value.div(whole.value).times(100).toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toFixed(1)}%`;
}

export { Decimal };
