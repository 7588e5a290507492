import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { expectTotalsInStep } from '../test/flow-totals.js';
import { createTestDb } from '../test/test-db.js';

const ctx = await createTestDb();
afterAll(() => ctx.close());

const inStep = () => expectTotalsInStep(ctx.db);

describe('flow_totals', () => {
  it('holds the seed’s totals', async () => {
    expect(await inStep()).toBeGreaterThan(0);
  });

  it('follows inserts, updates and deletes of flows, and actors moving region', async () => {
    const [a, b, c] = await ctx.db
      .selectFrom('actors')
      .select(['id', 'region_code'])
      .where('region_code', 'is not', null)
      .orderBy('id')
      .limit(3)
      .execute();
    const program = await ctx.db.selectFrom('programs').select('id').executeTakeFirstOrThrow();
    const flow = (key: string, year: number, amount: string, bounds = {}) => ({
      key,
      source_id: a?.id ?? 0,
      target_id: b?.id ?? 0,
      amount,
      qualifier: 'EXACT',
      year,
      status: 'DISBURSED',
      instrument: 'GRANT',
      ...bounds,
    });
    const before = (
      await sql<{ n: number }>`select sum(flow_count)::int as n from flow_totals`.execute(ctx.db)
    ).rows[0]?.n;
    await ctx.db
      .insertInto('flows')
      .values([
        flow('t1', 1990, '10.5'),
        flow('t2', 1990, '2'),
        flow('t3', 1991, '7', { qualifier: 'AT_LEAST', low: '7' }),
        flow('t4', 1991, '8', { qualifier: 'APPROXIMATE', low: '6', high: '9' }),
      ])
      .execute();
    await inStep();
    await ctx.db
      .updateTable('flows')
      .set({ target_id: c?.id ?? 0, program_id: program.id })
      .where('key', 'in', ['t1', 't3'])
      .execute();
    await inStep();
    await ctx.db
      .updateTable('flows')
      .set({ status: 'SPENT', amount: '3' })
      .where('key', '=', 't2')
      .execute();
    await inStep();
    // Both ends of t2 and t4 move; t1 and t3 keep their target where it was.
    await ctx.db
      .updateTable('actors')
      .set({ region_code: c?.region_code ?? null })
      .where('id', 'in', [a?.id ?? 0, b?.id ?? 0])
      .execute();
    await inStep();
    await ctx.db
      .updateTable('actors')
      .set({ region_code: null })
      .where('id', '=', a?.id ?? 0)
      .execute();
    await inStep();
    await ctx.db
      .updateTable('actors')
      .set({ region_code: a?.region_code ?? null })
      .where('id', '=', a?.id ?? 0)
      .execute();
    await ctx.db
      .updateTable('actors')
      .set({ region_code: b?.region_code ?? null })
      .where('id', '=', b?.id ?? 0)
      .execute();
    await inStep();
    await ctx.db.deleteFrom('flows').where('key', 'in', ['t1', 't2', 't3', 't4']).execute();
    await inStep();
    const after = (
      await sql<{ n: number }>`select sum(flow_count)::int as n from flow_totals`.execute(ctx.db)
    ).rows[0]?.n;
    expect(after).toBe(before);
  });
});
