/**
 * Coverage of a document's figures by a curated data set.
 *
 * The figures are what the one figure finder (`@fundtrace/schema/figures`) finds in the normalised
 * text: Arabic and Chinese numerals with their unit, in base units (55.6萬人 → 556000 people,
 * 18.8億元 → 1880000000 yuan, 十項 → 10, 后五位 → 5, 2016年 → the year 2016). `uncovered` lists the
 * figures no citation accounts for: a figure is covered when some citation span contains it and
 * the record that citation belongs to has that value (for a calendar year, that year). Qualifiers
 * are not compared (the finder reads 150億元以上 as at least 15000000000; a record's bounds are
 * among its values). Comparison is exact decimal (`Decimal#eq`), never floating point. Offsets are
 * code points, like citation offsets (see locate.ts).
 */
import { type Figure, findFigures } from '@fundtrace/schema/figures';
import { Decimal } from '@fundtrace/schema/money';
import { locateCite, sliceCodePoints } from './locate.js';
import type { Cite, SeedAmount, SeedDataset } from './types.js';

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

/** The figures that no record covers (see the module comment). */
export function uncovered(
  text: string,
  figures: readonly Figure[],
  records: readonly CoverageRecord[],
): Figure[] {
  for (const f of figures) {
    if (sliceCodePoints(text, f.start, f.end) !== f.text) {
      throw new Error(`figure "${f.text}" at ${f.start} does not belong to this text`);
    }
  }
  return figures.filter(
    (f) =>
      !records.some((r) => {
        if (r.start > f.start || f.end > r.end) return false;
        if (f.unit === 'YEAR') return r.years.includes(Number(f.value));
        const v = new Decimal(f.value);
        return r.values.some((x) => v.eq(x));
      }),
  );
}

const PLAIN_DECIMAL = /^[0-9]+(?:\.[0-9]+)?$/u;

/** The value of a figure written as text ("48.8億元", "150億元以上"), or a plain decimal ("556000"). */
export function writtenValue(written: string): string {
  if (PLAIN_DECIMAL.test(written)) return new Decimal(written).toFixed();
  const found = findFigures(written);
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

/**
 * One coverage record per citation of every record of `dataset` that quotes `document` (by
 * default the data set's own), located in that document's `text`.
 */
export function citationRecords(
  dataset: SeedDataset,
  text: string,
  document = dataset.document.key,
): CoverageRecord[] {
  const out: CoverageRecord[] = [];
  const add = (label: string, cites: readonly Cite[], values: string[], years: number[]) => {
    for (const cite of cites) {
      if ((cite.document ?? dataset.document.key) !== document) continue;
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
