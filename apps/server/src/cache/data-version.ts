import type { Kysely } from 'kysely';
import pg from 'pg';
import { type ScopedVersions, scopedVersions } from '../db/data-version.js';
import type { Database } from '../db/database.js';

/**
 * The data version (a counter every write bumps, see the data_version migrations) and the versions
 * of the scopes writes touched (data_scopes: tables, flow years), as cheaply as they can be known. On PostgreSQL a listener hears the NOTIFY that every bump sends (at commit)
 * and the last version read stays valid until then, so a cached response costs no statement.
 * Until the listener is up, after it drops, and on PGlite (one process, an in-process read),
 * every call reads the counter.
 */
export interface DataVersions {
  current(): Promise<ScopedVersions>;
  /** After a write through this server: forget the version without waiting for the NOTIFY. */
  invalidate(): void;
  close(): Promise<void>;
}

/** However quiet the listener, the counter is read again after this long (a lost NOTIFY heals). */
const MAX_AGE_MS = 5_000;

export function dataVersions(db: Kysely<Database>, databaseUrl?: string): DataVersions {
  let known: ScopedVersions | null = null;
  let knownAt = 0;
  /** Bumped by every notification: a read that started before one must not be kept. */
  let generation = 0;
  let client: pg.Client | null = null;
  let listening = false;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;

  const forget = () => {
    generation++;
    known = null;
  };

  async function listen() {
    if (!databaseUrl || closed) return;
    // keepAlive: a connection that dies silently (NAT, failover) is noticed and reopened.
    const c = new pg.Client({ connectionString: databaseUrl, keepAlive: true });
    client = c;
    const lost = () => {
      if (client !== c) return;
      listening = false;
      client = null;
      forget();
      c.end().catch(() => {});
      if (!closed) retry = setTimeout(() => void listen(), 1_000).unref();
    };
    c.on('error', lost);
    c.on('end', lost);
    c.on('notification', forget);
    try {
      await c.connect();
      const { rows } = await c.query<{ channel: string }>(
        `select 'fundtrace_data_version:' || current_schema() as channel`,
      );
      await c.query(`listen "${(rows[0]?.channel ?? '').replaceAll('"', '""')}"`);
      // The listener must not keep a process (a test, a CLI) alive on its own.
      (
        c as unknown as { connection?: { stream?: { unref?: () => void } } }
      ).connection?.stream?.unref?.();
      if (client === c) {
        forget();
        listening = true;
      }
    } catch {
      lost();
    }
  }
  void listen();

  return {
    async current() {
      if (listening && known !== null && Date.now() - knownAt < MAX_AGE_MS) return known;
      const started = generation;
      const version = await scopedVersions(db);
      if (listening && started === generation) {
        known = version;
        knownAt = Date.now();
      }
      return version;
    },
    invalidate: forget,
    async close() {
      closed = true;
      clearTimeout(retry);
      listening = false;
      const c = client;
      client = null;
      await c?.end().catch(() => {});
    },
  };
}
