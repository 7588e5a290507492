import { afterAll, describe, expect, it } from 'vitest';
import { createTestDb, graphqlClient } from '../test/test-db.js';
import { figureValues, scriptVariants } from './search-flows.js';

const ctx = await createTestDb();
const gql = graphqlClient(ctx.db);
afterAll(() => ctx.close());

interface Hits {
  search: { type: string; matched: string; flow: { amount: { value: string } } | null }[];
}
const SEARCH = `query($text: String!) { search(text: $text) {
  type matched flow { amount { value } instrument } } }`;

describe('search for figures, flows and either script', () => {
  it('reads figures as decimal text, with or without 万 or 亿', () => {
    expect(figureValues('48.8')).toEqual(['48.8e0', '48.8e4', '48.8e8']);
    expect(figureValues('1.26億元')).toEqual(['1.26e8']);
    expect(figureValues('loan')).toEqual([]);
  });

  it('converts between Simplified and Traditional', () => {
    expect(scriptVariants('贷款')).toEqual(['贷款', '貸款']);
  });

  it('finds the 48.8亿 flow by "48.8" and the 2016 Beijing aid by "1.26亿"', async () => {
    const a = await gql<Hits>(SEARCH, { text: '48.8' });
    expect(a.errors).toBeUndefined();
    expect(
      a.data?.search.filter((h) => h.type === 'FLOW').map((h) => h.flow?.amount.value),
    ).toContain('4880000000');
    const b = await gql<Hits>(SEARCH, { text: '1.26亿' });
    expect(b.data?.search.find((h) => h.type === 'FLOW')?.flow?.amount.value).toBe('126000000');
  });

  it('finds loans by "loan", "贷款" and "貸款"', async () => {
    for (const text of ['loan', '贷款', '貸款']) {
      const r = await gql<{ search: { type: string; flow: { instrument: string } | null }[] }>(
        SEARCH,
        { text },
      );
      const flows = r.data?.search.filter((h) => h.type === 'FLOW') ?? [];
      expect(flows.length).toBeGreaterThan(0);
      expect(flows.every((h) => h.flow?.instrument === 'LOAN')).toBe(true);
    }
  });

  it('matches a Traditional name typed in Simplified', async () => {
    const r = await gql<{ search: { type: string; matched: string }[] }>(
      `{ search(text: "赤峰市和乌兰察布市16个国贫旗县") { type matched } }`,
    );
    expect(r.data?.search[0]?.matched).toBe('赤峰市和烏蘭察布市16個國貧旗縣');
  });
});
