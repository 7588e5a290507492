import { type Kysely, sql } from 'kysely';

// Frozen in time: never import app code here.

// Pairings are recorded and retracted through the API like the other records (issue 16), so
// their writes keep revisions too.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table revisions drop constraint revisions_record_type_check`.execute(db);
  await sql`alter table revisions add constraint revisions_record_type_check
    check (record_type in ('Actor','Flow','Observation','Document','Overlap','Pairing'))`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from revisions where record_type = 'Pairing'`.execute(db);
  await sql`alter table revisions drop constraint revisions_record_type_check`.execute(db);
  await sql`alter table revisions add constraint revisions_record_type_check
    check (record_type in ('Actor','Flow','Observation','Document','Overlap'))`.execute(db);
}
