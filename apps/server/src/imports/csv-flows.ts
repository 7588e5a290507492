import { AMOUNT_QUALIFIERS, canonicalDecimal } from '@fundtrace/schema/money';
import { z } from 'zod';
import {
  checkEnds,
  checkParent,
  endsDiffer,
  FLOW_STATUSES,
  type FlowRecord,
  INSTRUMENTS,
  ownParent,
  toFlowRecord,
} from '../domain/flow/flow.rules.js';
import { decimalString, moneyInput, UNIT, unit } from '../domain/money/money.rules.js';
import { flowInferences } from '../domain/records/inference.rules.js';
import { freeText, KEY, key, MAX_YEAR, MIN_YEAR, year } from '../domain/records/record.rules.js';

// Flows as CSV: the columns, and the rules each row is read by (the mutations' rules).

/** The columns of a flows CSV file, in the order `export` writes them. */
export const FLOW_COLUMNS = [
  'external_id',
  'source_key',
  'target_key',
  'amount',
  'qualifier',
  'low',
  'high',
  'unit',
  'year',
  'status',
  'instrument',
  'program_key',
  'parent_external_id',
  'note',
  'note_zh',
  'inferred',
] as const;
export type FlowColumn = (typeof FLOW_COLUMNS)[number];
/**
 * Columns an export adds for people (currency, names in Chinese and English, id, the quotes that
 * state the flow): accepted on import, and ignored.
 */
export const EXPORT_ONLY_COLUMNS = [
  'currency',
  'source_name',
  'target_name',
  'program_name',
  'id',
  'citations',
  'source_name_en',
  'target_name_en',
  'program_name_en',
  'counts_as_public_money',
];

export const REQUIRED_FLOW_COLUMNS: FlowColumn[] = [
  'external_id',
  'source_key',
  'target_key',
  'amount',
  'year',
  'status',
  'instrument',
];

const csvYear = z
  .string()
  .regex(/^[0-9]{4}$/, 'must be a 4-digit year')
  .transform(Number)
  .pipe(year);
const blank = (s: string | undefined) => (s === undefined || s === '' ? null : s);

/** The `inferred` cell: the inferences as JSON, `[{"field":"year","note":"…","noteZh":"…"}]`. */
const inferredCell = z
  .string()
  .transform((s, ctx) => {
    try {
      return JSON.parse(s) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a JSON list of {field, note, noteZh}' });
      return z.NEVER;
    }
  })
  .pipe(flowInferences);

const flowCsv = z
  .object({
    external_id: key,
    source_key: key,
    target_key: key,
    amount: decimalString,
    qualifier: z.enum(AMOUNT_QUALIFIERS).nullable(),
    low: decimalString.nullable(),
    high: decimalString.nullable(),
    unit: unit.nullable(),
    year: csvYear,
    status: z.enum(FLOW_STATUSES),
    instrument: z.enum(INSTRUMENTS),
    program_key: key.nullable(),
    parent_external_id: key.nullable(),
    note: freeText().nullable(),
    note_zh: freeText().nullable(),
    inferred: inferredCell.nullable(),
  })
  .superRefine((f, ctx) => {
    checkEnds(f, 'source_key', 'target_key', ctx);
    checkParent(f, 'external_id', 'parent_external_id', ctx);
    const q = f.qualifier ?? 'EXACT';
    const bounds = moneyInput.safeParse({
      value: f.amount,
      qualifier: q,
      low: f.low,
      high: f.high,
    });
    for (const issue of bounds.success ? [] : bounds.error.issues) {
      ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    }
  });

const STATUS_SET = new Set<string>(FLOW_STATUSES);
const INSTRUMENT_SET = new Set<string>(INSTRUMENTS);

/**
 * The common case (an exact amount, no note) judged without zod: a million rows an import must
 * check fast. It accepts a subset of what the zod schema accepts, with the same result; anything
 * else (and every row with a problem) goes through the schema, which words the errors.
 */
export function plainFlow(f: Partial<Record<FlowColumn, string>>): FlowRecord | null {
  const key = f.external_id ?? '';
  const source = f.source_key ?? '';
  const target = f.target_key ?? '';
  const program = f.program_key ?? '';
  const parent = f.parent_external_id ?? '';
  const amount = f.amount ?? '';
  const qualifier = f.qualifier ?? '';
  const unitValue = f.unit ?? '';
  const yearText = f.year ?? '';
  const status = f.status ?? '';
  const instrument = f.instrument ?? '';
  if ((f.low ?? '') !== '' || (f.high ?? '') !== '' || (f.note ?? '') !== '') return null;
  if ((f.note_zh ?? '') !== '' || (f.inferred ?? '') !== '') return null;
  if (qualifier !== '' && qualifier !== 'EXACT') return null;
  if (!KEY.test(key) || !KEY.test(source) || !KEY.test(target)) return null;
  if (!endsDiffer(source, target)) return null;
  if ((program !== '' && !KEY.test(program)) || (parent !== '' && !KEY.test(parent))) return null;
  if (ownParent(key, parent)) return null;
  if (unitValue !== '' && !UNIT.test(unitValue)) return null;
  if (!/^[0-9]{4}$/.test(yearText)) return null;
  const y = Number(yearText);
  if (y < MIN_YEAR || y > MAX_YEAR || !STATUS_SET.has(status) || !INSTRUMENT_SET.has(instrument)) {
    return null;
  }
  const value = canonicalDecimal(amount);
  if (value === null) return null;
  return {
    type: 'flow',
    key,
    sourceKey: source,
    targetKey: target,
    amount: value,
    qualifier: 'EXACT',
    low: null,
    high: null,
    unit: unitValue || 'CNY',
    year: y,
    status,
    instrument,
    programKey: program || null,
    parentKey: parent || null,
    note: null,
    noteZh: null,
    inferred: '[]',
  };
}

/** A CSV row (fields by column) as a flow record, or its problems by column. */
export function flowFromCsv(
  fields: Partial<Record<FlowColumn, string>>,
): FlowRecord | { column: string; message: string }[] {
  return plainFlow(fields) ?? flowFromCsvSchema(fields);
}

/** flowFromCsv by the zod schema alone. */
export function flowFromCsvSchema(
  fields: Partial<Record<FlowColumn, string>>,
): FlowRecord | { column: string; message: string }[] {
  const values = Object.fromEntries(FLOW_COLUMNS.map((c) => [c, blank(fields[c])]));
  const parsed = flowCsv.safeParse(values);
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => ({
      column: columnOf(issue.path),
      message: issue.message,
    }));
  }
  const f = parsed.data;
  return toFlowRecord({
    key: f.external_id,
    sourceKey: f.source_key,
    targetKey: f.target_key,
    amount: {
      value: f.amount,
      qualifier: f.qualifier ?? 'EXACT',
      low: f.low,
      high: f.high,
      unit: f.unit ?? 'CNY',
    },
    year: f.year,
    status: f.status,
    instrument: f.instrument,
    programKey: f.program_key,
    parentKey: f.parent_external_id,
    note: f.note,
    noteZh: f.note_zh,
    inferred: f.inferred,
  });
}

function columnOf(path: readonly PropertyKey[]): string {
  const head = String(path[0] ?? '');
  // The money refinement reports value/low/high; in a CSV the value is the amount column.
  if (head === 'value') return 'amount';
  return head;
}
