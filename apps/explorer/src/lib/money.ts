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
import { translate } from './i18n';

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

/**
 * A total with a range (overlaps recorded among its flows) as "¥95.0亿–163.8亿" or
 * "CNY 9.50–16.38 bn"; null when it has no range.
 */
export function compactRange(m: MoneyFields, locale: Locale): string | null {
  const low = dec(m.low);
  const high = dec(m.high);
  if (!low || !high || low.eq(high) || m.unit !== 'CNY') return null;
  if (locale === 'EN') {
    const bn = (d: Decimal) => d.div(1e9).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
    return `CNY ${bn(low)}–${bn(high)} bn`;
  }
  const yi = (d: Decimal) => d.div(1e8).toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toFixed(1);
  return `¥${yi(low)}亿–${yi(high)}亿`;
}

/** The exact ends of a range and the plain sum of its records, for a tooltip; null if no range. */
export function fullRange(m: MoneyFields, locale: Locale): string | null {
  if (!compactRange(m, locale) || !m.low || !m.high) return null;
  const at = (value: string) => full({ ...m, value, low: null, high: null }, locale);
  return translate('rangeExact', locale, {
    low: at(m.low),
    high: at(m.high),
    sum: full(m, locale),
  });
}

export { Decimal };
