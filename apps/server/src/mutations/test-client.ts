import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/database.js';
import type { GraphQLResult } from '../test/test-db.js';
import { createYogaServer, type YogaOptions } from '../yoga.js';

export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789';

/** Runs an operation through the real Yoga server with a bearer token (ADMIN_TOKEN by default). */
export function writeClient(db: Kysely<Database>, options: YogaOptions = {}) {
  const yoga = createYogaServer(db, { adminToken: TEST_ADMIN_TOKEN, ...options });
  const run = async <T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token: string | null = TEST_ADMIN_TOKEN,
  ): Promise<GraphQLResult<T> & { status: number }> => {
    const response = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, ...((await response.json()) as GraphQLResult<T>) };
  };
  return Object.assign(run, { yoga });
}

/**
 * Opens a flowRecorded subscription over SSE on `client`'s server, runs `record`, and returns
 * the first event that mentions `key` (the subscription is closed then).
 */
export async function firstFlowEvent(
  client: ReturnType<typeof writeClient>,
  record: () => Promise<unknown>,
  key: string,
): Promise<unknown> {
  const response = await client.yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ query: 'subscription { flowRecorded { key year } }' }),
  });
  if (!response.headers.get('content-type')?.includes('text/event-stream')) {
    throw new Error(`not an event stream: ${response.headers.get('content-type')}`);
  }
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const recorded = record();
  let text = '';
  while (!text.includes(key)) {
    const { value, done } = await reader.read();
    if (done) break;
    text += new TextDecoder().decode(value);
  }
  await reader.cancel();
  await recorded;
  const event = text.split('\n').find((line) => line.startsWith('data:') && line.includes(key));
  return JSON.parse(event?.slice(5) ?? '{}');
}

const TABLES = [
  'actors',
  'flows',
  'observations',
  'documents',
  'citations',
  'pairings',
  'programs',
  'metrics',
  'actor_members',
  'revisions',
  'api_tokens',
] as const;

/**
 * Row count and a digest of every row of the data tables: equal fingerprints mean nothing was
 * written (the data version counter is left out: it counts statements, not content).
 */
export async function fingerprint(db: Kysely<Database>): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of TABLES) {
    const { rows } = await sql<{ n: number; digest: string | null }>`
      select count(*)::int as n,
        md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest
      from ${sql.table(table)} t`.execute(db);
    const row = rows[0];
    out[table] = `${row?.n}:${createHash('sha1')
      .update(row?.digest ?? '')
      .digest('hex')
      .slice(0, 12)}`;
  }
  return out;
}
