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
  // A rounded cost reads better at a glance (≈514.8万元); an exact one is shown whole.
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

/**
 * An observation's value with its unit: 4.1%, 25平方米/人, and counts in 万 as the Chinese
 * sources write them (197.6万人) when that is exact; otherwise the whole count.
 */
export function formatQuantity(value: string, unit: string, locale: Locale): string {
  const extra = EXTRA_UNITS[unit];
  if (extra) return `${value}${extra[locale === 'EN' ? 1 : 0]}`;
  const wan = new Decimal(value).div(10_000);
  if (locale === 'ZH' && wan.gte(1) && wan.decimalPlaces() <= 2 && unit !== 'CNY')
    return `${wan.toFixed()}万${unitSuffix(unit, locale)}`;
  return full(quantity(value, unit), locale);
}

/** The words after a count ("人", " people"), as the shared formatter writes them. */
const unitSuffix = (unit: string, locale: Locale) =>
  full(quantity('2', unit), locale).replace(/^2/, '');

/** Chart labels only: a count rounded to what fits (197.6万人, 1.98 m people). */
export function compactQuantity(value: string, unit: string, locale: Locale): string {
  if (EXTRA_UNITS[unit] || unit === 'CNY') return formatQuantity(value, unit, locale);
  const n = new Intl.NumberFormat(locale === 'EN' ? 'en' : 'zh-CN', {
    notation: 'compact',
    maximumFractionDigits: 2,
  }).format(value as unknown as number);
  const words =
    locale === 'EN' ? n.replace(/K$/, ' k').replace(/M$/, ' m').replace(/B$/, ' bn') : n;
  return `${words}${unitSuffix(unit, locale)}`;
}
