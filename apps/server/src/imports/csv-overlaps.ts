import type { Problems } from './problems.js';
import { jsonRecord, type OverlapRecord } from './records.js';

/** The columns of an overlaps CSV: those of /export/overlaps.csv (`id` is ignored on import). */
export const OVERLAP_COLUMNS = [
  'key',
  'flow_a_key',
  'flow_b_key',
  'certainty',
  'max_shared',
  'stated_total',
  'note',
  'note_zh',
  'id',
] as const;

/** Whether a CSV header is that of overlaps (the flows' has no flow_a_key). */
export const isOverlapHeader = (fields: string[]) => fields.some((f) => f.trim() === 'flow_a_key');

/** The header's column indexes, or null with a problem per missing or unknown column. */
export function overlapHeader(fields: string[], problems: Problems): Map<string, number> | null {
  const names = fields.map((f) => f.trim());
  const before = problems.count;
  for (const name of names) {
    if (!(OVERLAP_COLUMNS as readonly string[]).includes(name)) {
      problems.add(
        0,
        name.slice(0, 60),
        `unknown column; the columns are ${OVERLAP_COLUMNS.join(',')}`,
      );
    }
  }
  for (const required of ['key', 'flow_a_key', 'flow_b_key', 'certainty']) {
    if (!names.includes(required))
      problems.add(0, required, 'required column missing from the header');
  }
  return problems.count > before ? null : new Map(names.map((n, i) => [n, i]));
}

/** One overlaps CSV row as a record (the JSON import's rules), or its problems. */
export function overlapFromCsv(
  fields: string[],
  columns: Map<string, number>,
): OverlapRecord | { column: string | null; message: string }[] {
  const get = (name: string) => {
    const i = columns.get(name);
    const v = i === undefined ? '' : (fields[i] ?? '');
    return v === '' ? null : v;
  };
  const parsed = jsonRecord.safeParse({
    type: 'overlap',
    key: get('key'),
    flowKeys: [get('flow_a_key'), get('flow_b_key')],
    certainty: get('certainty'),
    maxShared: get('max_shared'),
    statedTotal: get('stated_total'),
    note: get('note'),
    noteZh: get('note_zh'),
  });
  if (parsed.success) return parsed.data as OverlapRecord;
  return parsed.error.issues.map((issue) => ({
    column: csvColumn(issue.path.map(String)),
    message: issue.message,
  }));
}

const csvColumn = (path: string[]) =>
  path[0] === 'flowKeys'
    ? path[1] === '1'
      ? 'flow_b_key'
      : 'flow_a_key'
    : ({ maxShared: 'max_shared', statedTotal: 'stated_total', noteZh: 'note_zh' }[path[0] ?? ''] ??
      path[0] ??
      null);
