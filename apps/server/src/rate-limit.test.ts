import { parse } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import { ALL_YEARS_TRACE_POINTS, operationCost } from './rate-limit.js';
import { createTestDb } from './test/test-db.js';
import { TEST_ADMIN_TOKEN } from './test/write-client.js';
import { createYogaServer } from './yoga.js';

const ctx = await createTestDb();
afterAll(() => ctx.close());

const limits = { writes: 2, expensive: 3, windowSeconds: 60, trustProxy: true };

function client() {
  const yoga = createYogaServer(ctx.db, { rateLimits: limits, adminToken: TEST_ADMIN_TOKEN });
  return async (query: string, headers: Record<string, string> = {}) => {
    const response = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.0.0.1', ...headers },
      body: JSON.stringify({ query }),
    });
    const body = (await response.json()) as {
      data?: unknown;
      errors?: { message: string; extensions: Record<string, unknown> }[];
    };
    return { response, body };
  };
}

const TOTALS = '{ totals(groupBy: [YEAR]) { year } }';
const CHEAP = '{ programs { edges { node { id } } } }';
const WRITE = 'mutation { retractFlow(input: { id: "RmxvdzoxMDAwMDA=" }) { __typename } }';

describe('operationCost', () => {
  it.each([
    [CHEAP, null],
    [TOTALS, { bucket: 'expensive', points: 1 }],
    ['{ a: totals(groupBy: [YEAR]) { year } b: trace(from: "x", year: 2017) { __typename } }', 2],
    ['query { ...F } fragment F on Query { trace(from: "x", year: $y) { __typename } }', 1],
    // a trace over every year reaches the whole graph
    ['{ trace(from: "x") { __typename } }', ALL_YEARS_TRACE_POINTS],
    // work below the root counts too
    [
      '{ region(code: "1") { boundary { __typename } a: children { boundary { __typename } } } }',
      2,
    ],
    ['query { node(id: "x") { ...A } } fragment A on Actor { balance { __typename } }', 1],
    ['{ ... on Query { boundaryTotals(regionCode: "150000") { __typename } } }', 1],
    [WRITE, { bucket: 'writes', points: 1 }],
  ])('%s', (query, expected) => {
    const cost = operationCost(parse(query));
    if (typeof expected === 'number') expect(cost?.points).toBe(expected);
    else expect(cost).toEqual(expected);
  });
});

describe('rate limits', () => {
  it('expensive queries: headers count down, then 429 RATE_LIMITED with Retry-After', async () => {
    const run = client();
    for (let remaining = 2; remaining >= 0; remaining--) {
      const { response, body } = await run(TOTALS);
      expect(body.errors).toBeUndefined();
      expect(response.headers.get('ratelimit-limit')).toBe('3');
      expect(response.headers.get('ratelimit-remaining')).toBe(String(remaining));
      expect(Number(response.headers.get('ratelimit-reset'))).toBeGreaterThan(0);
    }
    const { response, body } = await run(TOTALS);
    expect(response.status).toBe(429);
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0]?.extensions.code).toBe('RATE_LIMITED');
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(response.headers.get('ratelimit-remaining')).toBe('0');
    // Cheap reads are never limited; another client IP has its own budget.
    expect((await run(CHEAP)).response.status).toBe(200);
    expect((await run(TOTALS, { 'x-forwarded-for': '10.0.0.2' })).response.status).toBe(200);
  });

  it('aliases cost one point each', async () => {
    const run = client();
    const aliased = `{ ${['a', 'b', 'c', 'd'].map((a) => `${a}: totals(groupBy: [YEAR]) { year }`).join(' ')} }`;
    const { body } = await run(aliased);
    expect(body.errors?.[0]?.extensions.code).toBe('RATE_LIMITED');
  });

  it('writes: per IP, and per token wherever it comes from', async () => {
    const run = client();
    const auth = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };
    for (const ip of ['10.1.0.1', '10.1.0.2']) {
      const { response } = await run(WRITE, { ...auth, 'x-forwarded-for': ip });
      expect(response.headers.get('ratelimit-limit')).toBe('2');
    }
    // Third write of the token, from a fresh IP: the token's budget is spent.
    const third = await run(WRITE, { ...auth, 'x-forwarded-for': '10.1.0.3' });
    expect(third.response.status).toBe(429);
    expect(third.body.errors?.[0]?.extensions.code).toBe('RATE_LIMITED');
    // Anonymous writes from one IP: refused by the IP's budget, whatever token is invented.
    const ip = { 'x-forwarded-for': '10.1.0.9' };
    await run(WRITE, ip);
    await run(WRITE, { ...ip, authorization: 'Bearer invented-1' });
    const refused = await run(WRITE, { ...ip, authorization: 'Bearer invented-2' });
    expect(refused.response.status).toBe(429);
  });
});
