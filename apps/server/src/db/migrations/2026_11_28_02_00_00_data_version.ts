import { type Kysely, sql } from 'kysely';

// One counter that every write to traced data bumps (once per statement), so servers can cache
// computed results and know, with one cheap read, when they went stale.
const TABLES = ['flows', 'actors', 'actor_members', 'observations', 'programs', 'regions'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table data_version (
    id int primary key default 1 check (id = 1),
    version bigint not null default 0)`.execute(db);
  await sql`insert into data_version (id, version) values (1, 0)`.execute(db);
  await sql`create function bump_data_version() returns trigger language plpgsql as $$
    begin
      update data_version set version = version + 1 where id = 1;
      return null;
    end $$`.execute(db);
  for (const table of TABLES) {
    await sql`create trigger ${sql.id(`${table}_bump_data_version`)}
      after insert or update or delete or truncate on ${sql.table(table)}
      for each statement execute function bump_data_version()`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of TABLES) {
    await sql`drop trigger if exists ${sql.id(`${table}_bump_data_version`)} on ${sql.table(table)}`.execute(
      db,
    );
  }
  await sql`drop function if exists bump_data_version()`.execute(db);
  await sql`drop table if exists data_version`.execute(db);
}
