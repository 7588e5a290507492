import { type Kysely, sql } from 'kysely';

// Whole GraphQL responses are now cached per data version, so every table a read can show must
// bump it (the first data_version migration covered only what traces read), and every bump is
// announced on a channel of the table's schema, so servers on PostgreSQL learn of a write by
// NOTIFY instead of reading the counter on every request. NOTIFY is delivered at commit, never
// for a rolled-back write, and identical notifications of one transaction are sent once.
const MORE_TABLES = ['documents', 'metrics', 'pairings', 'citations', 'revisions'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create or replace function bump_data_version() returns trigger language plpgsql as $$
    begin
      update data_version set version = version + 1 where id = 1;
      perform pg_notify('fundtrace_data_version:' || tg_table_schema, '');
      return null;
    end $$`.execute(db);
  for (const table of MORE_TABLES) {
    await sql`create trigger ${sql.id(`${table}_bump_data_version`)}
      after insert or update or delete or truncate on ${sql.table(table)}
      for each statement execute function bump_data_version()`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of MORE_TABLES) {
    await sql`drop trigger if exists ${sql.id(`${table}_bump_data_version`)} on ${sql.table(table)}`.execute(
      db,
    );
  }
  await sql`create or replace function bump_data_version() returns trigger language plpgsql as $$
    begin
      update data_version set version = version + 1 where id = 1;
      return null;
    end $$`.execute(db);
}
