import { getIntrospectionQuery } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import { LIMITS } from './limits.js';
import { createTestDb, graphqlClient } from './test/test-db.js';

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
      `{ ${Array.from({ length: LIMITS.aliases + 1 }, (_, i) => `a${i}: programs { id }`).join(' ')} }`,
      'GRAPHQL_VALIDATION_FAILED',
    ],
    [
      'an oversized document',
      `{ programs { id } } # ${'x'.repeat(LIMITS.characters)}`,
      'DOCUMENT_TOO_LARGE',
    ],
    ['a NUL character', '{ search(text: "a\\u0000b") { name } }', 'BAD_USER_INPUT'],
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
