import { afterAll, describe, expect, it } from 'vitest';
import { createTestDb, graphqlClient } from '../test/test-db.js';

const ctx = await createTestDb();
const gql = graphqlClient(ctx.db);
afterAll(() => ctx.close());

type Hits = {
  search: { type: string; name: string; nameEn: string | null; region: { code: string } | null }[];
};
const SEARCH = `query($text: String!) { search(text: $text) { type name nameEn region { code } } }`;

describe('search', () => {
  it.each([
    ['赤峰', '150400'],
    ['赤峰市', '150400'],
    ['Chifeng', '150400'],
    ['chifeng', '150400'],
    ['興安盟', '152200'],
    ['烏蘭察布', '150900'],
    ['Hinggan', '152200'],
  ])('finds the place %s', async (text, code) => {
    const result = await gql<Hits>(SEARCH, { text });
    expect(result.errors).toBeUndefined();
    const first = result.data?.search.find((h) => h.type === 'REGION');
    expect(first?.region?.code).toBe(code);
  });

  it('finds actors and programs by Chinese and English names', async () => {
    const relocation = await gql<Hits>(SEARCH, { text: 'relocation' });
    expect(
      relocation.data?.search.some((h) => h.type === 'PROGRAM' && h.name === '易地扶贫搬迁'),
    ).toBe(true);
    const enterprises = await gql<Hits>(SEARCH, { text: '企业' });
    expect(enterprises.data?.search.some((h) => h.type === 'ACTOR')).toBe(true);
  });

  it.each(['Beijing', '北京', '北京市', '京蒙'])(
    'finds the Beijing assistance programme by %s (its name abbreviates 北京 to 京)',
    async (text) => {
      const result = await gql<Hits>(SEARCH, { text });
      expect(
        result.data?.search.some((h) => h.type === 'PROGRAM' && h.name === '京蒙对口帮扶'),
      ).toBe(true);
    },
  );

  it('treats LIKE wildcards literally and refuses empty or huge text', async () => {
    const wildcard = await gql<Hits>(SEARCH, { text: '%' });
    expect(wildcard.data?.search).toEqual([]);
    for (const text of ['', '   ', 'x'.repeat(101)]) {
      const result = await gql<Hits>(SEARCH, { text });
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});
