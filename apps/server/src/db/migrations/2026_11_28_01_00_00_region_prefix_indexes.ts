import { type Kysely, sql } from 'kysely';

// Region filters match GB/T 2260 code prefixes (`like '15%'`); under a non-C collation a plain
// btree cannot serve them, text_pattern_ops can.
const INDEXES = [
  ['actors_region_prefix_idx', 'actors'],
  ['observations_region_prefix_idx', 'observations'],
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, table] of INDEXES) {
    await sql`create index ${sql.id(name)} on ${sql.table(table)} (region_code text_pattern_ops)`.execute(
      db,
    );
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [name] of INDEXES) await sql`drop index if exists ${sql.id(name)}`.execute(db);
}
