import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../../db/database.js';
import { type FieldPath, NotFoundError } from '../errors.js';
import { type DecodedId, decodeGlobalId } from './global-id.js';
import { type RecordTypename, tableOf } from './record-types.js';

/**
 * The one existence check: the record an id names is stored (retracted records are deleted), or
 * a NotFoundError at `path` (a write's input field, or a query's argument).
 */
export async function mustExist(
  db: Kysely<Database>,
  ref: DecodedId<RecordTypename>,
  path: FieldPath,
): Promise<number> {
  // biome-ignore lint/suspicious/noExplicitAny: the record tables share an integer id column
  const row = await (db as Kysely<any>)
    .selectFrom(tableOf(ref.typename))
    .select('id')
    .where('id', '=', ref.id)
    .executeTakeFirst();
  if (!row) throw new NotFoundError(path, ref.raw, ref.typename);
  return ref.id as number;
}

export async function mustExistOrNull(
  db: Kysely<Database>,
  ref: DecodedId<RecordTypename> | null | undefined,
  path: FieldPath,
): Promise<number | null> {
  return ref == null ? null : mustExist(db, ref, path);
}

/** An update's reference: undefined leaves it as it is, null clears it, an id must exist. */
export async function changedReference(
  db: Kysely<Database>,
  ref: DecodedId<RecordTypename> | null | undefined,
  path: FieldPath,
): Promise<number | null | undefined> {
  return ref === undefined ? undefined : mustExistOrNull(db, ref, path);
}

export async function regionMustExist(
  db: Kysely<Database>,
  code: string | null | undefined,
  path: FieldPath,
) {
  if (code == null) return null;
  const row = await db
    .selectFrom('regions')
    .select('code')
    .where('code', '=', code)
    .executeTakeFirst();
  if (!row) throw new NotFoundError(path, code, 'Region');
  return code;
}

export async function metricMustExist(db: Kysely<Database>, metric: string, path: FieldPath) {
  const row = await db
    .selectFrom('metrics')
    .select('key')
    .where('key', '=', metric)
    .executeTakeFirst();
  if (!row) throw new NotFoundError(path, metric, 'Metric');
  return metric;
}

/** A query's argument naming a record: decoded, and the record must exist (else a typed error). */
export async function existingId(
  db: Kysely<Database>,
  typename: RecordTypename,
  value: string,
  argument: string,
): Promise<number> {
  return mustExist(db, decodeGlobalId(value, [typename], argument), [argument]);
}

/**
 * An existence check a query makes in its own statement (no round trip of its own): `exists` is
 * true when the record is stored; `error` is what a missing one raises.
 */
export interface ExistenceCheck {
  exists: RawBuilder<boolean>;
  /** Made only when needed: an error captures a stack, which a read that passes never needs. */
  error: () => NotFoundError;
}

/** A query's argument naming a record, decoded (or an InputError), its check deferred. */
export function idCheck(
  typename: RecordTypename,
  value: string,
  argument: string,
): { id: number; check: ExistenceCheck } {
  const ref = decodeGlobalId(value, [typename], argument);
  const id = ref.id as number;
  return {
    id,
    check: {
      exists: sql<boolean>`exists (select 1 from ${sql.table(tableOf(typename))} where id = ${id})`,
      error: () => new NotFoundError([argument], ref.raw, typename),
    },
  };
}

/** A region code's check, deferred (codes are decoded by the caller). */
export function regionCheck(code: string, argument: string): ExistenceCheck {
  return {
    exists: sql<boolean>`exists (select 1 from regions where code = ${code})`,
    error: () => new NotFoundError([argument], code, 'Region'),
  };
}

/** The checks' results as one SQL array, in their order. */
export const checksArray = (checks: readonly ExistenceCheck[]) =>
  sql<boolean[]>`array[${sql.join(checks.map((c) => c.exists))}]::boolean[]`;

/** Throws the first check's error whose result is false. */
export function throwFirstMissing(checks: readonly ExistenceCheck[], found: readonly boolean[]) {
  const missing = checks.find((_, i) => found[i] !== true);
  if (missing) throw missing.error();
}

/** Runs the checks in one statement; throws the first missing record's error. */
export async function mustAllExist(db: Kysely<Database>, checks: readonly ExistenceCheck[]) {
  if (checks.length === 0) return;
  const { rows } = await sql<{ found: boolean[] }>`select ${checksArray(checks)} as found`.execute(
    db,
  );
  throwFirstMissing(checks, rows[0]?.found ?? []);
}
