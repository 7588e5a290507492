import type { Kysely, Selectable } from 'kysely';
import type { Database } from './database.js';

export type IdTable = 'documents' | 'programs' | 'actors' | 'flows' | 'observations' | 'pairings';

/** Integer ids from global-id strings; anything else cannot name a row and is dropped. */
export function intIds(ids: readonly (string | number)[]): number[] {
  return ids.map(Number).filter((n) => Number.isSafeInteger(n) && n > 0 && n <= 2_147_483_647);
}

/** One statement for a batch of ids; the dataloader's `sort` puts rows back in order. */
export async function loadByIds<T extends IdTable>(
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
    .where('id', 'in', valid)
    .execute();
  return rows as Selectable<Database[T]>[];
}
