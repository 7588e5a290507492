import { type Kysely, sql } from 'kysely';

// Frozen in time: never import app code here.

// Other names of a program, as for actors and regions: 京蒙对口帮扶 is found by 北京 (issue 18).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table programs add column aliases text[] not null default '{}'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table programs drop column aliases`.execute(db);
}
