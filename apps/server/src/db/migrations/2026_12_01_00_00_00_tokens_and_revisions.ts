import { type Kysely, sql } from 'kysely';

// Frozen in time: never import app code here.

export async function up(db: Kysely<any>): Promise<void> {
  // API tokens: only the SHA-256 of the secret is stored; the secret is shown once, at creation.
  await sql`create table api_tokens (
    id serial primary key,
    secret_sha256 text not null unique check (secret_sha256 ~ '^[0-9a-f]{64}$'),
    scopes text[] not null check (cardinality(scopes) > 0 and scopes <@ array['write']::text[]),
    label text check (char_length(label) between 1 and 100),
    created_at timestamptz not null default now(),
    revoked_at timestamptz)`.execute(db);

  // One row per write: who, when, why, and the record before and after (amounts as strings).
  // A creation stores no snapshot: what it created is the `before` of the record's next revision,
  // or the record as it stands; so an import of a million rows writes a million small rows.
  // Retracted records leave their tables; their last state stays here, in `before`.
  // token_id has no foreign key: tokens are revoked, never deleted, and bulk imports skip a check.
  await sql`create table revisions (
    id bigserial primary key,
    record_type text not null check (record_type in ('Actor','Flow','Observation','Document')),
    record_id integer not null,
    record_key text not null,
    action text not null check (action in ('CREATE','UPDATE','RETRACT')),
    author text not null,
    token_id integer,
    at timestamptz not null default now(),
    reason text,
    before jsonb,
    after jsonb,
    check ((action = 'CREATE') = (before is null)),
    check ((action = 'UPDATE') = (after is not null)))`.execute(db);
  await sql`create index revisions_record_idx on revisions (record_type, record_id, id)`.execute(
    db,
  );
  // Keys of retracted records are never reused: imports look them up here.
  await sql`create index revisions_retracted_key_idx on revisions (record_type, record_key)
    where action = 'RETRACT'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists revisions`.execute(db);
  await sql`drop table if exists api_tokens`.execute(db);
}
