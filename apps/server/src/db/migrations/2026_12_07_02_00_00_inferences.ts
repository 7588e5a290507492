import { type Kysely, sql } from 'kysely';

// Frozen in time: never import app code here.

export async function up(db: Kysely<any>): Promise<void> {
  // Which fields of a flow or observation its source does not state: [{ field, note }, ...].
  // The field names and notes are checked by the domain rules; the table keeps the shape.
  for (const table of ['flows', 'observations']) {
    await sql`alter table ${sql.table(table)}
      add column inferred jsonb not null default '[]'::jsonb,
      add constraint ${sql.id(`${table}_inferred_is_array`)}
        check (jsonb_typeof(inferred) = 'array')`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['flows', 'observations'])
    await sql`alter table ${sql.table(table)} drop column inferred`.execute(db);
}
