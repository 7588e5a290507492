import type { AmountQualifier } from '@fundtrace/schema/money';
import { displayName, type Locale, type Named } from '../display-name';
import { toCsv } from '../lib/csv';
import { enumLabel } from '../lib/labels';
import { type MoneyFields, plain, toAmount } from '../lib/money';

/** The flow fields tables and CSV files use (FlowRowParts). */
export interface FlowRow {
  id: string;
  year: number;
  status: string;
  instrument: string;
  amount: MoneyFields & { qualifier: AmountQualifier };
  source: { id: string } & Named;
  target: { id: string } & Named;
  program?: ({ id: string } & Named) | null;
  citations: readonly { start: number; end: number; quote: string; document: { id: string } }[];
}

export const CSV_HEADER = [
  'id',
  'year',
  'source',
  'target',
  'program',
  'status',
  'instrument',
  'amount',
  'qualifier',
  'low',
  'high',
  'currency',
  'citation',
] as const;

/** One CSV line per flow: plain decimal amounts, qualifier and bounds in their own columns. */
export function flowsCsv(rows: readonly FlowRow[], locale: Locale): string {
  return toCsv(
    CSV_HEADER,
    rows.map((f) => {
      const a = toAmount(f.amount);
      return [
        f.id,
        String(f.year),
        displayName(f.source, locale),
        displayName(f.target, locale),
        f.program ? displayName(f.program, locale) : '',
        enumLabel(f.status, locale),
        enumLabel(f.instrument, locale),
        plain(a.value),
        a.qualifier,
        plain(a.low),
        plain(a.high),
        a.unit,
        f.citations.map((c) => c.quote).join(' | '),
      ];
    }),
  );
}
