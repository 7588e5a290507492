import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { createTestDb } from '../test/test-db.js';
import { generateSynthetic, type SyntheticCounts, SyntheticDataExistsError } from './synthetic.js';

// Fewer villages than the real 2,834 keep the two PGlite databases quick to fill.
const OPTIONS = { seed: 7, cohorts: 200, villages: 150, years: [2016, 2017] };

type TestDb = Awaited<ReturnType<typeof createTestDb>>;

async function flowAmounts(db: Kysely<Database>) {
  return db
    .selectFrom('flows')
    .select(['key', 'amount'])
    .where('key', 'like', 'syn-%')
    .orderBy('id')
    .execute();
}

describe('generateSynthetic', () => {
  let first: TestDb;
  let second: TestDb;
  let counts: SyntheticCounts;
  let progress: [number, number][] = [];

  beforeAll(async () => {
    [first, second] = await Promise.all([createTestDb(), createTestDb()]);
    counts = await generateSynthetic(first.db, {
      ...OPTIONS,
      onProgress: (done, total) => {
        progress.push([done, total]);
      },
    });
    await generateSynthetic(second.db, OPTIONS);
    // Two databases to migrate, seed and fill: give a busy 2-core machine room.
  }, 180_000);

  afterAll(async () => {
    await Promise.all([first?.close(), second?.close()]);
    progress = [];
  });

  it('gives the same flows and amounts for the same seed', async () => {
    const [a, b] = await Promise.all([flowAmounts(first.db), flowAmounts(second.db)]);
    expect(a.length).toBe(counts.flows);
    expect(a).toEqual(b);
  });

  it('returns the counts it wrote, and reports progress up to the total', async () => {
    const count = async (table: 'flows' | 'observations' | 'actors') => {
      const row = await first.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('key', 'like', 'syn-%')
        .executeTakeFirstOrThrow();
      return Number(row.n);
    };
    expect({
      flows: await count('flows'),
      observations: await count('observations'),
      actors: await count('actors'),
    }).toEqual(counts);
    // 4 programs × 2 years × (cohorts + villages + counties + leagues) + the other sources.
    expect(counts.flows).toBeGreaterThan(4 * 2 * (200 + 150 + 57));
    // The leagues the seed lacks (it has 4 of the 12), the counties, villages and cohorts.
    expect(counts.actors).toBe(12 - 4 + 57 + 150 + 200);
    const last = progress.at(-1);
    expect(last?.[0]).toBe(last?.[1]);
    expect(last?.[1]).toBe(counts.flows + counts.observations + counts.actors);
  });

  it('writes non-negative amounts between distinct actors, with the synthetic note', async () => {
    const { rows } = await sql<{ bad: number }>`
      select count(*)::int as bad from flows
      where key like 'syn-%'
        and (amount < 0 or source_id = target_id or note is distinct from 'synthetic'
             or status not in ('DISBURSED', 'SPENT', 'COMMITTED') or instrument <> 'GRANT')`.execute(
      first.db,
    );
    expect(rows[0]?.bad).toBe(0);
  });

  it('passes on no more than a node received, per program and year (exact decimals)', async () => {
    const { rows } = await sql<{ key: string; program_id: number; year: number }>`
      with synthetic as (select * from flows where key like 'syn-%'),
      inflow as (
        select target_id as actor_id, program_id, year, sum(amount) as amount
        from synthetic group by 1, 2, 3),
      outflow as (
        select source_id as actor_id, program_id, year, sum(amount) as amount
        from synthetic group by 1, 2, 3)
      select a.key, o.program_id, o.year
      from outflow o join actors a on a.id = o.actor_id
      left join inflow i using (actor_id, program_id, year)
      where a.id in (select target_id from synthetic)
        and o.amount > coalesce(i.amount, 0)`.execute(first.db);
    expect(rows).toEqual([]);
    // And something is passed on: the residual is a share, not everything.
    const passed = await sql<{ n: number }>`
      select count(*)::int as n from flows where key like 'syn-%'
        and source_id in (select id from actors where key like 'syn-village-%')`.execute(first.db);
    expect(passed.rows[0]?.n).toBe(4 * 2 * 200);
  });

  it('earmarks county → village flows with the league → county flow they pass on', async () => {
    const { rows } = await sql<{ children: number; bad: number; overspent: number }>`
      select count(*)::int as children,
             count(*) filter (where p.target_id <> c.source_id or p.year <> c.year
                                 or p.program_id <> c.program_id)::int as bad,
             (select count(*)::int from (
                select parent_id from flows where key like 'syn-%' and parent_id is not null
                group by parent_id
                having sum(amount) > (select amount from flows f where f.id = parent_id)) x)
               as overspent
      from flows c join flows p on p.id = c.parent_id
      where c.key like 'syn-%'`.execute(first.db);
    const row = rows[0];
    expect(row?.bad).toBe(0);
    expect(row?.overspent).toBe(0);
    // About 10% of the 150 × 4 × 2 county → village flows.
    expect(row?.children).toBeGreaterThan(60);
    expect(row?.children).toBeLessThan(200);
  });

  it('keeps the totals the seed states', async () => {
    const { rows } = await sql<{ total: string }>`
      select sum(f.amount)::text as total from flows f
      join actors a on a.id = f.source_id join programs p on p.id = f.program_id
      where f.key like 'syn-%' and a.key = 'im-regional-treasury'
        and p.key = 'regional-fiscal-investment' and f.year = 2017`.execute(first.db);
    expect(rows[0]?.total).toBe('4880000000.0000');
  });

  it('records observations at every level', async () => {
    const { rows } = await sql<{ kind: string; n: number }>`
      select a.kind || case when a.key like 'syn-county-%' then '-county' else '' end as kind,
             count(*)::int as n
      from observations o join actors a on a.id = o.actor_id
      where o.key like 'syn-%' group by 1 order by 1`.execute(first.db);
    expect(rows.map((r) => r.kind)).toEqual([
      'GOVERNMENT',
      'GOVERNMENT-county',
      'HOUSEHOLDS',
      'VILLAGE',
    ]);
  });

  it('refuses to run twice on the same database', async () => {
    await expect(generateSynthetic(first.db, OPTIONS)).rejects.toThrow(SyntheticDataExistsError);
  });
});
