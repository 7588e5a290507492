import { decodeGlobalID } from '@pothos/plugin-relay';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { type IdTable, intIds } from '../db/load-by-ids.js';
import { InputError } from '../errors.js';

export const MIN_YEAR = 1949;
export const MAX_YEAR = 2100;

export function validateYear(year: number, argument = 'year'): number {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new InputError(
      `${argument} must be between ${MIN_YEAR} and ${MAX_YEAR}, got ${year}`,
      argument,
    );
  }
  return year;
}

const TYPENAMES: Record<IdTable, string> = {
  actors: 'Actor',
  documents: 'Document',
  flows: 'Flow',
  observations: 'Observation',
  pairings: 'Pairing',
  programs: 'Program',
};

/** Decodes a global id of one of the given types to its type and integer key, or refuses it. */
export function decodeGlobalId<T extends string>(
  id: string,
  typenames: readonly T[],
  argument: string,
): { kind: T; id: number } {
  let decoded: { typename: string; id: string } | undefined;
  try {
    decoded = decodeGlobalID(id);
  } catch {
    decoded = undefined;
  }
  const [n] = intIds([decoded?.id ?? '']);
  const kind = typenames.find((t) => t === decoded?.typename);
  if (kind === undefined || n === undefined) {
    throw new InputError(`${argument} is not a valid ${typenames.join(' or ')} id`, argument);
  }
  return { kind, id: n };
}

/** Decodes a global id of the table's type to its integer key, or refuses it. */
export function decodeId(table: IdTable, id: string, argument: string): number {
  return decodeGlobalId(id, [TYPENAMES[table]], argument).id;
}

/** Like decodeId, and the row must exist: a filter on an unknown id is an error, not an empty page. */
export async function existingId(
  db: Kysely<Database>,
  table: IdTable,
  id: string,
  argument: string,
): Promise<number> {
  const n = decodeId(table, id, argument);
  // biome-ignore lint/suspicious/noExplicitAny: the id column is shared by these tables
  const row = await (db as Kysely<any>)
    .selectFrom(table)
    .select('id')
    .where('id', '=', n)
    .executeTakeFirst();
  if (!row) throw new InputError(`${argument}: no ${TYPENAMES[table]} with id ${id}`, argument);
  return n;
}

/**
 * GB/T 2260 codes nest by digits: 150000 (province) holds 15xxxx, 150400 (prefecture) holds
 * 1504xx. The prefix selects a region and everything under it.
 */
export function regionPrefix(code: string, argument = 'regionCode'): string {
  if (!/^[1-9]\d{5}$/.test(code)) {
    throw new InputError(
      `${argument} must be a 6-digit GB/T 2260 code, got "${code.slice(0, 20)}"`,
      argument,
    );
  }
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

/** regionPrefix for a code the user gave: it must name a known region. */
export async function existingRegionPrefix(
  db: Kysely<Database>,
  code: string,
  argument = 'regionCode',
): Promise<string> {
  const prefix = regionPrefix(code, argument);
  const row = await db
    .selectFrom('regions')
    .select('code')
    .where('code', '=', code)
    .executeTakeFirst();
  if (!row) throw new InputError(`${argument}: no region with code ${code}`, argument);
  return prefix;
}
