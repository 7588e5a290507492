import { type Kysely, sql } from 'kysely';

// Frozen in time: never import app code here.

// Two rollups of the flows (issue 14), so that totals and boundary totals read a few thousand
// rows instead of every flow: flow_totals sums them by year, program, source and target region,
// status, instrument, unit, qualifier and which bounds are stated (about a thousand rows for a
// national year); flow_source_totals by the same and the source actor (for totals by source and
// a program's boundary; 32,000 rows for a national year). Kept in step by triggers in the
// writing statement's transaction, whatever writes: the domain's writes, the import's staged
// and COPY paths, the seed loader, the generator. An actor's region is copied into the rows of
// its flows, so a change of region moves them. `flow_totals_rebuild()` builds both from the
// flows (bulk loads call it; a test compares them with what the triggers kept).

// The keys, the columns never null first: a flow's removal finds its row by them.
const REGION_KEY = ['year', 'status', 'instrument', 'unit', 'qualifier', 'has_low', 'has_high'];
const NULLABLE = ['program_id', 'source_region', 'target_region'];
const ROLLUPS = [
  { table: 'flow_totals', key: [...REGION_KEY, ...NULLABLE] },
  { table: 'flow_source_totals', key: ['source_id', ...REGION_KEY, ...NULLABLE] },
];
type Rollup = (typeof ROLLUPS)[number];

const VALUES: Record<string, string> = {
  has_low: 'n.low is not null',
  has_high: 'n.high is not null',
  source_region: 'sa.region_code',
  target_region: 'ta.region_code',
};
const by = (r: Rollup) => r.key.map((_, i) => i + 1).join(', ');

/**
 * The flows of `rows` summed by a rollup's key, regions read from `actors` (a relation with id
 * and region_code).
 */
const sums = (r: Rollup, rows: string, actors = 'actors') => `
  select ${r.key.map((c) => VALUES[c] ?? `n.${c}`).join(', ')},
         count(*)::int, sum(n.amount), sum(n.low), sum(n.high)
  from ${rows} n left join ${actors} sa on sa.id = n.source_id
    left join ${actors} ta on ta.id = n.target_id
  group by ${by(r)}`;

const add = (rows: string, actors?: string) =>
  ROLLUPS.map(
    (r) => `
  insert into ${r.table} as t (${r.key.join(', ')}, flow_count, amount, low, high)
  ${sums(r, rows, actors)} order by ${by(r)}
  on conflict (${r.key.join(', ')}) do update set flow_count = t.flow_count + excluded.flow_count,
    amount = t.amount + excluded.amount, low = t.low + excluded.low, high = t.high + excluded.high;`,
  ).join('');

const same = (r: Rollup) =>
  r.key
    .map((c) => `t.${c} ${NULLABLE.includes(c) ? 'is not distinct from' : '='} g.${c}`)
    .join(' and ');

const remove = (rows: string, actors?: string) =>
  ROLLUPS.map(
    (r) => `
  with gone (${r.key.join(', ')}, n, amount, low, high) as (${sums(r, rows, actors)}),
  kept as (
    update ${r.table} t set flow_count = t.flow_count - g.n, amount = t.amount - g.amount,
      low = t.low - g.low, high = t.high - g.high
    from gone g where ${same(r)} and t.flow_count > g.n
    returning 1)
  delete from ${r.table} t using gone g where ${same(r)} and t.flow_count <= g.n;`,
  ).join('');

/**
 * Both rollups from every flow: the flows summed by source actor once, flow_totals summed from
 * those (half the work of summing the flows twice).
 */
const [BY_REGIONS, BY_SOURCE] = ROLLUPS as [Rollup, Rollup];
const REBUILD = `
  insert into ${BY_SOURCE.table} (${BY_SOURCE.key.join(', ')}, flow_count, amount, low, high)
  ${sums(BY_SOURCE, 'flows')};
  insert into ${BY_REGIONS.table} (${BY_REGIONS.key.join(', ')}, flow_count, amount, low, high)
  select ${BY_REGIONS.key.join(', ')}, sum(flow_count)::int, sum(amount), sum(low), sum(high)
  from ${BY_SOURCE.table} group by ${BY_REGIONS.key.join(', ')};`;

/** The flows of the actors whose region changed, and those actors with their former regions. */
const MOVED = `(select f.* from flows f where f.source_id in (select id from moved)
  or f.target_id in (select id from moved))`;
const FORMER = `(select id, region_code from old_rows where id in (select id from moved)
  union all select id, region_code from actors where id not in (select id from moved))`;

const TRIGGERS = [
  ['flow_totals_insert', 'insert', 'new table as new_rows', 'flow_totals_add'],
  ['flow_totals_delete', 'delete', 'old table as old_rows', 'flow_totals_remove'],
  // An update is a removal of the old rows and an addition of the new ones.
  ['flow_totals_update_old', 'update', 'old table as old_rows', 'flow_totals_remove'],
  ['flow_totals_update_new', 'update', 'new table as new_rows', 'flow_totals_add'],
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const r of ROLLUPS) {
    await sql
      .raw(`create table ${r.table} (
      ${r.table === 'flow_source_totals' ? 'source_id int not null,' : ''}
      year int not null,
      status text not null,
      instrument text not null,
      unit text not null,
      qualifier text not null,
      has_low boolean not null,
      has_high boolean not null,
      program_id int,
      source_region text,
      target_region text,
      flow_count int not null check (flow_count > 0),
      amount numeric not null,
      low numeric,
      high numeric)`)
      .execute(db);
    await sql
      .raw(
        `create unique index ${r.table}_key on ${r.table} (${r.key.join(', ')}) nulls not distinct`,
      )
      .execute(db);
  }
  await sql`create index flow_source_totals_year_idx on flow_source_totals (year, program_id)`.execute(
    db,
  );
  await sql`create index flow_source_totals_program_idx on flow_source_totals (program_id, year)`.execute(
    db,
  );
  await sql
    .raw(`create function flow_totals_add() returns trigger language plpgsql as $$
    begin ${add('new_rows')}
      return null; end $$`)
    .execute(db);
  await sql
    .raw(`create function flow_totals_remove() returns trigger language plpgsql as $$
    begin ${remove('old_rows')} return null; end $$`)
    .execute(db);
  await sql
    .raw(`create function flow_totals_regions() returns trigger language plpgsql as $$
    begin
      create temp table moved as select o.id from old_rows o join new_rows n
        on n.id = o.id where o.region_code is distinct from n.region_code;
      if exists (select 1 from moved) then
        ${remove(MOVED, FORMER)}
        ${add(MOVED)}
      end if;
      drop table moved;
      return null; end $$`)
    .execute(db);
  await sql
    .raw(`create function flow_totals_rebuild() returns void language plpgsql as $$
    begin
      truncate flow_totals, flow_source_totals;
      ${REBUILD}
    end $$`)
    .execute(db);
  await sql
    .raw(`create function flow_totals_truncate() returns trigger language plpgsql as $$
    begin truncate flow_totals, flow_source_totals; return null; end $$`)
    .execute(db);
  for (const [name, event, table, fn] of TRIGGERS) {
    await sql
      .raw(`create trigger ${name} after ${event} on flows referencing ${table}
      for each statement execute function ${fn}()`)
      .execute(db);
  }
  await sql`create trigger flow_totals_truncate after truncate on flows
    for each statement execute function flow_totals_truncate()`.execute(db);
  await sql`create trigger flow_totals_regions after update on actors
    referencing old table as old_rows new table as new_rows
    for each statement execute function flow_totals_regions()`.execute(db);
  await sql`select flow_totals_rebuild()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [name] of TRIGGERS) await sql.raw(`drop trigger ${name} on flows`).execute(db);
  await sql`drop trigger flow_totals_truncate on flows`.execute(db);
  await sql`drop trigger flow_totals_regions on actors`.execute(db);
  for (const fn of ['add', 'remove', 'regions', 'rebuild', 'truncate']) {
    await sql.raw(`drop function flow_totals_${fn}()`).execute(db);
  }
  await sql`drop table flow_totals, flow_source_totals`.execute(db);
}
