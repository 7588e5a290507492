import { type Kysely, sql } from 'kysely';

// Frozen in time: never import app code here.

const TABLES = ['actors', 'flows', 'observations', 'pairings', 'flow_overlaps'];

// A record's note in Chinese, next to its English note, for readers of the Chinese pages
// (issue 18: provenance notes in the reader's language).
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of TABLES)
    await sql`alter table ${sql.table(table)} add column note_zh text`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of TABLES)
    await sql`alter table ${sql.table(table)} drop column note_zh`.execute(db);
}
