import { afterAll, describe, expect, it } from 'vitest';
import { expectEdgesInStep } from '../test/flow-edges.js';
import { createTestDb } from '../test/test-db.js';

const ctx = await createTestDb();
afterAll(() => ctx.close());

const expectInStep = () => expectEdgesInStep(ctx.db);

describe('flow_edges', () => {
  it('holds the seed’s edges', async () => {
    expect(await expectInStep()).toBeGreaterThan(0);
  });

  it('follows inserts, updates and deletes of flows, one statement at a time', async () => {
    const [a, b, c] = await ctx.db
      .selectFrom('actors')
      .select('id')
      .orderBy('id')
      .limit(3)
      .execute();
    const flow = (key: string, year: number) => ({
      key,
      source_id: a?.id ?? 0,
      target_id: b?.id ?? 0,
      amount: '10',
      qualifier: 'EXACT',
      year,
      status: 'DISBURSED',
      instrument: 'GRANT',
    });
    await ctx.db
      .insertInto('flows')
      .values([flow('e1', 1990), flow('e2', 1990), flow('e3', 1991)])
      .execute();
    await expectInStep();
    await ctx.db
      .updateTable('flows')
      .set({ target_id: c?.id ?? 0 })
      .where('key', 'in', ['e1', 'e3'])
      .execute();
    await expectInStep();
    await ctx.db.updateTable('flows').set({ status: 'SPENT' }).where('key', '=', 'e2').execute();
    await expectInStep();
    await ctx.db.deleteFrom('flows').where('key', 'in', ['e1', 'e2', 'e3']).execute();
    await expectInStep();
  });
});
