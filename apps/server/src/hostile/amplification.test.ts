import { encodeGlobalID } from '@pothos/plugin-relay';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../limits.js';
import { ALL_YEARS_TRACE_POINTS } from '../rate-limit.js';
import { fingerprint } from '../test/fingerprint.js';
import { createTestDb, type GraphQLResult } from '../test/test-db.js';
import { createYogaServer } from '../yoga.js';

// Hostile input: small queries that ask for huge answers or for much work.
const ctx = await createTestDb();
afterAll(() => ctx.close());

function client(options: Parameters<typeof createYogaServer>[1] = {}) {
  const yoga = createYogaServer(ctx.db, options);
  return async (query: string, variables?: object) => {
    const response = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResult<Record<string, unknown>>;
  };
}

describe('amplifying queries', () => {
  it('lists that grow are pages of at most 100, refusing more', async () => {
    const gql = client();
    for (const field of ['observations', 'documents', 'programs']) {
      const refused = await gql(`{ ${field}(first: 101) { edges { node { id } } } }`);
      expect(refused.errors?.[0]?.message, field).toMatch(/first must be between 1 and 100/);
      const page = await gql(`{ ${field} { totalCount edges { node { id } } } }`);
      const edges = (page.data?.[field] as { edges: unknown[] } | undefined)?.edges ?? [];
      expect(edges.length, field).toBeGreaterThan(0);
      expect(edges.length, field).toBeLessThanOrEqual(20);
    }
    const group = await ctx.db
      .selectFrom('actor_members')
      .select('group_id')
      .executeTakeFirstOrThrow();
    const members = await gql(
      `query($id: ID!) { node(id: $id) { ... on Actor { members(first: 1) { totalCount edges { node { id } } pageInfo { hasNextPage } } } } }`,
      { id: encodeGlobalID('Actor', group.group_id) },
    );
    expect(members.data?.node).toMatchObject({
      members: { edges: [{ node: {} }], pageInfo: { hasNextPage: true } },
    });
  });

  it('prices a document text by what it can hold', async () => {
    const answer = await client()('{ documents(first: 30) { edges { node { text } } } }');
    expect(answer.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('answers larger than the limit are a typed error, and nothing is written', async () => {
    const before = await fingerprint(ctx.db);
    const size = 2_000_000;
    const copies = Math.ceil(LIMITS.answerCharacters / size) + 1;
    await sql`insert into documents (key, title, language, text)
      select 'large-' || g, 'large', 'zh', repeat('字', ${size})
      from generate_series(1, ${copies}) g`.execute(ctx.db);
    try {
      const answer = await client()(
        `{ documents(first: ${copies + 1}) { edges { node { text } } } }`,
      );
      expect(answer.data ?? null).toBeNull();
      expect(answer.errors?.[0]?.extensions?.code).toBe('ANSWER_TOO_LARGE');
    } finally {
      await sql`delete from documents where key like 'large-%'`.execute(ctx.db);
    }
    expect(await fingerprint(ctx.db)).toEqual(before);
  });
});

describe('pricing by work', () => {
  it('prices Region.boundary and Actor.balance by work, and traces by their reach', async () => {
    const rateLimits = {
      writes: 60,
      expensive: ALL_YEARS_TRACE_POINTS,
      windowSeconds: 60,
      trustProxy: false,
    };
    const boundary = client({ rateLimits });
    const query = '{ region(code: "150000") { boundary(year: 2017) { internal { flowCount } } } }';
    for (let i = 0; i < ALL_YEARS_TRACE_POINTS; i++) {
      expect((await boundary(`${query}${' '.repeat(i)}`)).errors).toBeUndefined();
    }
    const refused = await boundary(query);
    expect(refused.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');

    const treasury = await ctx.db
      .selectFrom('actors')
      .select('id')
      .where('key', '=', 'im-regional-treasury')
      .executeTakeFirstOrThrow();
    const from = encodeGlobalID('Actor', treasury.id);
    const traces = client({ rateLimits });
    const allYears = 'query($from: ID!) { trace(from: $from) { total { value } } }';
    expect((await traces(allYears, { from })).errors).toBeUndefined();
    const again = await traces(allYears, { from });
    expect(again.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    const oneYear = client({ rateLimits });
    for (let i = 0; i < ALL_YEARS_TRACE_POINTS; i++) {
      const answer = await oneYear(
        `query($from: ID!) { trace(from: $from, year: ${2016 + (i % 2)}) { total { value } } }`,
        { from },
      );
      expect(answer.errors).toBeUndefined();
    }
  });

  it('refuses a trace unit that is not a unit', async () => {
    const answer = await client()(
      `query($from: ID!) { trace(from: $from, unit: "cny; drop") { total { value } } }`,
      { from: encodeGlobalID('Actor', 1) },
    );
    expect(answer.errors?.[0]?.message).toMatch(/unit must be an upper-case unit/);
  });
});
