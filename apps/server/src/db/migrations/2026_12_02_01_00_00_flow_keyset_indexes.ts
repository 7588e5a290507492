import { type Kysely, sql } from 'kysely';

// An actor's page of in- or outflows is a keyset page by id: (source_id, id) and (target_id, id)
// serve it in order, reading 21 rows instead of sorting all of a county's thousands. They
// replace the single-column indexes, which they cover, so writes keep the same index count.
export async function up(db: Kysely<any>): Promise<void> {
  for (const column of ['source_id', 'target_id'] as const) {
    await sql`create index ${sql.id(`flows_${column}_id_idx`)} on flows (${sql.ref(column)}, id)`.execute(
      db,
    );
    await sql`drop index ${sql.id(`flows_${column}_idx`)}`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ['source_id', 'target_id'] as const) {
    await sql`create index ${sql.id(`flows_${column}_idx`)} on flows (${sql.ref(column)})`.execute(
      db,
    );
    await sql`drop index ${sql.id(`flows_${column}_id_idx`)}`.execute(db);
  }
}
