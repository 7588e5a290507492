import { afterAll, describe, expect, it } from 'vitest';
import { createToken } from './auth/tokens.js';
import { createTestDb } from './test/test-db.js';
import { TEST_ADMIN_TOKEN } from './test/write-client.js';
import { createYogaServer } from './yoga.js';

// Every SQL statement the server runs, to see whether a request looked a token up.
const statements: string[] = [];
const ctx = await createTestDb({ onQuery: (sql) => statements.push(sql) });
afterAll(() => ctx.close());
const yoga = createYogaServer(ctx.db, { adminToken: TEST_ADMIN_TOKEN });
const { secret } = await createToken(ctx.db, { scopes: ['write'], label: 'desk' });

async function lookupsDuring(query: string, token: string) {
  statements.length = 0;
  const response = await yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as {
    data?: Record<string, { __typename?: string; name?: string } | null> | null;
    errors?: { extensions?: { code?: string } }[];
  };
  return { body, lookups: statements.filter((s) => s.includes('api_tokens')).length };
}

const WRITE =
  'mutation { createActor(input: { name: "lookup probe", kind: OTHER }) { __typename } }';

describe('token lookups: reads never, writes once', () => {
  it('a read with a bearer token (valid or unknown) answers without looking it up', async () => {
    for (const token of [secret, `ft_${'x'.repeat(43)}`]) {
      const { body, lookups } = await lookupsDuring('{ region(code: "150000") { name } }', token);
      expect(body.data?.region?.name).toBe('内蒙古自治区');
      expect(lookups).toBe(0);
    }
  });

  it('a write looks the token up once and is recorded under its label', async () => {
    const { body, lookups } = await lookupsDuring(WRITE, secret);
    expect(body.data?.createActor?.__typename).toBe('CreateActorSuccess');
    expect(lookups).toBe(1);
    const { body: refused } = await lookupsDuring(WRITE, `ft_${'y'.repeat(43)}`);
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
