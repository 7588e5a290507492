import { get } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { readConfig } from '../config.js';
import type { Database } from '../db/database.js';
import { FLOWS_PER_EVENT } from '../domain/flow/flow.events.js';
import { FLOW_COLUMNS } from '../imports/csv-flows.js';
import { createEvents } from '../mutations/events.js';
import { createLogger } from '../observability/logger.js';
import { createTestDb } from '../test/test-db.js';
import { writeClient } from '../test/write-client.js';
import { createYogaServer } from '../yoga.js';

// Hostile input: many anonymous subscribers with heavy selections, then a write that
// announces many flows. Subscriptions are capped, priced, and health checks keep answering.
const ctx = await createTestDb();
/** An admin token as long as the server demands (32 characters or more). */
const ADMIN = 'storm-admin-token-0123456789abcdef';
afterAll(() => ctx.close());

type Fetcher = (url: string, init: RequestInit) => Promise<Response>;

/** Opens a subscription over SSE from `client` (an X-Forwarded-For address). */
function subscribe(fetcher: Fetcher, base: string, client: string, query?: string) {
  return fetcher(`${base}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'text/event-stream',
      'x-forwarded-for': client,
    },
    body: JSON.stringify({ query: query ?? 'subscription { flowRecorded { key year } }' }),
  });
}

interface Opened {
  /** The subscription runs: its first chunk is a keep-alive, not an error. */
  ok: boolean;
  /** The first chunk: for a refusal, the event with its errors. */
  first: string;
  reader: ReadableStreamDefaultReader<Uint8Array>;
}

async function opened(response: Promise<Response>): Promise<Opened> {
  const reader = ((await response).body as ReadableStream<Uint8Array>).getReader();
  const { value } = await reader.read();
  const first = new TextDecoder().decode(value);
  return { ok: !first.includes('"errors"'), first, reader };
}

const errorOf = (o: Opened | undefined) =>
  (
    JSON.parse(o?.first.split('data:')[1]?.split('\n')[0] ?? '{}') as {
      errors?: { message: string; extensions?: { code?: string } }[];
    }
  ).errors?.[0];

const healthz = (base: string) =>
  new Promise<number | undefined>((resolve, reject) => {
    get(`${base}/healthz`, { agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode);
    }).on('error', reject);
  });

/** A CSV import of `rows` new flows keyed `<prefix>-<i>`, between two actors of the seed. */
async function stormCsv(db: Kysely<Database>, prefix: string, rows: number) {
  const [a, b] = await db.selectFrom('actors').select('key').limit(2).execute();
  const row = (i: number): Record<string, string> => ({
    external_id: `${prefix}-${i}`,
    source_key: a?.key ?? '',
    target_key: b?.key ?? '',
    amount: '1000',
    year: '2018',
    status: 'DISBURSED',
    instrument: 'GRANT',
  });
  const lines = Array.from({ length: rows }, (_, i) =>
    FLOW_COLUMNS.map((c) => row(i)[c] ?? '').join(','),
  );
  return `${[FLOW_COLUMNS.join(','), ...lines].join('\n')}\n`;
}

/** Asks /healthz 20 times, each answer 200; the slowest answer's milliseconds. */
async function slowestHealthz(base: string): Promise<number> {
  let slowest = 0;
  for (let i = 0; i < 20; i++) {
    const started = Date.now();
    expect(await healthz(base)).toBe(200);
    slowest = Math.max(slowest, Date.now() - started);
    await new Promise((r) => setTimeout(r, 10));
  }
  return slowest;
}

describe('subscriptions', () => {
  it('caps open subscriptions per client and in total, and frees a place when one closes', async () => {
    const yoga = createYogaServer(ctx.db, {
      subscriptions: { perClient: 2, total: 3, trustProxy: true },
    });
    const open = (client: string) =>
      opened(subscribe(async (u, i) => yoga.fetch(u, i), 'http://localhost', client));
    const first = await open('10.0.0.1');
    const second = await open('10.0.0.1');
    expect([first.ok, second.ok]).toEqual([true, true]);
    const third = await open('10.0.0.1');
    expect(third.ok).toBe(false);
    expect(errorOf(third)?.extensions?.code).toBe('TOO_MANY_SUBSCRIPTIONS');
    expect(errorOf(third)?.message).toMatch(/at most 2 open subscriptions per client/i);
    const other = await open('10.0.0.2');
    expect(other.ok).toBe(true);
    const fourth = await open('10.0.0.3');
    expect(errorOf(fourth)?.message).toMatch(/holds 3 subscriptions/);
    // A closed stream gives its place back.
    await first.reader.cancel();
    let again: Opened | null = null;
    for (let i = 0; i < 50 && !again?.ok; i++) {
      await new Promise((r) => setTimeout(r, 20));
      again = await open('10.0.0.3');
    }
    expect(again?.ok).toBe(true);
    for (const o of [second, other, again]) await o?.reader.cancel();
  });
});

describe('one event per write', () => {
  it('an import is one event, whatever its rows, on this database (NOTIFY on PostgreSQL)', async () => {
    const events = createEvents(ctx.url);
    try {
      const gql = writeClient(ctx.db, { events });
      const stream = await opened(
        subscribe(
          async (u, i) => gql.yoga.fetch(u, i),
          'http://l',
          '1',
          'subscription { flowsRecorded { count flows { key } } }',
        ),
      );
      expect(stream.ok, stream.first).toBe(true);
      const imported = await gql<{ importDataset: { __typename: string } }>(
        'mutation($input: ImportInput!) { importDataset(input: $input) { __typename } }',
        { input: { format: 'CSV', data: await stormCsv(ctx.db, 'one-event', 150) } },
      );
      expect(imported.data?.importDataset.__typename).toBe('ImportDatasetSuccess');
      // A flow recorded after the import: its event follows the import's one.
      const [a, b] = await ctx.db.selectFrom('actors').select('id').limit(2).execute();
      await gql('mutation($input: RecordFlowInput!) { recordFlow(input: $input) { __typename } }', {
        input: {
          key: 'after-import',
          sourceId: Buffer.from(`Actor:${a?.id}`).toString('base64'),
          targetId: Buffer.from(`Actor:${b?.id}`).toString('base64'),
          amount: { value: '1' },
          year: 2018,
          status: 'DISBURSED',
          instrument: 'GRANT',
        },
      });
      let text = '';
      while (!text.includes('after-import')) {
        const { value, done } = await stream.reader.read();
        if (done) break;
        text += new TextDecoder().decode(value);
      }
      await stream.reader.cancel();
      const got = text
        .split('\n')
        .filter((line) => line.startsWith('data:'))
        .map(
          (line) =>
            JSON.parse(line.slice(5)).data.flowsRecorded as {
              count: number;
              flows: { key: string }[];
            },
        );
      expect(got.map((e) => [e.count, e.flows.length, e.flows[0]?.key])).toEqual([
        [150, FLOWS_PER_EVENT, 'one-event-0'],
        [1, 1, 'after-import'],
      ]);
    } finally {
      await events.close();
    }
  });

  it('prices a subscription’s selection with the cost limit', async () => {
    const yoga = createYogaServer(ctx.db);
    const heavy = `subscription { flowRecorded { source { outflows(first: 100) { edges { node {
      target { outflows(first: 100) { edges { node { key year status instrument note } } } } } } } } } }`;
    const answer = await opened(
      subscribe(async (u, i) => yoga.fetch(u, i), 'http://l', '1', heavy),
    );
    expect(answer.ok, answer.first).toBe(false);
    expect(errorOf(answer)?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });
});

describe('a subscription storm', () => {
  it('a storm (subscribers and an import of 200 flows) is one event per subscriber, and /healthz keeps answering', async () => {
    const app = await createApp(
      readConfig({ PGLITE_DIR: 'memory://', ADMIN_TOKEN: ADMIN }),
      createLogger('error', { write: () => {} }),
    );
    await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    try {
      const limit = readConfig({}).subscriptions.perClient;
      const streams: Opened[] = [];
      // The last subscriber under the cap asks for the whole write; the others for its flow.
      const batch = 'subscription { flowsRecorded { count flows { key } } }';
      for (let i = 0; i <= limit; i++) {
        streams.push(
          await opened(subscribe(fetch, base, 'x', i === limit - 1 ? batch : undefined)),
        );
      }
      // Without a trusted proxy every stream comes from 127.0.0.1: one over the cap is refused.
      const live = streams.filter((o) => o.ok);
      expect(live).toHaveLength(limit);
      expect(errorOf(streams[limit])?.extensions?.code).toBe('TOO_MANY_SUBSCRIPTIONS');
      const counts = live.map(() => 0);
      const received: string[] = [];
      const reading = live.map(async ({ reader }, i) => {
        let text = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          text += new TextDecoder().decode(value);
          const events = text.split('\n\n');
          text = events.pop() ?? '';
          const data = events.filter((e) => e.includes('"data"'));
          received.push(...data);
          counts[i] = (counts[i] ?? 0) + data.length;
        }
      });
      const csv = await stormCsv(app.db, 'storm', 200);
      const imported = fetch(`${base}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${ADMIN}`,
        },
        body: JSON.stringify({
          query: 'mutation($input: ImportInput!) { importDataset(input: $input) { __typename } }',
          variables: { input: { format: 'CSV', data: csv } },
        }),
      });
      expect(await (await imported).json()).toEqual({
        data: { importDataset: { __typename: 'ImportDatasetSuccess' } },
      });
      // While the events go out, the health check answers (a new connection each time).
      const slowest = await slowestHealthz(base);
      // One event per import, not one per row: each subscriber runs its selection once.
      for (let i = 0; i < 200 && counts.some((n) => n < 1); i++) {
        await new Promise((r) => setTimeout(r, 50));
      }
      await new Promise((r) => setTimeout(r, 300));
      expect(counts).toEqual(live.map(() => 1));
      const whole = received.find((e) => e.includes('flowsRecorded')) ?? '';
      const event = JSON.parse(whole.slice(whole.indexOf('{'))) as {
        data: { flowsRecorded: { count: number; flows: { key: string }[] } };
      };
      expect(event.data.flowsRecorded.count).toBe(200);
      expect(event.data.flowsRecorded.flows).toHaveLength(FLOWS_PER_EVENT);
      expect(event.data.flowsRecorded.flows[0]?.key).toBe('storm-0');
      expect(slowest).toBeLessThan(1_000);
      for (const o of live) await o.reader.cancel().catch(() => {});
      await Promise.allSettled(reading);
    } finally {
      app.endStreams();
      await new Promise((resolve) => app.server.close(resolve));
      await app.close();
    }
  }, 180_000);
});
