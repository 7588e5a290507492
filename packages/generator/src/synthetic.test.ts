import type { Database } from '@fundtrace/server/db/database';
import { flowByKeys, flowValues, toFlowRecord } from '@fundtrace/server/domain/flow/flow.rules';
import { createTestDb } from '@fundtrace/server/test/test-db';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

// One fixture for every describe below: two databases filled from the same seed.
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

describe('generateSynthetic', () => {
  it('gives the same flows and amounts for the same seed', async () => {
    const [a, b] = await Promise.all([flowAmounts(first.db), flowAmounts(second.db)]);
    expect(a.length).toBe(counts.flows);
    expect(a).toEqual(b);
  });

  it('returns the counts it wrote, and reports progress up to the total', async () => {
    const count = async (table: 'flows' | 'observations' | 'actors' | 'pairings') => {
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
      pairings: await count('pairings'),
    }).toEqual(counts);
    // 2 years × (4 chain programs × (11 leagues with poor counties (乌海 has none) + 57 counties
    // + 150 villages) + 200 cohorts)
    // + the aid sources' counties (31 + 16 + 16 a year) + the stream flows the seed lacks in
    // 2016 (relocation, industrial fund, central organs, regional departments).
    expect(counts.flows).toBe(2 * (4 * (11 + 57 + 150) + 200) + 2 * (31 + 16 + 16) + 4);
    // Per year: one per aided county, one per partner village (all 150 here, fewer than 563).
    expect(counts.pairings).toBe(2 * (31 + 16 + 16 + 150));
    // The leagues the seed lacks (it has 4 of the 12), the counties, villages and cohorts.
    expect(counts.actors).toBe(12 - 4 + 57 + 150 + 200);
    const last = progress.at(-1);
    expect(last?.[0]).toBe(last?.[1]);
    expect(last?.[1]).toBe(counts.flows + counts.observations + counts.actors + counts.pairings);
  });
});

describe('generateSynthetic: the domain rules', () => {
  it('writes flows the domain flow rules accept, with the columns those rules give', async () => {
    const { rows } = await sql<Record<string, string | number | null>>`
      select f.key, s.key as source, t.key as target, f.amount::text as amount, f.qualifier,
             f.low::text as low, f.high::text as high, f.unit, f.year, f.status, f.instrument,
             f.note
      from flows f join actors s on s.id = f.source_id join actors t on t.id = f.target_id
      where f.key like 'syn-%' order by f.id`.execute(first.db);
    expect(rows).toHaveLength(counts.flows);
    for (const r of rows) {
      const checked = flowByKeys.safeParse({
        key: r.key,
        sourceKey: r.source,
        targetKey: r.target,
        amount: { value: r.amount, qualifier: r.qualifier, low: r.low, high: r.high, unit: r.unit },
        year: r.year,
        status: r.status,
        instrument: r.instrument,
        note: r.note,
      });
      expect(checked.error, String(r.key)).toBeUndefined();
      if (!checked.success) continue;
      // Everything but the amount's text (numeric(…, 4) pads it) is stored as the rules give it.
      const [, ...rest] = flowValues(toFlowRecord(checked.data));
      expect([r.qualifier, r.low, r.high, r.unit, r.year, r.status, r.instrument]).toEqual(rest);
    }
  });
});

describe('generateSynthetic: the money', () => {
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
        from flows where unit = 'CNY' group by 1, 2, 3),
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
    // Each cohort gets one program's money a year.
    expect(passed.rows[0]?.n).toBe(2 * 200);
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
    // About 10% of the 150 × 4 × 2 county → village flows, plus the exact splits of the streams'
    // first flows (11 leagues × 4 programs × 2 years, 63 aided counties × 2 years).
    expect(row?.children).toBeGreaterThan(60 + 88 + 126);
    expect(row?.children).toBeLessThan(200 + 88 + 126);
  });

  it('refines the seed flows without adding to them: the treasury sends its 2017 total once', async () => {
    // The seed states 48.8亿 from the treasury in 2017 (the 33亿 and 20亿 have a payer the
    // article does not state); no synthetic flow adds to it.
    const treasury = await sql<{ total: string; synthetic: number }>`
      select sum(f.amount)::text as total, count(*) filter (where f.key like 'syn-%')::int as synthetic
      from flows f join actors a on a.id = f.source_id
      where a.key = 'im-regional-treasury' and f.year = 2017 and f.unit = 'CNY'`.execute(first.db);
    expect(treasury.rows[0]).toEqual({ total: '4880000000.0000', synthetic: 0 });
    // The seed's 48.8亿 to the poor counties reaches the leagues exactly, as its earmarked children.
    const children = await sql<{ total: string }>`
      select sum(c.amount)::text as total from flows c join flows p on p.id = c.parent_id
      where p.key = 'treasury-to-poor-counties-2017'`.execute(first.db);
    expect(children.rows[0]?.total).toBe('4880000000.0000');
    // Every seed stream flow (source → recipient group) is split exactly among its children.
    const unsplit = await sql<{ key: string }>`
      select p.key from flows p join flows c on c.parent_id = p.id
      where p.key not like 'syn-%' group by p.id, p.key, p.amount
      having sum(c.amount) <> p.amount`.execute(first.db);
    expect(unsplit.rows).toEqual([]);
  });
});

describe('generateSynthetic: observations and reruns', () => {
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
