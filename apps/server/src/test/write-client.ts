import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { createYogaServer, type YogaOptions } from '../yoga.js';
import type { GraphQLResult } from './test-db.js';

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
