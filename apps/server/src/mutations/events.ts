import { createPubSub } from 'graphql-yoga';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import type { Database } from '../db/database.js';

/** The channel of one schema: tests (and tenants) that share a database do not hear each other. */
const CHANNEL = sql`'fundtrace_flow_recorded:' || current_schema()`;

/**
 * Announces a recorded flow to every server of the deployment: a NOTIFY sent inside the write's
 * transaction, which PostgreSQL delivers once the transaction commits (never if it rolls back).
 */
export async function announceFlow(db: Kysely<Database>, flowId: number): Promise<void> {
  await sql`select pg_notify(${CHANNEL}, ${String(flowId)})`.execute(db);
}

/** How many flows one import announces: enough to refresh every open view, not a flood. */
export const IMPORT_ANNOUNCE_MAX = 1000;

/**
 * Announces the flows the current transaction (an import) created or changed, by its revisions
 * after `sinceRevision` (read before it wrote, so that the primary key bounds the search instead
 * of a scan of every revision), at most IMPORT_ANNOUNCE_MAX of them, in one statement; returns
 * their ids. Revisions that other transactions committed meanwhile are not this import's.
 */
export async function announceImportedFlows(
  db: Kysely<Database>,
  sinceRevision: number,
): Promise<number[]> {
  const { rows } = await sql<{
    id: number;
  }>`select record_id as id, pg_notify(${CHANNEL}, record_id::text)
    from (select distinct record_id from revisions
      where id > ${sinceRevision} and xmin = pg_current_xact_id()::xid and record_type = 'Flow'
        and action in ('CREATE', 'UPDATE')
      order by record_id limit ${IMPORT_ANNOUNCE_MAX}) r`.execute(db);
  return rows.map((r) => r.id);
}

/**
 * Flow events for subscriptions. With PostgreSQL every server listens on the schema's channel
 * (one connection, opened at the first subscription), so a subscriber hears flows recorded by
 * any replica. On PGlite there is one process: `committed` publishes directly.
 */
export function createEvents(databaseUrl?: string) {
  const local = createPubSub<{ flowRecorded: [flowId: number] }>();
  let listener: Promise<pg.Client> | null = null;

  function listen(): Promise<pg.Client> | null {
    if (!databaseUrl) return null;
    if (listener) return listener;
    const client = new pg.Client({ connectionString: databaseUrl, keepAlive: true });
    client.on('notification', (message) => {
      const id = Number(message.payload);
      if (Number.isSafeInteger(id) && id > 0) local.publish('flowRecorded', id);
    });
    // A lost connection is opened again by the next subscription.
    client.on('error', () => {
      listener = null;
    });
    listener = (async () => {
      await client.connect();
      const { rows } = await client.query<{ channel: string }>(
        `select 'fundtrace_flow_recorded:' || current_schema() as channel`,
      );
      await client.query(`listen "${(rows[0]?.channel ?? '').replaceAll('"', '""')}"`);
      return client;
    })();
    listener.catch(() => {
      listener = null;
    });
    return listener;
  }

  return {
    /** The flows recorded from now on; resolves once this server listens. */
    async subscribe() {
      await listen();
      return local.subscribe('flowRecorded');
    },
    /** After a recordFlow committed: without a shared channel, tell this server's subscribers. */
    committed(flowId: number) {
      if (!databaseUrl) local.publish('flowRecorded', flowId);
    },
    async close() {
      const client = await listener?.catch(() => null);
      listener = null;
      await client?.end();
    },
  };
}
export type Events = ReturnType<typeof createEvents>;
