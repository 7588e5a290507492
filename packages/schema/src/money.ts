/**
 * Money and other quantities as exact decimals (never JS numbers), with qualifiers and bounds.
 * Shared by the server and the browser explorer: no Node-only APIs here.
 */
import { Decimal as DecimalJs } from 'decimal.js';

/** decimal.js constructor for all amounts: 60 significant digits, never exponent notation. */
export const Decimal = DecimalJs.clone({
  precision: 60,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -100,
  toExpPos: 100,
});
export type Decimal = DecimalJs;

/**
 * Every amount accepted (a value, a bound, an observed figure) is below 10^16 yuan (1亿亿元),
 * thousands of times any public budget there is; sums of such amounts are not bounded by it.
 */
export const MAX_AMOUNT = new Decimal('1e16');
/** Limits for every decimal, sums included: integer digits and (significant) fraction digits.
 * 30 integer digits hold the sum of 10^14 amounts below MAX_AMOUNT. */
export const MAX_INTEGER_DIGITS = 30;
export const MAX_FRACTION_DIGITS = 4;
/** Longest string `decimal()` or `parseChineseAmount()` will look at. */
export const MAX_INPUT_LENGTH = 64;

export const AMOUNT_QUALIFIERS = ['EXACT', 'APPROXIMATE', 'AT_LEAST', 'AT_MOST'] as const;
/** 'EXACT' | 'APPROXIMATE' | 'AT_LEAST' | 'AT_MOST' */
export type AmountQualifier = (typeof AMOUNT_QUALIFIERS)[number];

/**
 * An amount. Canonical bounds (what `makeAmount` and `parseChineseAmount` produce):
 * EXACT and APPROXIMATE: low = high = null; AT_LEAST: low = value, high = null;
 * AT_MOST: low = null (meaning 0), high = value. Sums may carry other bounds, low <= value <= high.
 */
export interface Amount {
  value: Decimal;
  qualifier: AmountQualifier;
  low: Decimal | null;
  high: Decimal | null;
  /** 'CNY' for money; other units (e.g. 'PERSON') are never summed with money. */
  unit: string;
}
export type Locale = 'ZH' | 'EN';
export const CNY = 'CNY';

export class AmountParseError extends Error {
  override name = 'AmountParseError';
}
export class AmountUnitError extends Error {
  override name = 'AmountUnitError';
}

const ZERO = new Decimal(0);
const ONE = new Decimal(1);
export const show = (s: string): string => JSON.stringify(s.length > 80 ? `${s.slice(0, 80)}…` : s);
export function fail(msg: string): never {
  throw new AmountParseError(msg);
}

export function checkLimits(d: Decimal, what: string): Decimal {
  if (!d.isFinite()) fail(`${what} is not a finite number`);
  if (d.isZero()) return ZERO; // also turns -0 into 0
  if (d.isNeg()) fail(`${what} is negative (${d.toFixed()}); amounts are never negative`);
  if (d.e + 1 > MAX_INTEGER_DIGITS)
    fail(`${what} has more than ${MAX_INTEGER_DIGITS} integer digits`);
  if (d.decimalPlaces() > MAX_FRACTION_DIGITS) {
    fail(`${what} has more than ${MAX_FRACTION_DIGITS} fraction digits (${d.toFixed()})`);
  }
  return d;
}

const PLAIN_DECIMAL = /^(?:0|[1-9][0-9]*)(?:\.[0-9]+)?$/;

/**
 * Strict decimal: only plain strings like "123", "4.5", "0.01" (no sign, exponent, spaces, leading
 * zeros, NaN or Infinity), at most MAX_INTEGER_DIGITS integer and MAX_FRACTION_DIGITS fraction
 * digits (trailing zeros don't count). A Decimal is checked against the same limits.
 */
export function decimal(v: string | Decimal): Decimal {
  if (typeof v === 'string') {
    if (v.length > MAX_INPUT_LENGTH)
      fail(`decimal string too long (${v.length} characters): ${show(v)}`);
    if (!PLAIN_DECIMAL.test(v)) {
      fail(
        `not a plain decimal string (digits, optional '.' fraction; no sign, exponent or spaces): ${show(v)}`,
      );
    }
    return checkLimits(new Decimal(v), `decimal ${show(v)}`);
  }
  if (!DecimalJs.isDecimal(v)) fail(`expected a decimal string or Decimal, got ${typeof v}`);
  return checkLimits(new Decimal(v), 'decimal');
}

/** A decimal given as an amount (an input, not a sum): `decimal()` below MAX_AMOUNT. */
export function amountDecimal(v: string | Decimal): Decimal {
  const d = decimal(v);
  if (d.gte(MAX_AMOUNT)) fail(`${d.toFixed()} is not below 10^16, the bound of amounts accepted`);
  return d;
}

/**
 * The canonical text of a plain decimal string ("1.50" -> "1.5", "2.0" -> "2"), or null where
 * `amountDecimal()` would refuse it: the same grammar and limits without building a Decimal, for
 * paths that read a million amounts.
 */
export function canonicalDecimal(v: string): string | null {
  if (v.length > MAX_INPUT_LENGTH || !PLAIN_DECIMAL.test(v)) return null;
  const dot = v.indexOf('.');
  const int = dot < 0 ? v : v.slice(0, dot);
  // below MAX_AMOUNT: at most 16 integer digits (longer ones get decimal()'s wording)
  if (int.length >= MAX_AMOUNT.toFixed().length) return null;
  const fraction = dot < 0 ? '' : v.slice(dot + 1).replace(/0+$/, '');
  if (fraction.length > MAX_FRACTION_DIGITS) return null;
  return fraction ? `${int}.${fraction}` : int;
}

/** An amount with canonical bounds for its qualifier (see `Amount`). */
export function makeAmount(
  value: string | Decimal,
  qualifier: AmountQualifier = 'EXACT',
  unit = CNY,
): Amount {
  const v = decimal(value);
  return {
    value: v,
    qualifier,
    low: qualifier === 'AT_LEAST' ? v : null,
    high: qualifier === 'AT_MOST' ? v : null,
    unit,
  };
}

// ---- formatting ----------------------------------------------------------------------------

type Scales = ReadonlyArray<readonly [Decimal, string]>;
const ZH_SCALES: Scales = [
  [new Decimal('1e8'), '亿'],
  [new Decimal('1e4'), '万'],
  [ONE, ''],
];
const EN_SCALES: Scales = [
  [new Decimal('1e9'), ' bn'],
  [new Decimal('1e6'), ' m'],
  [ONE, ''],
];
const NO_SCALE: Scales = [[ONE, '']];
const QUALIFIER_PREFIX: Record<Locale, Record<AmountQualifier, string>> = {
  ZH: { EXACT: '', APPROXIMATE: '约', AT_LEAST: '≥', AT_MOST: '≤' },
  EN: { EXACT: '', APPROXIMATE: 'about ', AT_LEAST: '≥ ', AT_MOST: '≤ ' },
};
/** Words for non-money units: [ZH suffix, EN plural, EN singular]. Unknown units print as-is. */
const UNIT_WORDS: Readonly<Record<string, readonly [string, string, string]>> = {
  PERSON: ['人', 'people', 'person'],
  HOUSEHOLD: ['户', 'households', 'household'],
  VILLAGE: ['个村', 'villages', 'village'],
  ENTERPRISE: ['家企业', 'enterprises', 'enterprise'],
  COUNTY: ['个旗县', 'counties', 'county'],
  PROJECT: ['个项目', 'projects', 'project'],
  SITE: ['个安置点', 'sites', 'site'],
};

function groupThousands(s: string): string {
  const [int = '', frac] = s.split('.');
  const grouped = int.replace(/\B(?=(?:[0-9]{3})+$)/g, ',');
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

type Round = (d: Decimal) => Decimal;
function render(a: Amount, locale: Locale, round: Round, grouped: boolean): string {
  const abs = a.value.abs();
  const sign = a.value.isNeg() && !a.value.isZero() ? '-' : '';
  const q = QUALIFIER_PREFIX[locale][a.qualifier];
  const money = a.unit === CNY;
  const scales = !money ? NO_SCALE : locale === 'ZH' ? ZH_SCALES : EN_SCALES;
  const [scale, word] = scales.find(([s]) => round(abs.div(s)).gte(1)) ?? [ONE, ''];
  const n = round(abs.div(scale)).toFixed();
  const num = sign + (grouped ? groupThousands(n) : n);
  if (money) return locale === 'ZH' ? `${q}${num}${word}元` : `${q}CNY ${num}${word}`;
  const words = UNIT_WORDS[a.unit];
  if (!words) return `${q}${num} ${a.unit}`;
  return locale === 'ZH'
    ? `${q}${num}${words[0]}`
    : `${q}${num} ${abs.eq(1) ? words[2] : words[1]}`;
}

/**
 * Full, exact figure: never rounds, trims trailing zeros. ZH uses 亿 (>= 1e8), 万 (>= 1e4) or 元;
 * EN uses bn (>= 1e9), m (>= 1e6) or thousands separators. Reversible by `parseChineseAmount`
 * for CNY amounts with canonical bounds (bounds other than the qualifier's are not printed).
 */
export function formatAmount(a: Amount, locale: Locale = 'ZH'): string {
  return render(a, locale, (d) => d, locale === 'EN');
}

/** At most 4 significant digits (integer digits stay) and 2 fraction digits, half-up. */
function roundForGlance(d: Decimal): Decimal {
  const integerDigits = d.lt(1) ? 0 : d.trunc().toFixed().length;
  return d.toDecimalPlaces(Math.max(0, Math.min(2, 4 - integerDigits)), Decimal.ROUND_HALF_UP);
}

/** At a glance (charts, headlines): "1,116亿元", "CNY 111.6 bn"; exact: `formatAmount`. */
export function formatCompact(a: Amount, locale: Locale = 'ZH'): string {
  return render(a, locale, roundForGlance, true);
}

// ---- arithmetic and storage ----------------------------------------------------------------

/**
 * The qualifier of a sum or of money passed along: all EXACT -> EXACT; EXACT with one other
 * qualifier -> that one; two or more others -> APPROXIMATE. `combineTwo` is it for two.
 */
export function combineQualifiers(qualifiers: Iterable<AmountQualifier>): AmountQualifier {
  let combined: AmountQualifier = 'EXACT';
  for (const q of qualifiers) combined = combineTwo(combined, q);
  return combined;
}
export function combineTwo(a: AmountQualifier, b: AmountQualifier): AmountQualifier {
  if (a === 'EXACT') return b;
  return b === 'EXACT' || b === a ? a : 'APPROXIMATE';
}

/** [low, high] an amount guarantees; null = unknown/unbounded. */
function boundsOf(a: Amount): [Decimal | null, Decimal | null] {
  switch (a.qualifier) {
    case 'EXACT':
      return [a.value, a.value];
    case 'AT_LEAST':
      return [a.low ?? a.value, a.high];
    case 'AT_MOST':
      return [a.low ?? ZERO, a.high ?? a.value];
    default:
      return [a.low, a.high];
  }
}

/**
 * Exact sum; qualifiers travel: all EXACT -> EXACT; EXACT/AT_LEAST only -> AT_LEAST;
 * EXACT/AT_MOST only -> AT_MOST; anything else -> APPROXIMATE. low/high are the sums of the
 * bounds (null when any side is unknown or unbounded). Throws AmountUnitError on another unit.
 */
export function sumAmounts(amounts: readonly Amount[], unit = CNY): Amount {
  let value = ZERO;
  let low: Decimal | null = ZERO;
  let high: Decimal | null = ZERO;
  const seen = new Set<AmountQualifier>();
  for (const a of amounts) {
    if (a.unit !== unit) throw new AmountUnitError(`cannot sum ${a.unit} into a total in ${unit}`);
    seen.add(a.qualifier);
    value = value.plus(a.value);
    const [l, h] = boundsOf(a);
    low = low && l ? low.plus(l) : null;
    high = high && h ? high.plus(h) : null;
  }
  const qualifier = combineQualifiers(seen);
  if (qualifier === 'EXACT') return { value, qualifier, low: null, high: null, unit };
  if (qualifier === 'AT_MOST' && low?.isZero()) low = null; // canonical: null low means 0
  return { value, qualifier, low, high, unit };
}

/** An amount from database strings; validates the qualifier and low <= value <= high. */
export function amountFromRow(row: {
  value: string;
  qualifier: string;
  low: string | null;
  high: string | null;
  unit: string;
}): Amount {
  const qualifier = AMOUNT_QUALIFIERS.find((q) => q === row.qualifier);
  if (!qualifier) fail(`unknown amount qualifier ${show(String(row.qualifier))}`);
  if (typeof row.unit !== 'string' || !/^\S(?:.{0,30}\S)?$/.test(row.unit))
    fail(`bad unit ${show(String(row.unit))}`);
  const value = decimal(row.value);
  const low = row.low === null ? null : decimal(row.low);
  const high = row.high === null ? null : decimal(row.high);
  if (low?.gt(value)) fail(`amount low bound ${low.toFixed()} exceeds value ${value.toFixed()}`);
  if (high?.lt(value))
    fail(`amount high bound ${high.toFixed()} is below value ${value.toFixed()}`);
  return { value, qualifier, low, high, unit: row.unit };
}

const plain = (d: Decimal): string => (d.isZero() ? '0' : d.toFixed());

/** Plain decimal strings (never exponent notation), e.g. for the database or the GraphQL scalar. */
export function amountToStrings(a: Amount): {
  value: string;
  low: string | null;
  high: string | null;
  qualifier: AmountQualifier;
  unit: string;
} {
  return {
    value: plain(a.value),
    low: a.low === null ? null : plain(a.low),
    high: a.high === null ? null : plain(a.high),
    qualifier: a.qualifier,
    unit: a.unit,
  };
}
