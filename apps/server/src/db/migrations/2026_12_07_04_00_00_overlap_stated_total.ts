import { type Kysely, sql } from 'kysely';

// Frozen in time: never import app code here.

// A stated total for an overlap's two flows (issue 15, "sources meet"): a figure a source gives
// for both together (100亿 from the four levels of government, against 80亿 + 48.8亿 recorded
// from another document). Together at most that much, the two share at least their sum minus it.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table flow_overlaps add column stated_total numeric(24,4)
    check (stated_total >= 0)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table flow_overlaps drop column stated_total`.execute(db);
}
