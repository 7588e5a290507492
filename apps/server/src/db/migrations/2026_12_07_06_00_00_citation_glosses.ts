import { type Kysely, sql } from 'kysely';

// Frozen in time: never import app code here.

// A short English gloss of a citation's (Chinese) quote, for English readers (issue 18).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table citations add column gloss text`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table citations drop column gloss`.execute(db);
}
