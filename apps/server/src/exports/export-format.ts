import type { Kysely, RawBuilder } from 'kysely';
import type { Database } from '../db/database.js';
import { shownBounds } from '../domain/money/amount-columns.js';
import { encodeGlobalId } from '../domain/records/global-id.js';
import { neutraliseFormula } from '../imports/csv-formula.js';
import { type HeaderStyle, headerLabels } from './header-labels.js';

// The file formats of exports: CSV cells and lines, and JSON arrays, read in keyset pages.

export type ExportFormat = 'csv' | 'json';

export const PAGE = 5_000;
export const BOM = '\uFEFF';

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s = neutraliseFormula(Array.isArray(value) ? value.join('|') : String(value));
  return /^'|[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export const csvLine = (values: unknown[]) => `${values.map(csvCell).join(',')}\r\n`;

/** numeric columns come back padded to their scale: "14.7000" → "14.7". */
export const plain = (v: string | null) =>
  v === null ? null : v.includes('.') ? v.replace(/\.?0+$/, '') : v;

/** Bounds as the API's Money shows them, without the padding. */
export function bounds(r: {
  amount: string;
  qualifier: string;
  low: string | null;
  high: string | null;
}) {
  const { low, high } = shownBounds({ ...r, value: r.amount });
  return { low: plain(low), high: plain(high) };
}
export const currency = (unit: string) => (unit === 'CNY' ? 'CNY' : 'XXX');

/** What every record in a JSON export starts with: its type, global id and key. */
export const jsonHead = (
  type: 'Actor' | 'Flow' | 'Observation' | 'Overlap',
  row: { id: number; key: string },
) => ({ type: type.toLowerCase(), id: encodeGlobalId(type, row.id), key: row.key });

export interface Table<Row> {
  columns: string[];
  page: (db: Kysely<Database>, where: RawBuilder<unknown>, after: number) => Promise<Row[]>;
  csv: (row: Row) => unknown[];
  json: (row: Row) => Record<string, unknown>;
}

export async function* rows<Row extends { id: number }>(
  db: Kysely<Database>,
  table: Table<Row>,
  format: ExportFormat,
  where: RawBuilder<unknown>,
  headers: HeaderStyle = 'machine',
): AsyncGenerator<string> {
  let after = 0;
  let first = true;
  // The heading goes out with the first page: a failing query fails before anything is sent.
  let chunk = format === 'csv' ? BOM + csvLine(headerLabels(table.columns, headers)) : '[';
  for (;;) {
    const page = await table.page(db, where, after);
    if (page.length === 0) break;
    for (const row of page) {
      if (format === 'csv') chunk += csvLine(table.csv(row));
      else {
        chunk += `${first ? '\n' : ',\n'}${JSON.stringify(table.json(row))}`;
        first = false;
      }
    }
    yield chunk;
    chunk = '';
    after = (page.at(-1) as Row).id;
    if (page.length < PAGE) break;
  }
  if (chunk || format === 'json') yield format === 'json' ? `${chunk}\n]\n` : chunk;
}
