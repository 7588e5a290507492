import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../db/database.js';
import { type Author, type RecordType, snapshotSql } from '../domain/records/revisions.js';

/** What an import did with the rows of one record type. */
export interface TypeCounts {
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
}

/** The SQL pieces every step that writes staged rows shares. */

/** A problem with a staged row, as a check query returns it. */
export interface StagedProblem {
  row_no: number;
  col: string;
  message: string;
}

export const TABLES = {
  Actor: ['import_actors', 'actors'],
  Flow: ['import_flows', 'flows'],
  Observation: ['import_observations', 'observations'],
} as const;
export type Staged = keyof typeof TABLES;

/** Staged rows whose key belongs to a retracted record: left out, and counted as skipped. */
export async function dropRetracted(db: Kysely<Database>, type: Staged): Promise<number> {
  const [staging, table] = TABLES[type];
  // Most databases have retracted nothing of the type: one probe of a small partial index.
  const any = await sql`select 1 from revisions
    where record_type = ${type} and action = 'RETRACT' limit 1`.execute(db);
  if (any.rows.length === 0) return 0;
  const result = await sql`delete from ${sql.table(staging)} s
    where not exists (select 1 from ${sql.table(table)} t where t.key = s.key)
      and exists (select 1 from revisions r
        where r.record_type = ${type} and r.record_key = s.key and r.action = 'RETRACT')`.execute(
    db,
  );
  return Number(result.numAffectedRows ?? 0);
}

export async function count(db: Kysely<Database>, staging: string): Promise<number> {
  const { rows } = await sql<{
    n: number;
  }>`select count(*)::int as n from ${sql.table(staging)}`.execute(db);
  return rows[0]?.n ?? 0;
}

export function revisionColumns(by: Author, reason: string) {
  return sql`${by.author}, ${by.tokenId}::int, ${reason}`;
}

/**
 * The UPDATE revisions that close a staged update: `upd` holds the rows as written, `old` their
 * snapshots before. `revision` is the author, token and reason (revisionColumns).
 */
export const updateRevisions = (type: RecordType, revision: RawBuilder<unknown>) =>
  sql`insert into revisions (record_type, record_id, record_key, action, author, token_id, reason, before, after)
      select ${sql.lit(type)}, upd.id, upd.key, 'UPDATE', ${revision}, old.before,
        ${snapshotSql(type, 'upd')} from upd join old on old.id = upd.id`;

/** The CREATE revisions that close a staged insert: `ins` holds the rows as inserted. */
export const createRevisions = (type: RecordType, revision: RawBuilder<unknown>) =>
  sql`insert into revisions (record_type, record_id, record_key, action, author, token_id, reason, before, after)
      select ${sql.lit(type)}, ins.id, ins.key, 'CREATE', ${revision}, null, null from ins`;

export const affected = (r: { numAffectedRows?: bigint }) => Number(r.numAffectedRows ?? 0);
