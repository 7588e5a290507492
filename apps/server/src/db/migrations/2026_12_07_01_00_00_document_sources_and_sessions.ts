import { type Kysely, sql } from 'kysely';

// Frozen in time: never import app code here.

export async function up(db: Kysely<any>): Promise<void> {
  // What an added document was made from: the uploaded file's SHA-256 and, for a PDF, where each
  // page starts in the stored text (code points). Both null for the seed and pasted text.
  await sql`alter table documents
    add column source_sha256 text check (source_sha256 ~ '^[0-9a-f]{64}$'),
    add column source_format text check (source_format in ('TEXT','HTML','PDF')),
    add column page_offsets integer[]`.execute(db);

  // Browser sessions: a signed-in curator's cookie stands for a token. Only the hash of the
  // cookie's secret is stored (the CSRF token is derived from the secret, so it is not stored).
  await sql`create table sessions (
    id serial primary key,
    secret_sha256 text not null unique check (secret_sha256 ~ '^[0-9a-f]{64}$'),
    token_id integer,
    author text not null,
    scopes text[] not null,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null,
    ended_at timestamptz,
    check (expires_at > created_at))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists sessions`.execute(db);
  await sql`alter table documents drop column if exists source_sha256,
    drop column if exists source_format, drop column if exists page_offsets`.execute(db);
}
