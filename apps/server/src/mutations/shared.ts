import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { ActorRow, Database, FlowRow, ObservationRow } from '../db/database.js';
import { ConflictError, type FieldPath, NotFoundError, ValidationError } from '../errors.js';
import {
  type Author,
  appendRevision,
  type RecordType,
  retractedKeys,
  snapshot,
} from '../history/revisions.js';
import type { CitationValue, DecodedId } from './inputs.js';

/**
 * The writes behind the mutations. Each takes a transaction (`db` is one), checks what only the
 * database can tell (ids that name records, keys in use), writes, and appends one revision.
 * Paths in errors are the GraphQL input's (["input", "sourceId"]).
 */
export type Db = Kysely<Database>;
export const INPUT: FieldPath = ['input'];

type IdTable = 'actors' | 'flows' | 'observations' | 'programs' | 'documents';

export async function mustExist(
  db: Db,
  table: IdTable,
  ref: DecodedId,
  path: FieldPath,
): Promise<number> {
  // biome-ignore lint/suspicious/noExplicitAny: tables sharing an integer id column
  const row = await (db as Kysely<any>)
    .selectFrom(table)
    .select('id')
    .where('id', '=', ref.id)
    .executeTakeFirst();
  if (!row) throw new NotFoundError(path, ref.raw, ref.typename);
  return ref.id;
}

export async function mustExistOrNull(
  db: Db,
  table: IdTable,
  ref: DecodedId | null | undefined,
  path: FieldPath,
): Promise<number | null> {
  return ref == null ? null : mustExist(db, table, ref, path);
}

export async function regionMustExist(db: Db, code: string | null | undefined, path: FieldPath) {
  if (code == null) return null;
  const row = await db
    .selectFrom('regions')
    .select('code')
    .where('code', '=', code)
    .executeTakeFirst();
  if (!row) throw new NotFoundError(path, code, 'Region');
  return code;
}

export async function metricMustExist(db: Db, metric: string, path: FieldPath) {
  const row = await db
    .selectFrom('metrics')
    .select('key')
    .where('key', '=', metric)
    .executeTakeFirst();
  if (!row) throw new NotFoundError(path, metric, 'Metric');
  return metric;
}

/** A new record's key: the one given, unless a live or retracted record has it; else a fresh one. */
export async function newKey(
  db: Db,
  type: RecordType,
  table: IdTable,
  key: string | null | undefined,
): Promise<string> {
  if (key == null) return `${type.toLowerCase()}-${randomUUID()}`;
  // biome-ignore lint/suspicious/noExplicitAny: tables sharing a key column
  const live = await (db as Kysely<any>)
    .selectFrom(table)
    .select('id')
    .where('key', '=', key)
    .executeTakeFirst();
  if (live)
    throw new ConflictError(`key "${key}" is in use by ${type} ${live.id}`, [...INPUT, 'key']);
  if ((await retractedKeys(db, type, [key])).has(key)) {
    throw new ConflictError(`key "${key}" belonged to a retracted ${type}; choose another`, [
      ...INPUT,
      'key',
    ]);
  }
  return key;
}

type CitedColumn = 'flow_id' | 'observation_id' | 'actor_id';

/**
 * Writes citations of one record: each quote is the document's text at [start, end), in code
 * points, taken by the database (which also checks it, by trigger).
 */
export async function writeCitations(
  db: Db,
  column: CitedColumn,
  recordId: number,
  cites: CitationValue[],
  path: FieldPath | ((index: number) => FieldPath),
): Promise<void> {
  for (const [i, cite] of cites.entries()) {
    const at = typeof path === 'function' ? path(i) : [...path, i];
    const doc = await db
      .selectFrom('documents')
      .select(['id', sql<number>`char_length(text)`.as('length')])
      .where('id', '=', cite.documentId.id)
      .executeTakeFirst();
    if (!doc) throw new NotFoundError([...at, 'documentId'], cite.documentId.raw, 'Document');
    if (cite.end > doc.length) {
      throw new ValidationError([
        {
          path: [...at, 'end'],
          message: `is past the end of the document (${doc.length} characters)`,
        },
      ]);
    }
  }
  if (cites.length === 0) return;
  await sql`insert into citations (document_id, start_offset, end_offset, quote, ${sql.ref(column)})
    select d.id, c.s, c.e, substr(d.text, c.s + 1, c.e - c.s), ${recordId}
    from unnest(${cites.map((c) => c.documentId.id)}::int[], ${cites.map((c) => c.start)}::int[],
                ${cites.map((c) => c.end)}::int[]) as c(doc, s, e)
    join documents d on d.id = c.doc`.execute(db);
}

export async function replaceCitations(
  db: Db,
  column: CitedColumn,
  recordId: number,
  cites: CitationValue[] | null | undefined,
  path: FieldPath,
) {
  if (cites == null) return;
  await db.deleteFrom('citations').where(column, '=', recordId).execute();
  await writeCitations(db, column, recordId, cites, path);
}

/** Skips revisions for updates that change nothing. */
export function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Present (not undefined) fields of an update only. */
export function defined<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(values).filter(([, v]) => v !== undefined),
  ) as Partial<T>;
}

/** After a record is created: its citations, then a CREATE revision. */
export async function finishCreate(
  db: Db,
  by: Author,
  type: 'Actor' | 'Flow' | 'Observation',
  column: CitedColumn,
  id: number,
  input: { citations?: CitationValue[] | null; reason?: string | null },
) {
  await writeCitations(db, column, id, input.citations ?? [], [...INPUT, 'citations']);
  await appendRevision(db, { type, id, action: 'CREATE', by, reason: input.reason, before: null });
}

const TABLE_OF = { Actor: 'actors', Flow: 'flows', Observation: 'observations' } as const;
const CITED_BY = { Actor: 'actor_id', Flow: 'flow_id', Observation: 'observation_id' } as const;

/**
 * The rest of an update once its values are checked: writes the changed columns and the
 * citations, appends an UPDATE revision when the record's snapshot changed (an update that
 * changes nothing leaves no revision), and returns the row as stored.
 */
type RowOf = { Actor: ActorRow; Flow: FlowRow; Observation: ObservationRow };

export async function finishUpdate<T extends keyof RowOf>(
  db: Db,
  by: Author,
  type: T,
  id: number,
  set: Record<string, unknown>,
  input: { citations?: CitationValue[] | null; reason?: string | null },
): Promise<RowOf[T]> {
  const table: string = TABLE_OF[type];
  // biome-ignore lint/suspicious/noExplicitAny: the three tables share an integer id column
  const any = db as Kysely<any>;
  const before = await snapshot(db, type, id);
  if (Object.keys(set).length) {
    await any.updateTable(table).set(set).where('id', '=', id).execute();
  }
  await replaceCitations(db, CITED_BY[type], id, input.citations, [...INPUT, 'citations']);
  if (!same(before, await snapshot(db, type, id))) {
    await appendRevision(db, { type, id, action: 'UPDATE', by, reason: input.reason, before });
  }
  return (await any
    .selectFrom(table)
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow()) as RowOf[T];
}
