import { createPubSub } from 'graphql-yoga';
import pg from 'pg';
import { CHANNEL_PREFIX, type FlowsEvent, parseFlowsEvent } from '../domain/flow/flow.events.js';

/**
 * Flow events for subscriptions, one per committed write (a recordFlow, an import). With PostgreSQL every server listens on the schema's channel
 * (one connection, opened at the first subscription), so a subscriber hears flows recorded by
 * any replica. On PGlite there is one process: `committed` publishes directly.
 */
export function createEvents(databaseUrl?: string) {
  const local = createPubSub<{ flowsRecorded: [event: FlowsEvent] }>();
  let listener: Promise<pg.Client> | null = null;

  function listen(): Promise<pg.Client> | null {
    if (!databaseUrl) return null;
    if (listener) return listener;
    const client = new pg.Client({ connectionString: databaseUrl, keepAlive: true });
    client.on('notification', (message) => {
      const event = parseFlowsEvent(message.payload ?? '');
      if (event) local.publish('flowsRecorded', event);
    });
    // A lost connection is opened again by the next subscription.
    client.on('error', () => {
      listener = null;
    });
    listener = (async () => {
      await client.connect();
      const { rows } = await client.query<{ channel: string }>(
        'select $1::text || current_schema() as channel',
        [CHANNEL_PREFIX],
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
    /** The writes of flows from now on; resolves once this server listens. */
    async subscribe() {
      await listen();
      return local.subscribe('flowsRecorded');
    },
    /** After a write of flows committed: without a shared channel, tell this server's subscribers. */
    committed(event: FlowsEvent | null) {
      if (!databaseUrl && event) local.publish('flowsRecorded', event);
    },
    async close() {
      const client = await listener?.catch(() => null);
      listener = null;
      await client?.end();
    },
  };
}
export type Events = ReturnType<typeof createEvents>;
