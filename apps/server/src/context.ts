import type { Kysely } from 'kysely';
import type { Database } from './db/database.js';

export interface Context {
  db: Kysely<Database>;
}

export function createContext(db: Kysely<Database>): Context {
  return { db };
}
