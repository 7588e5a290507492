import { afterAll, describe, expect, it } from 'vitest';
import { createTestDb, graphqlClient } from '../test/test-db.js';

const ctx = await createTestDb();
const gql = graphqlClient(ctx.db);
afterAll(() => ctx.close());

describe('documents and citations', () => {
  it('stores the normalised article, and every citation quote is its text at [start, end)', async () => {
    type Citation = { quote: string; start: number; end: number; recordType: string };
    type Connection = {
      edges: { node: Citation }[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
    const CITATIONS = `citations(first: 100, after: $after) {
      edges { node { quote start end recordType } } pageInfo { hasNextPage endCursor } }`;
    const result = await gql<{
      documents: { edges: { node: { id: string; title: string; text: string } }[] };
    }>(`{ documents(first: 1) { edges { node { id title text } } } }`);
    expect(result.errors).toBeUndefined();
    const first = result.data?.documents.edges[0]?.node;
    // Every citation of the document, page by page.
    const citations: Citation[] = [];
    for (let after: string | null = null, more = true; more; ) {
      const page: { data?: { node: { citations: Connection } } | null; errors?: unknown } =
        await gql<{ node: { citations: Connection } }>(
          `query($id: ID!, $after: String) { node(id: $id) { ... on Document { ${CITATIONS} } } }`,
          {
            id: first?.id,
            after,
          },
        );
      expect(page.errors).toBeUndefined();
      const connection: Connection | undefined = page.data?.node.citations;
      citations.push(...(connection?.edges.map((e) => e.node) ?? []));
      more = connection?.pageInfo.hasNextPage ?? false;
      after = connection?.pageInfo.endCursor ?? null;
    }
    const doc = first && { ...first, citations };
    expect(doc?.text).toContain('僅自治區本級財政投入就由去年的18.8億元增加到48.8億元');
    expect(doc?.text).not.toMatch(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]+\)/);
    const points = Array.from(doc?.text ?? '');
    expect(doc?.citations.length).toBeGreaterThan(50);
    for (const c of doc?.citations ?? []) {
      expect(points.slice(c.start, c.end).join('')).toBe(c.quote);
    }
    expect(new Set(doc?.citations.map((c) => c.recordType))).toEqual(
      new Set(['Flow', 'Observation', 'Actor', 'Pairing', 'Overlap']),
    );
  });

  it('refuses a citation whose quote is not the document text, in the database itself', async () => {
    const doc = await ctx.db.selectFrom('documents').select('id').executeTakeFirstOrThrow();
    const actor = await ctx.db.selectFrom('actors').select('id').executeTakeFirstOrThrow();
    await expect(
      ctx.db
        .insertInto('citations')
        .values({
          document_id: doc.id,
          start_offset: 0,
          end_offset: 3,
          quote: '假引文',
          actor_id: actor.id,
        })
        .execute(),
    ).rejects.toThrow(/citation quote/);
  });
});
