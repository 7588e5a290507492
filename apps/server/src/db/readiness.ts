import { type Kysely, sql } from 'kysely';
import type pg from 'pg';
import type { Database } from './database.js';

/** /readyz answers within this long even when the database hangs. */
const PROBE_TIMEOUT_MS = 2_000;

export interface DatabaseState {
  database: 'up' | 'down';
  /** PostgreSQL only: connections open, idle, and queries waiting for one. */
  pool?: { total: number; idle: number; waiting: number };
}

/** Whether the database answers a trivial query now, and how the pool stands. */
export async function databaseState(
  db: Kysely<Database>,
  pool: pg.Pool | null,
): Promise<DatabaseState> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('probe timed out')), PROBE_TIMEOUT_MS);
  });
  let up = true;
  try {
    await Promise.race([sql`select 1`.execute(db), timeout]);
  } catch {
    up = false;
  } finally {
    clearTimeout(timer);
  }
  return {
    database: up ? 'up' : 'down',
    ...(pool
      ? { pool: { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount } }
      : {}),
  };
}
