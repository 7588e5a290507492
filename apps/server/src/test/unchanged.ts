import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import type { Database } from '../db/database.js';
import { fingerprint } from './fingerprint.js';

/** Runs `write` and asserts that no table changed (row counts and a digest of every row). */
export async function expectUnchanged<T>(
  db: Kysely<Database>,
  write: () => Promise<T>,
): Promise<T> {
  const before = await fingerprint(db);
  const result = await write();
  expect(await fingerprint(db)).toEqual(before);
  return result;
}
