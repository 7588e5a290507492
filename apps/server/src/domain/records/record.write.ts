import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { CitationValue } from '../citation/citation.rules.js';
import { writeCitations } from '../citation/citation.write.js';
import { ConflictError, type FieldPath } from '../errors.js';
import { citedColumnOf, tableOf } from './record-types.js';
import { type Author, appendRevision, type RecordType, retractedKeys } from './revisions.js';

/**
 * The writes behind the mutations. Each takes a transaction (`db` is one), checks what only the
 * database can tell (ids that name records, keys in use), writes, and appends one revision.
 * Paths in errors are the GraphQL input's (["input", "sourceId"]).
 */
export type Db = Kysely<Database>;
export const INPUT: FieldPath = ['input'];

/** A new record's key: the one given, unless a live or retracted record has it; else a fresh one. */
export async function newKey(
  db: Db,
  type: RecordType,
  key: string | null | undefined,
): Promise<string> {
  if (key == null) return `${type.toLowerCase()}-${randomUUID()}`;
  // biome-ignore lint/suspicious/noExplicitAny: tables sharing a key column
  const live = await (db as Kysely<any>)
    .selectFrom(tableOf(type))
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

/** After a record is created: its citations, then a CREATE revision. */
export async function finishCreate(
  db: Db,
  by: Author,
  type: 'Actor' | 'Flow' | 'Observation' | 'Overlap' | 'Pairing',
  id: number,
  input: { citations?: CitationValue[] | null; reason?: string | null },
) {
  await writeCitations(db, citedColumnOf(type), id, input.citations ?? [], [...INPUT, 'citations']);
  await appendRevision(db, { type, id, action: 'CREATE', by, reason: input.reason, before: null });
}
