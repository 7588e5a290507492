import type { Kysely } from 'kysely';
import type { ActorRow, FlowRow, ObservationRow } from '../../db/database.js';
import type { CitationValue } from '../citation/citation.rules.js';
import { replaceCitations } from '../citation/citation.write.js';
import { ConflictError } from '../errors.js';
import type { DecodedId } from './global-id.js';
import { type Db, INPUT } from './record.write.js';
import { mustExist } from './record-exists.js';
import { citedColumnOf, tableOf } from './record-types.js';
import { type Author, appendRevision, latestRevisions, snapshot } from './revisions.js';

// The updates of actors, flows and observations: load and lock, check, write the changed columns.

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

type RowOf = { Actor: ActorRow; Flow: FlowRow; Observation: ObservationRow };

/**
 * The start of every update: the record the input names, locked until the transaction ends (two
 * writers of one record take turns, the second one seeing what the first wrote). When the input
 * names the revision it was based on and the record has moved on since (another writer, an
 * import), a ConflictError at expectedRevision carries the revision it is at: nothing is
 * written, and the client reloads instead of overwriting a change it never saw.
 */
export async function loadForUpdate<T extends keyof RowOf>(
  db: Db,
  type: T,
  input: { id: DecodedId<T>; expectedRevision?: string | null | undefined },
): Promise<{ id: number; current: RowOf[T] }> {
  const id = await mustExist(db, input.id, [...INPUT, 'id']);
  // biome-ignore lint/suspicious/noExplicitAny: the three tables share an integer id column
  const current = (await (db as Kysely<any>)
    .selectFrom(tableOf(type))
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirstOrThrow()) as RowOf[T];
  const expected = input.expectedRevision;
  if (expected != null) {
    const revision = (await latestRevisions(db, type, [id])).get(id) ?? '0';
    if (revision !== expected) {
      throw new ConflictError(
        `${type} ${input.id.raw} changed since revision ${expected} was read (it is at revision ${revision}); reload it and apply the change again`,
        [...INPUT, 'expectedRevision'],
        revision,
      );
    }
  }
  return { id, current };
}

/**
 * The rest of an update once its values are checked: writes the changed columns and the
 * citations, appends an UPDATE revision when the record's snapshot changed (an update that
 * changes nothing leaves no revision), and returns the row as stored.
 */

export async function finishUpdate<T extends keyof RowOf>(
  db: Db,
  by: Author,
  type: T,
  id: number,
  set: Record<string, unknown>,
  input: { citations?: CitationValue[] | null; reason?: string | null },
): Promise<RowOf[T]> {
  const table: string = tableOf(type);
  // biome-ignore lint/suspicious/noExplicitAny: the three tables share an integer id column
  const any = db as Kysely<any>;
  const before = await snapshot(db, type, id);
  if (Object.keys(set).length) {
    await any.updateTable(table).set(set).where('id', '=', id).execute();
  }
  await replaceCitations(db, citedColumnOf(type), id, input.citations, [...INPUT, 'citations']);
  if (!same(before, await snapshot(db, type, id))) {
    await appendRevision(db, { type, id, action: 'UPDATE', by, reason: input.reason, before });
  }
  return (await any
    .selectFrom(table)
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow()) as RowOf[T];
}
