import { type Kysely, sql } from 'kysely';

// Frozen in time: never import app code here.

// Overlaps: two flows that may share money (issue 15), so totals can give the least they can be.
// The pair is stored in canonical order (flow_a_id < flow_b_id), so a pair is recorded once.
// max_shared null means "by default": the smaller flow's amount, read when totals are computed.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table flow_overlaps (
    id serial primary key,
    key text not null unique,
    flow_a_id integer not null references flows(id),
    flow_b_id integer not null references flows(id),
    certainty text not null check (certainty in ('STATED','PROBABLE','POSSIBLE')),
    max_shared numeric(24,4) check (max_shared >= 0),
    note text,
    check (flow_a_id < flow_b_id),
    unique (flow_a_id, flow_b_id))`.execute(db);
  await sql`create index flow_overlaps_flow_b_idx on flow_overlaps (flow_b_id)`.execute(db);
  await sql`create trigger flow_overlaps_bump_data_version
    after insert or update or delete or truncate on flow_overlaps
    for each statement execute function bump_data_version()`.execute(db);

  await sql`alter table citations add column overlap_id integer
    references flow_overlaps(id) on delete cascade`.execute(db);
  await sql`create index citations_overlap_id_idx on citations (overlap_id)`.execute(db);
  await sql`alter table citations drop constraint citations_one_record`.execute(db);
  await sql`alter table citations add constraint citations_one_record
    check (num_nonnulls(flow_id, observation_id, actor_id, pairing_id, overlap_id) = 1)`.execute(
    db,
  );

  await sql`alter table revisions drop constraint revisions_record_type_check`.execute(db);
  await sql`alter table revisions add constraint revisions_record_type_check
    check (record_type in ('Actor','Flow','Observation','Document','Overlap'))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from revisions where record_type = 'Overlap'`.execute(db);
  await sql`alter table revisions drop constraint revisions_record_type_check`.execute(db);
  await sql`alter table revisions add constraint revisions_record_type_check
    check (record_type in ('Actor','Flow','Observation','Document'))`.execute(db);
  await sql`alter table citations drop constraint citations_one_record`.execute(db);
  await sql`delete from citations where overlap_id is not null`.execute(db);
  await sql`alter table citations add constraint citations_one_record
    check (num_nonnulls(flow_id, observation_id, actor_id, pairing_id) = 1)`.execute(db);
  await sql`alter table citations drop column overlap_id`.execute(db);
  await sql`drop table flow_overlaps`.execute(db);
}
