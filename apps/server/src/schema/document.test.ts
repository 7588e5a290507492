import { afterAll, describe, expect, it } from 'vitest';
import { createTestDb, graphqlClient } from '../test/test-db.js';

const ctx = await createTestDb();
const gql = graphqlClient(ctx.db);
afterAll(() => ctx.close());

describe('documents and citations', () => {
  it('stores the normalised article, and every citation quote is its text at [start, end)', async () => {
    const result = await gql<{
      documents: {
        title: string;
        text: string;
        citations: { quote: string; start: number; end: number; recordType: string }[];
      }[];
    }>(`{ documents { title text citations { quote start end recordType } } }`);
    expect(result.errors).toBeUndefined();
    const [doc] = result.data?.documents ?? [];
    expect(doc?.text).toContain('僅自治區本級財政投入就由去年的18.8億元增加到48.8億元');
    expect(doc?.text).not.toMatch(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]+\)/);
    const points = Array.from(doc?.text ?? '');
    expect(doc?.citations.length).toBeGreaterThan(50);
    for (const c of doc?.citations ?? []) {
      expect(points.slice(c.start, c.end).join('')).toBe(c.quote);
    }
    expect(new Set(doc?.citations.map((c) => c.recordType))).toEqual(
      new Set(['Flow', 'Observation', 'Actor', 'Pairing']),
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
