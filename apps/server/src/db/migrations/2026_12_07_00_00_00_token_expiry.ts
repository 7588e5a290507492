import { type Kysely, sql } from 'kysely';

// Frozen in time: never import app code here.

export async function up(db: Kysely<any>): Promise<void> {
  // Every token expires. Tokens made before expiry existed get the default term from today.
  await sql`alter table api_tokens add column expires_at timestamptz`.execute(db);
  await sql`update api_tokens set expires_at = now() + interval '90 days'`.execute(db);
  await sql`alter table api_tokens alter column expires_at set not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table api_tokens drop column expires_at`.execute(db);
}
