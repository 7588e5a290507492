import type { Kysely } from 'kysely';
import type pg from 'pg';

const pools = new WeakMap<Kysely<never>, pg.Pool>();

/** Remembers the PostgreSQL pool behind a Kysely instance, for metrics and readiness. */
export function registerPool<T>(db: Kysely<T>, pool: pg.Pool): Kysely<T> {
  pools.set(db as unknown as Kysely<never>, pool);
  return db;
}

/** The pool behind `db`, or null on PGlite. */
export const poolOf = <T>(db: Kysely<T>): pg.Pool | null =>
  pools.get(db as unknown as Kysely<never>) ?? null;
