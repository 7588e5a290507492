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

/** Limits for every amount value or bound: integer digits and (significant) fraction digits. */
export const MAX_INTEGER_DIGITS = 20;
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
const show = (s: string): string => JSON.stringify(s.length > 80 ? `${s.slice(0, 80)}…` : s);
function fail(msg: string): never {
  throw new AmountParseError(msg);
}

function checkLimits(d: Decimal, what: string): Decimal {
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

// ---- parsing -------------------------------------------------------------------------------

/** Words by meaning, '|'-separated (simplified, traditional, the formatters' own, English). */
const PREFIX_WORDS: Record<AmountQualifier, string> = {
  AT_MOST: '不超过|不超過|不高于|不高於|不多于|不多於|至多|最多|≤|<=|at most|up to',
  AT_LEAST: '不少于|不少於|不低于|不低於|超过|超過|至少|逾|≥|>=|at least|more than|over',
  APPROXIMATE: '大约|大約|约|約|about|approximately|approx.',
  EXACT: '',
};
const SUFFIX_WORDS: Record<AmountQualifier, string> = {
  AT_LEAST: '多|余|餘|以上',
  AT_MOST: '以下|以内|以內',
  APPROXIMATE: '左右',
  EXACT: '',
};
const SCALE_WORDS: Record<string, string> = {
  '1e12': '万亿|萬億|tn|trillion',
  '1e9': 'bn|billion',
  '1e8': '亿|億',
  '1e7': '千万|千萬',
  '1e6': '百万|百萬|m|mn|million',
  '1e4': '万|萬',
  '1e3': 'k|thousand',
};
const invert = <V extends string>(words: Record<V, string>): Map<string, V> =>
  new Map(
    (Object.entries(words) as [V, string][]).flatMap(([v, ws]) =>
      ws === '' ? [] : ws.split('|').map((w): [string, V] => [w, v]),
    ),
  );
const SUFFIX_QUALIFIER = invert(SUFFIX_WORDS);
const SCALE = invert(SCALE_WORDS);
/** Longest first, so 不超过 wins over 超过. */
const PREFIXES = [...invert(PREFIX_WORDS)].sort(([a], [b]) => b.length - a.length);

const NUM = String.raw`((?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?)`;
const MORE = '(多|余|餘)?';
const ZH_FORM = new RegExp(
  String.raw`^(?:人民币|人民幣)?\s*${NUM}${MORE}\s*(万亿|萬億|亿|億|千万|千萬|百万|百萬|万|萬)?${MORE}\s*元${MORE}\s*(以上|以下|以内|以內|左右)?$`,
);
const EN_FORM = new RegExp(
  String.raw`^(?:CNY|RMB)\s*${NUM}(?:\s*(tn|trillion|bn|billion|mn|m|million|k|thousand))?$`,
  'i',
);

/**
 * Parses a written amount of money: Chinese ("48.8亿元", "150亿元以上", "约6713萬元", "≥150亿元",
 * "1.2万亿元", "1,234元"), traditional characters included, and the English forms `formatAmount`
 * writes ("CNY 4.88 bn", "≥ CNY 15 bn", "about CNY 4.88 bn", "CNY 9,005").
 */
export function parseChineseAmount(text: string): Amount {
  if (typeof text !== 'string') fail(`expected a string, got ${typeof text}`);
  if (text.length > MAX_INPUT_LENGTH)
    fail(`amount text too long (${text.length} characters): ${show(text)}`);
  let s = text.normalize('NFKC').trim();
  if (s === '') fail('empty amount text');
  const qualifiers: AmountQualifier[] = [];
  if (/^[-−－]/.test(s)) fail(`negative amount: ${show(text)}; amounts are never negative`);
  const prefix = PREFIXES.find(([p]) => s.slice(0, p.length).toLowerCase() === p);
  if (prefix) {
    qualifiers.push(prefix[1]);
    s = s.slice(prefix[0].length).trimStart();
  }
  let digits: string;
  let scale: string | undefined;
  const zh = ZH_FORM.exec(s);
  const en = zh ? null : EN_FORM.exec(s);
  if (zh) {
    const [, num, more1, unit, more2, more3, suffix] = zh;
    digits = num ?? '';
    scale = unit;
    for (const q of [more1, more2, more3, suffix])
      if (q) qualifiers.push(SUFFIX_QUALIFIER.get(q) ?? 'EXACT');
    if ([more1, more2, more3].filter(Boolean).length > 1)
      fail(`"多/余" given more than once: ${show(text)}`);
  } else if (en) {
    digits = en[1] ?? '';
    scale = en[2]?.toLowerCase();
  } else {
    return fail(
      `not an amount of money (expected e.g. "48.8亿元", "≥150亿元", "CNY 4.88 bn"): ${show(text)}`,
    );
  }
  const plain = digits.replaceAll(',', '');
  if (/^0[0-9]/.test(plain)) fail(`leading zero in ${show(text)}`);
  const distinct = [...new Set(qualifiers)];
  if (distinct.length > 1) fail(`conflicting qualifiers (${distinct.join(', ')}) in ${show(text)}`);
  let value = new Decimal(plain);
  if (scale !== undefined) value = value.times(SCALE.get(scale) ?? fail(`unknown scale ${scale}`));
  return makeAmount(checkLimits(value, `amount ${show(text)}`), distinct[0] ?? 'EXACT', CNY);
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

function render(a: Amount, locale: Locale, round: (d: Decimal) => Decimal): string {
  const abs = a.value.abs();
  const sign = a.value.isNeg() && !a.value.isZero() ? '-' : '';
  const q = QUALIFIER_PREFIX[locale][a.qualifier];
  const money = a.unit === CNY;
  const scales = !money ? NO_SCALE : locale === 'ZH' ? ZH_SCALES : EN_SCALES;
  const [scale, word] = scales.find(([s]) => round(abs.div(s)).gte(1)) ?? [ONE, ''];
  const n = round(abs.div(scale)).toFixed();
  const num = sign + (locale === 'EN' ? groupThousands(n) : n);
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
  return render(a, locale, (d) => d);
}

/** Chart labels only: at most 2 fraction digits, rounded half-up; the qualifier prefix is kept. */
export function formatCompact(a: Amount, locale: Locale = 'ZH'): string {
  return render(a, locale, (d) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP));
}

// ---- arithmetic and storage ----------------------------------------------------------------

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
  const qualifier: AmountQualifier =
    seen.has('APPROXIMATE') || (seen.has('AT_LEAST') && seen.has('AT_MOST'))
      ? 'APPROXIMATE'
      : seen.has('AT_LEAST')
        ? 'AT_LEAST'
        : seen.has('AT_MOST')
          ? 'AT_MOST'
          : 'EXACT';
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
