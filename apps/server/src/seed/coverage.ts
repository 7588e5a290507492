/**
 * Coverage of a document's figures by a curated data set.
 *
 * `findNumbers` scans normalised text for every Arabic-numeral figure with the unit written after
 * it and converts it to base units (55.6萬人 → 556000 people, 18.8億元 → 1880000000 yuan,
 * 2016年 → the year 2016). `uncovered` then lists the figures no citation accounts for: a figure is
 * covered when some citation span contains it and the record that citation belongs to has that
 * value (for a year, that year). Comparison is exact decimal (`Decimal#eq`), never floating point.
 *
 * This is token scanning, not amount parsing: it does not interpret 以上/超過 qualifiers (the
 * number of "150億元以上" is still 15000000000) and it knows units beyond money. Offsets are code
 * points, like citation offsets (see locate.ts). Scope: ASCII digits with an optional decimal
 * part, no thousands separators (the seed text uses ASCII commas as clause separators), and a
 * range "2017-2019年" yields one token per end, both spanning the whole range. Figures written
 * in Chinese numerals (十項措施, 后五位) are not found.
 */
import { Decimal as DecimalJs } from 'decimal.js';
import { locateCite } from './locate.js';
import type { Cite, SeedAmount, SeedDataset } from './types.js';

const Decimal = DecimalJs.clone({ precision: 60, toExpNeg: -100, toExpPos: 100 });

export type TokenKind =
  | 'MONEY'
  | 'PERSON'
  | 'HOUSEHOLD'
  | 'PERCENT'
  | 'PERCENTAGE_POINT'
  | 'COUNT'
  | 'TIMES'
  | 'AREA'
  | 'YEAR'
  | 'YEARS'
  | 'MONTH'
  | 'BARE';

export interface NumberToken {
  /** Code-point offsets of the whole figure (number, multiplier, unit; the whole range). */
  start: number;
  end: number;
  /** The text at [start, end). */
  text: string;
  /** The digits of this number as written ("55.6"). */
  number: string;
  /** 萬/万/億/亿 … or ''. */
  multiplier: string;
  /** The unit word as written after the multiplier ("人", "元", "個百分點", "%"), or ''. */
  unit: string;
  kind: TokenKind;
  /** Decimal string in base units: yuan, people, households, percent, the year itself … */
  value: string;
  /** Set for a calendar year (a 3–4 digit integer followed by 年). */
  year?: number;
}

const MULTIPLIERS: Readonly<Record<string, string>> = {
  萬億: '1e12',
  万亿: '1e12',
  億: '1e8',
  亿: '1e8',
  千萬: '1e7',
  千万: '1e7',
  百萬: '1e6',
  百万: '1e6',
  萬: '1e4',
  万: '1e4',
};

const UNIT_KIND: Readonly<Record<string, TokenKind>> = {
  個百分點: 'PERCENTAGE_POINT',
  个百分点: 'PERCENTAGE_POINT',
  百分點: 'PERCENTAGE_POINT',
  百分点: 'PERCENTAGE_POINT',
  平方米: 'AREA',
  元: 'MONEY',
  人: 'PERSON',
  名: 'PERSON',
  位: 'PERSON',
  戶: 'HOUSEHOLD',
  户: 'HOUSEHOLD',
  '%': 'PERCENT',
  '％': 'PERCENT',
  個: 'COUNT',
  个: 'COUNT',
  家: 'COUNT',
  項: 'COUNT',
  项: 'COUNT',
  次: 'TIMES',
  年: 'YEAR',
  月: 'MONTH',
};

const byLength = (a: string, b: string) => b.length - a.length;
/** Alternation of literal words (none holds a regex metacharacter), longest first. */
const alt = (words: Iterable<string>) => [...words].sort(byLength).join('|');
const NUM = String.raw`[0-9]+(?:\.[0-9]+)?`;
const FIGURE = new RegExp(
  String.raw`(?<![0-9A-Za-z_.])(${NUM})(?:\s*[-–—~～至]\s*(${NUM}))?(${alt(Object.keys(MULTIPLIERS))})?(${alt(Object.keys(UNIT_KIND))})?`,
  'gu',
);

/** Maps UTF-16 indices of `text` to code-point indices (entry i is the code point index of unit i). */
function codePointIndex(text: string): number[] {
  const map: number[] = [];
  let cp = 0;
  for (const ch of text) {
    for (let k = 0; k < ch.length; k++) map.push(cp);
    cp++;
  }
  map.push(cp);
  return map;
}

function token(
  number: string,
  multiplier: string,
  unit: string,
  span: { start: number; end: number; text: string },
): NumberToken {
  let kind: TokenKind = unit === '' ? 'BARE' : (UNIT_KIND[unit] ?? 'BARE');
  let value = new Decimal(number);
  if (multiplier !== '') value = value.times(MULTIPLIERS[multiplier] ?? '1');
  let year: number | undefined;
  if (kind === 'YEAR') {
    if (multiplier === '' && /^[0-9]{3,4}$/u.test(number)) year = Number(number);
    else kind = 'YEARS';
  }
  return {
    ...span,
    number,
    multiplier,
    unit,
    kind,
    value: value.toFixed(),
    ...(year === undefined ? {} : { year }),
  };
}

/** Every Arabic-numeral figure in `text`, in order, with its unit and value in base units. */
export function findNumbers(text: string): NumberToken[] {
  const cp = codePointIndex(text);
  const tokens: NumberToken[] = [];
  for (const m of text.matchAll(FIGURE)) {
    const [whole, first = '', second, multiplier = '', unit = ''] = m;
    const at = m.index;
    const span = { start: cp[at] ?? 0, end: cp[at + whole.length] ?? 0, text: whole };
    tokens.push(token(first, multiplier, unit, span));
    if (second !== undefined) tokens.push(token(second, multiplier, unit, span));
  }
  return tokens;
}

/** One citation of one record: its span and the figures that record states. */
export interface CoverageRecord {
  start: number;
  end: number;
  /** Decimal strings in base units (value, low, high, member count, coverage). */
  values: string[];
  years: number[];
  /** Optional label for messages ("flow treasury-2017"). */
  label?: string;
}

/** The tokens that no record covers (see the module comment). */
export function uncovered(
  text: string,
  tokens: readonly NumberToken[],
  records: readonly CoverageRecord[],
): NumberToken[] {
  const chars = Array.from(text);
  for (const t of tokens) {
    if (chars.slice(t.start, t.end).join('') !== t.text) {
      throw new Error(`token "${t.text}" at ${t.start} does not belong to this text`);
    }
  }
  return tokens.filter(
    (t) =>
      !records.some((r) => {
        if (r.start > t.start || t.end > r.end) return false;
        if (t.year !== undefined) return r.years.includes(t.year);
        const v = new Decimal(t.value);
        return r.values.some((x) => v.eq(x));
      }),
  );
}

/** The value of a figure written as text ("48.8億元", "150億元以上", "556000"): exactly one token. */
export function writtenValue(written: string): string {
  const found = findNumbers(written);
  const only = found[0];
  if (found.length !== 1 || only === undefined) {
    throw new Error(`expected exactly one figure in "${written}", found ${found.length}`);
  }
  return only.value;
}

/** value, low and high of a seed amount, as decimal strings in base units. */
export function amountValues(amount: SeedAmount): string[] {
  if (typeof amount === 'string') return [writtenValue(amount)];
  const values = [amount.value, amount.low, amount.high].filter((v) => v !== undefined);
  return values.map((v) => new Decimal(v).toFixed());
}

/** One coverage record per citation of every record of `dataset`, located in `text`. */
export function citationRecords(dataset: SeedDataset, text: string): CoverageRecord[] {
  const out: CoverageRecord[] = [];
  const add = (label: string, cites: readonly Cite[], values: string[], years: number[]) => {
    for (const cite of cites) {
      const { start, end } = locateCite(text, cite);
      out.push({ start, end, values, years, label });
    }
  };
  for (const a of dataset.actors) {
    const values = a.memberCount === undefined ? [] : [String(a.memberCount)];
    add(`actor ${a.key}`, a.cites ?? [], values, []);
  }
  for (const f of dataset.flows) add(`flow ${f.key}`, f.cites, amountValues(f.amount), [f.year]);
  for (const o of dataset.observations) {
    add(`observation ${o.key}`, o.cites, amountValues(o.value), [o.year]);
  }
  for (const p of dataset.pairings) {
    const values = p.coverage === undefined ? [] : [String(p.coverage)];
    add(`pairing ${p.key}`, p.cites, values, p.year === undefined ? [] : [p.year]);
  }
  return out;
}
