/**
 * The figure finder: every figure a Chinese text states, with its offsets, value, unit and
 * qualifier. Pure (no database, no Node APIs): the server lists a document's figures with it, the
 * seed's coverage test checks the data set against it, the explorer may highlight with it.
 *
 * Offsets are Unicode code points of `text`, half-open [start, end): the unit the API's citations
 * and the explorer's highlights count in (for BMP text, as all the seed is, they equal UTF-16
 * indices). Values are exact decimal strings in base units: yuan (1.26亿元 → 126000000), people,
 * percent (14.7), the year itself (2017年 → 2017). `text` includes the qualifier words read.
 *
 * What a figure is: a number (Arabic, full-width or Chinese numerals) with a unit (words.ts) or a
 * magnitude (5万 → NUMBER); a year range without 年 (2016-2020); 百分之N; 翻(了)N番 (FACTOR 2^N).
 * Forms: a range N-M yields two figures, FROM (its own number, with the range's magnitude and
 * unit) and TO, AT_LEAST and AT_MOST unless the text qualifies them (years stay EXACT); 四个100亿
 * yields one figure of 100亿 with `times` 4 spanning the whole phrase; 第4个 is an ORDINAL 4;
 * 后五位/前3名 a RANK 5/3. Not figures: numbers without unit or magnitude (codes, table cells
 * whose unit is in a header), digits inside latin words, a lone 一 before a counting unit (一家一户,
 * 一个时期), numerals starting with a magnitude (千家万户), 近 before years (近5年 = the last 5).
 */
import { type AmountQualifier, Decimal } from '../money.js';
import { CHINESE_NUMERAL_CHARS, CHINESE_NUMERAL_START, numberValue } from './numerals.js';
import {
  COUNTING_UNITS,
  type FigureUnit,
  MAGNITUDES,
  ODD_WORDS,
  ORDINAL_MARK,
  PREFIX_QUALIFIERS,
  RANK_MARKS,
  RANK_UNITS,
  SUFFIX_QUALIFIERS,
  UNIT_WORDS,
} from './words.js';

export type { FigureUnit } from './words.js';

export interface Figure {
  start: number;
  end: number;
  /** The text at [start, end). */
  text: string;
  /** Exact decimal string in base units. */
  value: string;
  unit: FigureUnit;
  qualifier: AmountQualifier;
  /** How many times the figure is stated at once: 四个100亿 → '4'. */
  times?: string;
  /** Which end of a range (2016—2020年, 3-5万元) this figure is. */
  range?: 'FROM' | 'TO';
}

const alt = (words: Iterable<string>) => [...words].sort((a, b) => b.length - a.length).join('|');
const UNIT_OF = new Map<string, FigureUnit>(
  Object.entries(UNIT_WORDS).flatMap(([unit, words]) =>
    (words ?? []).map((w): [string, FigureUnit] => [w, unit as FigureUnit]),
  ),
);
const AR = `[0-9０-９]{1,3}(?:,[0-9]{3})+(?![0-9])|[0-9０-９]+(?:[.．][0-9０-９]+)?`;
const ZH = `[${CHINESE_NUMERAL_START}][${CHINESE_NUMERAL_CHARS}]*`;
const num = (name: string) => `(?<${name}>${AR}|${ZH})`;
const suffix = (name: string) => `(?<${name}>${alt(Object.keys(SUFFIX_QUALIFIERS))})?`;
const ODD = `(?:${ODD_WORDS.join('|')})`;
const FIGURE = new RegExp(
  [
    `(?<fan>翻了?(?<fanN>[一二两兩三四五]|[0-9]+)番)`,
    `(?<pct>百分之${num('pctN')})${suffix('pctSuffix')}`,
    `(?<![0-9０-９A-Za-z_.．])(?:${num('times')}[個个](?=[0-9０-９]))?${num('n1')}` +
      String.raw`(?:\s*[-–—~～－至到]\s*${num('n2')})?(?<odd1>${ODD})?` +
      `(?<mag>${alt(Object.keys(MAGNITUDES))})?(?<odd2>${ODD})?(?<unit>${alt(UNIT_OF.keys())})?${suffix('suffix')}`,
  ].join('|'),
  'gu',
);

type Groups = Record<string, string | undefined>;
interface Span {
  start: number; // UTF-16 while reading, code points once emitted
  end: number;
}

const times = (n: string, mag: string | undefined) =>
  mag === undefined ? n : new Decimal(n).times(MAGNITUDES[mag] ?? '1').toFixed();
/** Four digits: a calendar year before 年; without 年 only a range of 1900..2100 reads as years. */
const isYearNumber = (written: string, from = 1000, to = 9999) =>
  /^(?:[0-9]{4}|[〇零一二三四五六七八九]{4})$/u.test(written) &&
  Number(numberValue(written)) >= from &&
  Number(numberValue(written)) <= to;
const isYearRange = (a: string, b: string) =>
  isYearNumber(a, 1900, 2100) &&
  isYearNumber(b, 1900, 2100) &&
  Number(numberValue(a)) < Number(numberValue(b));

/** The qualifier word ending at `at`, if any, and where it starts. */
function prefixAt(text: string, at: number): { qualifier: AmountQualifier; start: number } | null {
  for (const word of PREFIX_WORDS) {
    if (text.startsWith(word, at - word.length)) {
      return { qualifier: PREFIX_QUALIFIERS[word] ?? 'EXACT', start: at - word.length };
    }
  }
  return null;
}
const PREFIX_WORDS = Object.keys(PREFIX_QUALIFIERS).sort((a, b) => b.length - a.length);

/** The unit, start and value adjustments of a general match; null when it is no figure. */
function classify(g: Groups, text: string, at: number) {
  const n1 = g.n1 ?? '';
  const word = g.unit;
  let unit: FigureUnit | undefined = word === undefined ? undefined : UNIT_OF.get(word);
  let start = at;
  // A Chinese numeral holds its own magnitude (两千万); an Arabic one has it beside (2000万).
  const magnitude = g.mag !== undefined || /[万萬亿億]/u.test(n1);
  if (unit === undefined) {
    if (magnitude) unit = 'NUMBER';
    else if (g.n2 !== undefined && isYearRange(n1, g.n2)) unit = 'YEAR';
    else return null;
  }
  const lone = /^[一壹]$/u.test(n1) && !magnitude && g.times === undefined;
  if (lone && COUNTING_UNITS.has(unit) && g.n2 === undefined) return null;
  if (word !== undefined && (RANK_UNITS as readonly string[]).includes(word)) {
    const mark = text[at - 1];
    if (mark !== undefined && (RANK_MARKS as readonly string[]).includes(mark)) {
      unit = 'RANK';
      start = at - 1;
    }
  }
  if (text[at - 1] === ORDINAL_MARK && g.times === undefined) {
    unit = 'ORDINAL';
    start = at - 1;
  }
  if (unit === 'YEAR' && (magnitude || !isYearNumber(g.n2 ?? n1))) unit = 'YEARS';
  return { unit, start };
}

/** The figures of one general match (two for a range). */
function generalFigures(g: Groups, text: string, match: Span): Array<Omit<Figure, 'text'>> {
  const kind = classify(g, text, match.start);
  if (kind === null) return [];
  const { unit } = kind;
  const prefix = unit === 'YEAR' || unit === 'YEARS' ? null : prefixAt(text, kind.start);
  const stated =
    (g.suffix && SUFFIX_QUALIFIERS[g.suffix]) ||
    (g.odd1 || g.odd2 ? 'AT_LEAST' : undefined) ||
    prefix?.qualifier;
  const start = prefix?.start ?? kind.start;
  const value = (n: string) => times(numberValue(n), g.mag);
  const extra = g.times === undefined ? {} : { times: numberValue(g.times) };
  if (g.n2 === undefined) {
    const qualifier = stated ?? 'EXACT';
    return [{ start, end: match.end, value: value(g.n1 ?? ''), unit, qualifier, ...extra }];
  }
  const n1 = g.n1 ?? '';
  const n1End = match.start + (g.times === undefined ? 0 : g.times.length + 1) + n1.length;
  const toAt = text.indexOf(g.n2, n1End);
  const bound = (q: AmountQualifier) => (unit === 'YEAR' ? 'EXACT' : (stated ?? q));
  return [
    {
      start,
      end: n1End,
      value: value(n1),
      unit,
      qualifier: bound('AT_LEAST'),
      range: 'FROM',
    },
    {
      start: toAt,
      end: match.end,
      value: value(g.n2),
      unit,
      qualifier: bound('AT_MOST'),
      range: 'TO',
    },
  ];
}

/** The figures of one match of FIGURE, offsets in UTF-16 units. */
function figuresOf(m: RegExpExecArray, text: string): Array<Omit<Figure, 'text'>> {
  const g: Groups = m.groups ?? {};
  const span = { start: m.index, end: m.index + m[0].length };
  if (g.fan !== undefined) {
    const n = Number(numberValue(g.fanN ?? '1'));
    const value = new Decimal(2).pow(n).toFixed();
    return [{ ...span, value, unit: 'FACTOR', qualifier: 'EXACT' }];
  }
  if (g.pct !== undefined) {
    const prefix = prefixAt(text, span.start);
    const qualifier =
      (g.pctSuffix && SUFFIX_QUALIFIERS[g.pctSuffix]) || prefix?.qualifier || 'EXACT';
    const value = numberValue(g.pctN ?? '');
    return [{ ...span, start: prefix?.start ?? span.start, value, unit: 'PERCENT', qualifier }];
  }
  return generalFigures(g, text, span);
}

/** Every figure of `text`, in order of their start. */
export function findFigures(text: string): Figure[] {
  const codePoint: number[] = [];
  let cp = 0;
  for (const ch of text) {
    codePoint.push(cp);
    if (ch.length === 2) codePoint.push(cp);
    cp++;
  }
  codePoint.push(cp);
  const found: Figure[] = [];
  for (const m of text.matchAll(FIGURE)) {
    for (const f of figuresOf(m, text)) {
      found.push({
        ...f,
        text: text.slice(f.start, f.end),
        start: codePoint[f.start] ?? 0,
        end: codePoint[f.end] ?? 0,
      });
    }
  }
  return found;
}
