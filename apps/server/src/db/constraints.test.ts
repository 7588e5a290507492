import { afterAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../test/test-db.js';
import type { NewFlow } from './database.js';

const ctx = await createTestDb();
afterAll(() => ctx.close());

const [a, b] = await ctx.db.selectFrom('actors').select('id').orderBy('id').limit(2).execute();
const base: NewFlow = {
  key: 'constraint-probe',
  source_id: a?.id ?? 0,
  target_id: b?.id ?? 0,
  amount: '100',
  qualifier: 'EXACT',
  year: 2017,
  status: 'DISBURSED',
  instrument: 'GRANT',
};

describe('database constraints', () => {
  it('accepts a valid flow', async () => {
    await ctx.db.transaction().execute(async (trx) => {
      await trx.insertInto('flows').values(base).execute();
      await trx.deleteFrom('flows').where('key', '=', base.key).execute();
    });
  });

  it.each<[string, Partial<NewFlow>]>([
    ['a negative amount', { amount: '-1' }],
    ['source equal to target', { target_id: a?.id ?? 0 }],
    ['an exact amount with bounds', { low: '50' }],
    ['an at-least amount with an upper bound', { qualifier: 'AT_LEAST', high: '200' }],
    ['an at-most amount with a lower bound above it', { qualifier: 'AT_MOST', low: '500' }],
    ['bounds that do not enclose the value', { qualifier: 'APPROXIMATE', low: '150', high: '200' }],
    ['an unknown qualifier', { qualifier: 'ROUGHLY' }],
    ['an unknown status', { status: 'LOST' }],
    ['a year out of range', { year: 1800 }],
    ['an unknown actor', { source_id: 999_999 }],
    ['a duplicate natural key', { key: 'DUPLICATE' }],
  ])('refuses %s', async (_name, change) => {
    const before = await ctx.db
      .selectFrom('flows')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    const attempt = ctx.db.transaction().execute(async (trx) => {
      if (change.key === 'DUPLICATE') {
        const existing = await trx.selectFrom('flows').select('key').executeTakeFirstOrThrow();
        await trx
          .insertInto('flows')
          .values({ ...base, key: existing.key })
          .execute();
      } else {
        await trx
          .insertInto('flows')
          .values({ ...base, ...change })
          .execute();
      }
    });
    await expect(attempt).rejects.toThrow();
    const after = await ctx.db
      .selectFrom('flows')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    expect(Number(after?.n)).toBe(Number(before?.n));
  });
});
