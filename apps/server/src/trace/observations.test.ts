import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TooMuchWorkError } from '../domain/errors.js';
import { createTestDb } from '../test/test-db.js';
import { observationsOf } from './observations.js';
import { WorkBudget } from './steps.js';

/** A trace's scan of every observation, read a page at a time, reads each once, by id. */
let ctx: Awaited<ReturnType<typeof createTestDb>>;
beforeAll(async () => {
  ctx = await createTestDb();
});
afterAll(async () => {
  await ctx?.close();
});

describe('observationsOf', () => {
  it('reads every observation of a year once, in order, whatever the page size', async () => {
    const all = await ctx.db
      .selectFrom('observations')
      .select(['id', 'year'])
      .orderBy('id')
      .execute();
    const keepAll = () => true;
    for (const year of [null, 2017]) {
      const expected = all.filter((o) => year === null || o.year === year).map((o) => o.id);
      expect(expected.length).toBeGreaterThan(3);
      for (const size of [1, 2, 3, expected.length, expected.length + 1]) {
        const read = await observationsOf(ctx.db, null, year, keepAll, { pageSize: size });
        expect(read.map((o) => o.id)).toEqual(expected);
      }
    }
  });

  it('keeps what `keep` keeps, and reads the given actors’ observations, whatever the page size', async () => {
    const [first] = await ctx.db
      .selectFrom('observations')
      .select('actor_id')
      .where('actor_id', 'is not', null)
      .limit(1)
      .execute();
    const actor = first?.actor_id as number;
    const ofActor = await observationsOf(ctx.db, [actor], null, () => true, { pageSize: 1 });
    expect(ofActor.length).toBeGreaterThan(0);
    expect(ofActor.every((o) => o.actor_id === actor)).toBe(true);
    const odd = await observationsOf(ctx.db, null, null, (o) => o.id % 2 === 1, { pageSize: 2 });
    expect(odd.length).toBeGreaterThan(0);
    expect(odd.every((o) => o.id % 2 === 1)).toBe(true);
  });

  it('stops between statements once the trace’s deadline has passed', async () => {
    const spent = new WorkBudget(0, () => new TooMuchWorkError('too long'));
    await expect(
      observationsOf(ctx.db, null, null, () => true, { budget: spent, pageSize: 1 }),
    ).rejects.toBeInstanceOf(TooMuchWorkError);
    const ample = new WorkBudget(60_000, () => new TooMuchWorkError('too long'));
    const read = await observationsOf(ctx.db, null, null, () => true, {
      budget: ample,
      pageSize: 2,
    });
    expect(read.length).toBeGreaterThan(2);
  });
});
