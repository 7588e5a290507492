import { Registry } from 'prom-client';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createTestDb } from '../test/test-db.js';
import { createYogaServer } from '../yoga.js';

const ctx = await createTestDb();
afterAll(() => ctx.close());
const registry = new Registry();
const yoga = createYogaServer(ctx.db, { metrics: registry, maxBodyBytes: 4 * 1024 * 1024 });

async function outcomes() {
  const metric = await registry.getSingleMetric('fundtrace_response_cache_total')?.get();
  return Object.fromEntries(metric?.values.map((v) => [v.labels.result, v.value]) ?? []);
}

async function ask(query: string, variables?: Record<string, unknown>) {
  const response = await yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
}

describe('what the response cache keeps', () => {
  it('keeps no request whose variables are large: an undeclared 1 MiB variable is not held', async () => {
    const big = { unused: 'x'.repeat(1024 * 1024) };
    const before = await outcomes();
    for (let i = 0; i < 3; i++) {
      const answer = await ask('{ __typename }', big);
      expect(answer.errors).toBeUndefined();
      expect(answer.data).toEqual({
        __typename: 'Query',
      });
    }
    const after = await outcomes();
    // each one executed and was not kept: never a hit, never a miss that stores
    expect((after.bypass ?? 0) - (before.bypass ?? 0)).toBe(3);
    expect(after.hit).toBe(before.hit);
    expect(after.miss).toBe(before.miss);
  });

  it('serialises a miss once: the text it keeps is the text it sends', async () => {
    const stringify = vi.spyOn(JSON, 'stringify');
    try {
      const query = '{ programs(first: 3) { edges { node { key name } } } }';
      const result = await ask(query);
      const answers = stringify.mock.calls.filter(
        ([value]) => typeof value === 'object' && value !== null && 'data' in value,
      );
      expect(answers).toHaveLength(1);
      const before = await outcomes();
      expect(await ask(query)).toEqual(result);
      expect((await outcomes()).hit).toBe((before.hit ?? 0) + 1);
    } finally {
      stringify.mockRestore();
    }
  });
});
