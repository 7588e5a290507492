import { afterAll, describe, expect, it } from 'vitest';
import { createTestDb, graphqlClient } from '../test/test-db.js';

const ctx = await createTestDb();
const gql = graphqlClient(ctx.db);
afterAll(() => ctx.close());

interface Shared {
  group: { key: string };
  sharedWith: { code: string }[];
  publicMoney: { value: string };
}
const QUERY = `query($code: String!, $year: Int) { region(code: $code) {
  sharedInflows(year: $year) { group { key } sharedWith { code } publicMoney { value } } } }`;

describe('money shared by several places', () => {
  it('lists Beijing’s 2.5亿 for Chifeng and Ulanqab under Chifeng, shared with Ulanqab', async () => {
    const result = await gql<{ region: { sharedInflows: Shared[] } }>(QUERY, {
      code: '150400',
      year: 2017,
    });
    expect(result.errors).toBeUndefined();
    const beijing = result.data?.region.sharedInflows.find(
      (s) => s.group.key === 'beijing-paired-counties',
    );
    expect(beijing).toEqual({
      group: { key: 'beijing-paired-counties' },
      sharedWith: [{ code: '150900' }],
      publicMoney: { value: '250000000' },
    });
  });

  it('lists the 11.8亿 for Hinggan and Ulanqab under Ulanqab, and nothing for the whole region', async () => {
    const ulanqab = await gql<{ region: { sharedInflows: Shared[] } }>(QUERY, { code: '150900' });
    const keys = ulanqab.data?.region.sharedInflows.map((s) => s.group.key);
    expect(keys).toContain('hinggan-ulanqab');
    const region = await gql<{ region: { sharedInflows: Shared[] } }>(QUERY, { code: '150000' });
    expect(region.data?.region.sharedInflows).toEqual([]);
  });
});
