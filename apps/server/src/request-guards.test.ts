import { getIntrospectionQuery } from 'graphql';
import { Kysely, PostgresDialect } from 'kysely';
import type pg from 'pg';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from './db/database.js';
import { LIMITS } from './limits.js';
import { createTestDb, graphqlClient } from './test/test-db.js';
import { createYogaServer } from './yoga.js';

const ctx = await createTestDb();
const gql = graphqlClient(ctx.db);
afterAll(() => ctx.close());

const nested = (levels: number) => {
  let inner = 'id';
  for (let i = 0; i < levels; i++)
    inner = `target { outflows(first: 100) { edges { node { ${inner} } } } }`;
  return `{ flows(first: 100) { edges { node { ${inner} } } } }`;
};

describe('requests refused before execution, with a code', () => {
  it.each([
    [
      'a nested page bomb',
      '{ flows(first: 100) { edges { node { source { outflows(first: 100) { edges { node { id source { name } target { name } citations { quote } } } } } } } } }',
      'QUERY_TOO_COMPLEX',
    ],
    ['an over-deep query', nested(3), 'GRAPHQL_VALIDATION_FAILED'],
    [
      'an alias bomb',
      `{ ${Array.from({ length: LIMITS.aliases + 1 }, (_, i) => `a${i}: programs { edges { node { id } } }`).join(' ')} }`,
      'GRAPHQL_VALIDATION_FAILED',
    ],
    [
      'an oversized document',
      `{ programs { edges { node { id } } } } # ${'x'.repeat(LIMITS.characters)}`,
      'DOCUMENT_TOO_LARGE',
    ],
    ['a NUL character', '{ search(text: "a\\u0000b") { name } }', 'BAD_USER_INPUT'],
    [
      'a directive bomb',
      `{ programs { edges { node { id ${'@include(if: true) '.repeat(LIMITS.directives + 1)} } } } }`,
      'GRAPHQL_VALIDATION_FAILED',
    ],
    [
      'a token bomb',
      `{ programs { edges { node { ${'id '.repeat(LIMITS.tokens)} } } } }`,
      'GRAPHQL_VALIDATION_FAILED',
    ],
  ])('%s', async (_name, query, code) => {
    const result = await gql(query);
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.length).toBeGreaterThan(0);
    if (code) expect(result.errors?.[0]?.extensions?.code).toBe(code);
    expect(result.errors?.[0]?.message).not.toBe('Unexpected error.');
  });

  it('lets GraphiQL introspect the schema', async () => {
    const result = await gql(getIntrospectionQuery());
    expect(result.errors).toBeUndefined();
    expect(result.data).toHaveProperty('__schema');
  });

  it('lets an ordinary page with its relations through', async () => {
    const result = await gql(nested(1));
    expect(result.errors).toBeUndefined();
  });

  it('refuses NUL characters in variables too', async () => {
    const result = await gql('query($t: String!) { search(text: $t) { name } }', { t: 'a\u0000' });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('bad ids, cursors and codes get typed errors', () => {
  it.each([
    [
      'a cursor past int4',
      '{ flows(first: 1, after: "Y3Vyc29yOjMwMDAwMDAwMDA") { totalCount } }',
      'after',
    ],
    ['an empty program id', '{ flows(filter: { programId: "" }) { totalCount } }', 'programId'],
    [
      'an unknown region',
      '{ flows(filter: { regionCode: "990000" }) { totalCount } }',
      'regionCode',
    ],
    ['an id of a type that is no node', '{ node(id: "TWV0cmljOjE=") { id } }', 'id'],
    ['an id that is no id', '{ node(id: "xyz") { id } }', 'id'],
  ])('%s', async (_name, query, argument) => {
    const result = await gql(query);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
  });
});

const silent = pino({ level: 'silent' });

describe('unexpected errors', () => {
  // A database whose every query fails with a driver error that names SQL.
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({
      pool: {
        connect: async () => {
          throw new Error('relation "programs" does not exist: select * from programs');
        },
        end: async () => {},
      } as unknown as pg.Pool,
    }),
  });
  const broken = async (development: boolean) => {
    const yoga = createYogaServer(db, { development, logLevel: 'error', logger: silent });
    const response = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ programs { edges { node { id } } } }' }),
    });
    return (await response.json()) as { errors: { message: string; extensions?: object }[] };
  };

  it('are masked outside development: no SQL, no stack', async () => {
    const body = await broken(false);
    expect(body.errors[0]?.message).toBe('Unexpected error.');
    expect(JSON.stringify(body)).not.toMatch(/select|from|stack|at \S+ \(/i);
  });

  it('carry their cause in development only', async () => {
    const body = await broken(true);
    expect(body.errors[0]?.message).toBe('Unexpected error.');
    expect(JSON.stringify(body.errors[0]?.extensions)).toMatch(/originalError/);
  });
});

describe('request bodies', () => {
  it('larger than the limit get 413 before parsing', async () => {
    const yoga = createYogaServer(ctx.db, { maxBodyBytes: 1024 });
    const response = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `{ programs { edges { node { id } } } } # ${'x'.repeat(2000)}`,
      }),
    });
    expect(response.status).toBe(413);
  });

  // Issue 16: any request but an upload may carry 1 MiB, so no trivial query parses 20 MB.
  const twoMegabytes = JSON.stringify({
    query: '{ region(code: "150000") { name } }',
    variables: { padding: 'x'.repeat(2 * 1024 * 1024) },
  });

  it('a 2 MB JSON request gets 413 by its declared length, before it is read', async () => {
    const response = await createYogaServer(ctx.db).fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': `${twoMegabytes.length}` },
      body: twoMegabytes,
    });
    expect(response.status).toBe(413);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe('REQUEST_ENTITY_TOO_LARGE');
  });

  it('a 2 MB JSON request sent chunked (no length) gets 413 once 1 MiB has arrived', async () => {
    const bytes = new TextEncoder().encode(twoMegabytes);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= bytes.length) return controller.close();
        controller.enqueue(bytes.subarray(sent, sent + 64 * 1024));
        sent += 64 * 1024;
      },
    });
    const response = await createYogaServer(ctx.db).fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(sent).toBeLessThan(bytes.length);
  });
});
