import type { Kysely, Selectable } from 'kysely';
import { anyOf } from '../../db/any-of.js';
import type { Database } from '../../db/database.js';
import { intIds } from './global-id.js';
import type { RecordTable } from './record-types.js';

/** One statement for a batch of ids; the dataloader's `sort` puts rows back in order. */
export async function loadByIds<T extends RecordTable>(
  db: Kysely<Database>,
  table: T,
  ids: readonly (string | number)[],
): Promise<Selectable<Database[T]>[]> {
  const valid = intIds(ids);
  if (valid.length === 0) return [];
  // biome-ignore lint/suspicious/noExplicitAny: one generic loader for tables sharing an id column
  const rows = await (db as Kysely<any>)
    .selectFrom(table)
    .selectAll()
    .where('id', '=', anyOf(valid, 'int'))
    .execute();
  return rows as Selectable<Database[T]>[];
}
