import {
  EXPORT_ONLY_COLUMNS,
  FLOW_COLUMNS,
  type FlowColumn,
  flowFromCsv,
  REQUIRED_FLOW_COLUMNS,
} from './csv-flows.js';
import { isOverlapHeader, overlapFromCsv, overlapHeader } from './csv-overlaps.js';
import { csvLines } from './csv-rows.js';
import type { Problems } from './problems.js';
import { type ImportRecord, jsonRecord } from './records.js';

/** What a naive decoder puts where bytes were not UTF-8 (GBK files read as UTF-8, say). */
const REPLACEMENT = '\uFFFD';
const NOT_UTF8 =
  'is not UTF-8 text (it holds U+FFFD where bytes could not be decoded): is the file GBK-encoded? Save it as UTF-8';

export type Source = string | AsyncIterable<string>;
/** Takes one valid record; returns a promise only when it must be awaited (a batch is written). */
export type OnRecord = (row: number, record: ImportRecord) => Promise<void> | undefined;

/**
 * Reads a CSV of flows or of overlaps (told apart by the header, which names the columns in any
 * order): each row is one record.
 */
export async function readCsv(
  source: Source,
  problems: Problems,
  onRecord: OnRecord,
): Promise<number> {
  let header: (FlowColumn | null)[] | null = null;
  let overlaps: Map<string, number> | null = null;
  let row = 0;
  for await (const lines of csvLines(source)) {
    for (const line of lines) {
      if (line.error !== null) {
        problems.add(row + 1, null, line.error);
        return row;
      }
      const fields = line.fields;
      if (header === null && overlaps === null) {
        if (isOverlapHeader(fields)) {
          overlaps = overlapHeader(fields, problems);
          if (overlaps === null) return 0;
          continue;
        }
        header = checkHeader(fields, problems);
        if (header === null) return 0;
        continue;
      }
      row++;
      if (overlaps !== null) {
        const record = overlapFromCsv(fields, overlaps);
        if (Array.isArray(record)) for (const p of record) problems.add(row, p.column, p.message);
        else onRecord(row, record);
        continue;
      }
      if (header === null) continue;
      // Now and then the event loop gets a turn: a COPY in flight sends and hears back.
      if (row % 1_000 === 0) await new Promise(setImmediate);
      if (fields.length !== header.length) {
        problems.add(
          row,
          null,
          `has ${fields.length} fields where the header has ${header.length} (a truncated or broken line?)`,
        );
        continue;
      }
      // No iterator per row: this loop runs a million times in a large import.
      const byColumn: Partial<Record<FlowColumn, string>> = {};
      let clean = true;
      for (let i = 0; i < header.length; i++) {
        const column = header[i];
        if (column == null) continue;
        const value = fields[i] ?? '';
        if (value.includes(REPLACEMENT)) {
          problems.add(row, column, NOT_UTF8);
          clean = false;
        }
        byColumn[column] = value;
      }
      if (!clean) continue;
      const record = flowFromCsv(byColumn);
      if (Array.isArray(record)) {
        for (const p of record) problems.add(row, p.column, p.message);
        continue;
      }
      const writing = onRecord(row, record);
      if (writing) await writing;
    }
  }
  if (header === null && overlaps === null)
    problems.add(0, null, `the file is empty: expected the header ${FLOW_COLUMNS.join(',')}`);
  return row;
}

/** The header's columns in order (null for export-only columns, which are ignored), or null. */
function checkHeader(fields: string[], problems: Problems): (FlowColumn | null)[] | null {
  const known = new Set<string>([...FLOW_COLUMNS, ...EXPORT_ONLY_COLUMNS]);
  const seen = new Set<string>();
  const before = problems.count;
  for (const field of fields) {
    const name = field.trim();
    if (!known.has(name)) {
      problems.add(
        0,
        field.slice(0, 60),
        `unknown column; the columns are ${FLOW_COLUMNS.join(',')}`,
      );
    } else if (seen.has(name)) {
      problems.add(0, name, 'the column appears twice');
    }
    seen.add(name);
  }
  for (const required of REQUIRED_FLOW_COLUMNS) {
    if (!seen.has(required)) problems.add(0, required, 'required column missing from the header');
  }
  if (problems.count > before) return null;
  return fields.map((f) => {
    const name = f.trim();
    return EXPORT_ONLY_COLUMNS.includes(name) ? null : (name as FlowColumn);
  });
}

/** Reads a JSON import: an array of records, each `{ "type": "actor" | "flow" | "observation", … }`. */
export async function readJson(
  source: Source,
  problems: Problems,
  onRecord: OnRecord,
): Promise<number> {
  let text = '';
  if (typeof source === 'string') text = source;
  else for await (const chunk of source) text += chunk;
  if (text.includes(REPLACEMENT)) {
    problems.add(0, null, `the file ${NOT_UTF8}`);
    return 0;
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    problems.add(0, null, `not valid JSON: ${(error as Error).message.slice(0, 200)}`);
    return 0;
  }
  if (!Array.isArray(data)) {
    problems.add(0, null, 'the JSON must be an array of records ([{ "type": "flow", … }, …])');
    return 0;
  }
  for (const [i, element] of data.entries()) {
    const row = i + 1;
    const parsed = jsonRecord.safeParse(element);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.add(row, issue.path.map(String).join('.') || null, issue.message);
      }
      continue;
    }
    const writing = onRecord(row, parsed.data);
    if (writing) await writing;
  }
  return data.length;
}
