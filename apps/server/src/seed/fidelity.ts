/**
 * Fidelity: what a seed record claims that its quotes do not state. A record's amount must be a
 * figure of one of its quotes (the figure finder's reading, compared as exact decimals), its year
 * a year of a quote or 今年 / 去年 / 上年 read against the document's date, and each end of a flow
 * named in a quote by the actor's name or an alias; otherwise the record must carry an inference
 * for that field. Ends named in other words are for a reader to judge (see fidelity.test.ts).
 */
import { findFigures } from '@fundtrace/schema/figures';
import { Decimal } from '@fundtrace/schema/money';
import { amountValues } from './coverage.js';
import { locateCite } from './locate.js';
import type { Cite, SeedAmount, SeedDataset, SeedInference } from './types.js';

export interface Unstated {
  record: string;
  field: 'amount' | 'year' | 'source' | 'target';
}

const RELATIVE_YEARS: [word: string, offset: number][] = [
  ['今年', 0],
  ['去年', -1],
  ['上年', -1],
];

/** The quote of a cite in its document (`texts`: document key → text; the data set's own by default). */
export function citeQuote(dataset: SeedDataset, texts: ReadonlyMap<string, string>, cite: Cite) {
  const text = texts.get(cite.document ?? dataset.document.key);
  if (text === undefined) throw new Error(`no text for document "${cite.document}"`);
  return locateCite(text, cite).quote;
}

export function amountStated(quotes: string[], amount: SeedAmount): boolean {
  const [value] = amountValues(amount);
  return quotes.some((q) =>
    findFigures(q).some((f) => f.unit !== 'YEAR' && new Decimal(f.value).eq(value ?? 'NaN')),
  );
}

export function yearStated(quotes: string[], year: number, publishedYear: number): boolean {
  return quotes.some(
    (q) =>
      findFigures(q).some((f) => f.unit === 'YEAR' && Number(f.value) === year) ||
      RELATIVE_YEARS.some(([word, offset]) => q.includes(word) && publishedYear + offset === year),
  );
}

const inferred = (list: SeedInference[] | undefined, field: string) =>
  (list ?? []).some((i) => i.field === field);

/** The claims of `dataset`'s flows and observations that neither a quote states nor an inference notes. */
export function unstatedClaims(
  dataset: SeedDataset,
  texts: ReadonlyMap<string, string>,
): Unstated[] {
  const published = Number(dataset.document.publishedOn.slice(0, 4));
  const names = new Map(dataset.actors.map((a) => [a.key, [a.name, ...(a.aliases ?? [])]]));
  const out: Unstated[] = [];
  const check = (
    record: string,
    r: { cites: Cite[]; year: number; inferred?: SeedInference[] },
    amount: SeedAmount,
    ends: [field: 'source' | 'target', actor: string][],
  ) => {
    const quotes = r.cites.map((cite) => citeQuote(dataset, texts, cite));
    const claim = (field: Unstated['field'], stated: boolean) => {
      if (!stated && !inferred(r.inferred, field)) out.push({ record, field });
    };
    claim('amount', amountStated(quotes, amount));
    claim('year', yearStated(quotes, r.year, published));
    for (const [field, actor] of ends) {
      const words = names.get(actor) ?? [];
      claim(
        field,
        quotes.some((q) => words.some((w) => q.includes(w))),
      );
    }
  };
  for (const f of dataset.flows) {
    check(`flow ${f.key}`, f, f.amount, [
      ['source', f.source],
      ['target', f.target],
    ]);
  }
  for (const o of dataset.observations) check(`observation ${o.key}`, o, o.value, []);
  return out;
}
