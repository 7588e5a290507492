import { type Amount, type AmountQualifier, formatCompact } from '@fundtrace/schema/money';
import type { Locale } from '../display-name';
import { perUnit } from './labels';
import { Decimal, full, type MoneyFields, toAmount } from './money';

const MARK: Record<AmountQualifier, [string, string]> = {
  EXACT: ['', ''],
  APPROXIMATE: ['≈', '≈ '],
  AT_LEAST: ['≥', '≥ '],
  AT_MOST: ['≤', '≤ '],
};

/** A count of something (50000 people) as an amount in its unit, for formatting. */
export const quantity = (value: string, unit: string): Amount => ({
  value: new Decimal(value),
  qualifier: 'EXACT',
  low: null,
  high: null,
  unit,
});

/**
 * "≈6.6万元/户 = 33亿元 ÷ 5万户": the unit cost, then how it was computed, so the attribution is
 * never hidden. Bounds follow in brackets when the API gives them.
 */
export function unitCostFormula(
  o: { unitCost?: MoneyFields | null; money: MoneyFields; attributedValue: string; unit: string },
  locale: Locale,
): string | null {
  if (!o.unitCost) return null;
  const cost = toAmount(o.unitCost);
  const bare: Amount = { ...cost, qualifier: 'EXACT', low: null, high: null };
  const mark = MARK[cost.qualifier][locale === 'EN' ? 1 : 0];
  // A rounded cost reads better at chart precision (≈514.82万元); an exact one is shown whole.
  const shown = cost.qualifier === 'EXACT' ? full(bare, locale) : formatCompact(bare, locale);
  const per = perUnit(o.unit, locale);
  const count = full(quantity(o.attributedValue, o.unit), locale);
  const head = locale === 'EN' ? `${mark}${shown} per ${per}` : `${mark}${shown}/${per}`;
  const bounds =
    cost.low || cost.high
      ? ` (${cost.low ? full({ ...bare, value: cost.low }, locale) : '…'} – ${cost.high ? full({ ...bare, value: cost.high }, locale) : '…'})`
      : '';
  return `${head} = ${full(o.money, locale)} ÷ ${count}${bounds}`;
}

/** Units the shared formatter does not know: [ZH suffix, EN suffix]. */
const EXTRA_UNITS: Record<string, readonly [string, string]> = {
  PERCENT: ['%', '%'],
  PERCENTAGE_POINT: ['个百分点', ' percentage points'],
  SQUARE_METRE_PER_PERSON: ['平方米/人', ' m² per person'],
  CNY_PER_PERSON_YEAR: ['元/人·年', ' CNY per person a year'],
  TEAM: ['个工作队', ' teams'],
  MEETING: ['次会议', ' meetings'],
};

/** An observation's value with its unit: 55.6万人 is shown as 556000人, 4.1%, 25平方米/人. */
export function formatQuantity(value: string, unit: string, locale: Locale): string {
  const extra = EXTRA_UNITS[unit];
  if (extra) return `${value}${extra[locale === 'EN' ? 1 : 0]}`;
  return full(quantity(value, unit), locale);
}
