import { type Kysely, sql } from 'kysely';

// Frozen in time: never import app code here.

// The response cache kept answers per one global data version, so any write emptied it all.
// Now every write also bumps the version of what it touched: a scope per table (its name), and
// for flows a scope per year of the rows written (`flows:2017`), so an answer about 2017 flows
// stays valid while 2018 flows are written. The global counter stays as it was (the trace cache
// and answers whose scopes are not known still use it). A TRUNCATE bumps every scope there is.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table data_scopes (
    scope text primary key,
    version bigint not null default 0)`.execute(db);
  await sql`create or replace function bump_data_version() returns trigger language plpgsql as $$
    begin
      update data_version set version = version + 1 where id = 1;
      if tg_op = 'TRUNCATE' then
        update data_scopes set version = version + 1;
      end if;
      insert into data_scopes as s (scope, version) values (tg_table_name, 1)
        on conflict (scope) do update set version = s.version + 1;
      perform pg_notify('fundtrace_data_version:' || tg_table_schema, '');
      return null;
    end $$`.execute(db);
  // The years of the rows a statement wrote, from its transition tables (one trigger per event:
  // a trigger with transition tables serves one event). A branch is planned when first run, so
  // each only names the tables its event has.
  await sql`create function bump_flow_years() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        insert into data_scopes as s (scope, version)
          select distinct 'flows:' || year, 1 from new_rows
          on conflict (scope) do update set version = s.version + 1;
      elsif tg_op = 'DELETE' then
        insert into data_scopes as s (scope, version)
          select distinct 'flows:' || year, 1 from old_rows
          on conflict (scope) do update set version = s.version + 1;
      else
        insert into data_scopes as s (scope, version)
          select 'flows:' || year, 1 from (select year from new_rows
                                           union select year from old_rows) y
          on conflict (scope) do update set version = s.version + 1;
      end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger flows_insert_bump_years after insert on flows
    referencing new table as new_rows
    for each statement execute function bump_flow_years()`.execute(db);
  await sql`create trigger flows_update_bump_years after update on flows
    referencing old table as old_rows new table as new_rows
    for each statement execute function bump_flow_years()`.execute(db);
  await sql`create trigger flows_delete_bump_years after delete on flows
    referencing old table as old_rows
    for each statement execute function bump_flow_years()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const event of ['insert', 'update', 'delete']) {
    await sql`drop trigger if exists ${sql.id(`flows_${event}_bump_years`)} on flows`.execute(db);
  }
  await sql`drop function if exists bump_flow_years()`.execute(db);
  await sql`create or replace function bump_data_version() returns trigger language plpgsql as $$
    begin
      update data_version set version = version + 1 where id = 1;
      perform pg_notify('fundtrace_data_version:' || tg_table_schema, '');
      return null;
    end $$`.execute(db);
  await sql`drop table if exists data_scopes`.execute(db);
}
