/**
 * The varied mode's parameter pools, read (never written) from the database under test: a
 * repeatable sample of flows gives the actors that have flows, the cursors, years and regions;
 * totals draw a year and a program; traces a county or league and a year. Each pool is sorted,
 * so the same data and seed give the same pools and the same draws.
 */
import type pg from 'pg';

export interface Pools {
  /** a. a source actor and a cursor: the page after one of its flows */
  a: { source: number; after: number }[];
  /** b. an actor that has flows */
  b: { actor: number }[];
  /** c. a year, a region (a county's code or its city's) and a cursor in it */
  c: { year: number; region: string; after: number }[];
  /** d. a year and a program (null: all programs) */
  d: { year: number; program: number | null }[];
  /** e. a county or league government and a year it sent money in */
  e: { start: number; year: number }[];
}

/** Enough sampled flows for pools of at least 10,000 where the data has them. */
const SAMPLE_FLOWS = 15_000;

export async function loadPools(db: pg.Pool, seed: number): Promise<Pools> {
  const { rows: count } = await db.query<{ n: number }>('select count(*)::int as n from flows');
  const percent = Math.min(100, (SAMPLE_FLOWS * 100) / Math.max(1, count[0]?.n ?? 1));
  const { rows: sample } = await db.query<{
    id: number;
    year: number;
    source: number;
    target: number;
    region: string | null;
  }>(
    `select f.id, f.year, f.source_id as source, f.target_id as target,
       (select r.code from regions r
         where r.code in (a.region_code, left(a.region_code, 4) || '00')
         order by (r.code = a.region_code) = (f.id % 2 = 0) desc limit 1) as region
     from flows f tablesample bernoulli ($1) repeatable ($2)
     join actors a on a.id = case when f.id % 3 = 0 then f.target_id else f.source_id end
     order by f.id`,
    [percent, seed],
  );
  const actors = [...new Set(sample.flatMap((f) => [f.source, f.target]))].sort((x, y) => x - y);
  const { rows: years } = await db.query<{ year: number }>(
    'select distinct year from flows order by year',
  );
  const { rows: programs } = await db.query<{ id: number }>('select id from programs order by id');
  const { rows: starts } = await db.query<{ start: number; year: number }>(
    `select distinct f.source_id as start, f.year from flows f
     join actors a on a.id = f.source_id
     where a.kind = 'GOVERNMENT' and a.region_code not like '%0000' and f.unit = 'CNY'
     order by 1, 2`,
  );
  return {
    a: sample.map((f) => ({ source: f.source, after: f.id })),
    b: actors.map((actor) => ({ actor })),
    c: sample.flatMap((f) => (f.region ? [{ year: f.year, region: f.region, after: f.id }] : [])),
    d: years.flatMap(({ year }) =>
      [null, ...programs.map((p) => p.id)].map((program) => ({ year, program })),
    ),
    e: starts,
  };
}
