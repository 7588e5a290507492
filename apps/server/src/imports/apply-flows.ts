import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../db/database.js';
import type { RowError } from '../domain/errors.js';
import { type Author, snapshotSql } from '../domain/records/revisions.js';
import type { ReservedIds } from './direct.js';
import { MAX_REPORTED } from './problems.js';
import {
  affected,
  count,
  createRevisions,
  dropRetracted,
  type StagedProblem as Problem,
  revisionColumns,
  type TypeCounts,
  updateRevisions,
} from './staged-sql.js';

/**
 * The staged flows with their ids resolved (parents among stored flows). Without parents in the
 * file, the join with every stored flow's key is left out.
 */
const resolvedFlows = (withParents: boolean) => sql`select s.*, src.id as source_id,
    tgt.id as target_id, p.id as program_id, ${withParents ? sql`par.id` : sql`null::int`} as parent_id
  from import_flows s
  join actors src on src.key = s.source_key
  join actors tgt on tgt.key = s.target_key
  left join programs p on p.key = s.program_key
  ${withParents ? sql`left join flows par on par.key = s.parent_key` : sql``}`;

/** What direct loading (direct.ts) leaves the staged flows to know. */
export interface AfterDirect {
  /** No staged row matches a flow above this id (those are the file's own). */
  storedUpTo: number;
  reserved: ReservedIds;
}

/** How the staged flows are written: the SQL they share, and what the writes need to know. */
interface FlowWrite {
  db: Kysely<Database>;
  /** The staged flows with their ids resolved (`resolvedFlows`). */
  resolved: RawBuilder<unknown>;
  revision: RawBuilder<unknown>;
  /** Staged rows that match stored flows, counted before any insert. */
  existing: number;
  direct: AfterDirect | null;
}

export async function applyFlows(
  db: Kysely<Database>,
  by: Author,
  reason: string,
  direct: AfterDirect | null,
): Promise<TypeCounts & { unresolved: RowError[] }> {
  const skipped = await dropRetracted(db, 'Flow');
  const total = await count(db, 'import_flows');
  // Rows that match stored flows, counted before any insert: a file of new flows (a first import)
  // skips the search for changed rows, a join of every row with the stored flows.
  const { rows: stored } = await sql<{ n: number }>`select count(*)::int as n from import_flows s
    where exists (select 1 from flows f where f.key = s.key
      ${direct ? sql`and f.id <= ${direct.storedUpTo}` : sql``})`.execute(db);
  const parents =
    await sql`select 1 from import_flows where parent_key is not null limit 1`.execute(db);
  const w: FlowWrite = {
    db,
    resolved: resolvedFlows(parents.rows.length > 0),
    revision: revisionColumns(by, reason),
    existing: stored[0]?.n ?? 0,
    direct,
  };
  const { created, unresolved } = await insertFlows(w);
  const updated = w.existing === 0 ? 0 : await updateFlows(w);
  return {
    created,
    updated,
    unchanged: total - created - updated - unresolved.length,
    skipped,
    unresolved: unresolved.map((r) => ({ row: r.row_no, column: r.col, message: r.message })),
  };
}

/**
 * Inserts the new flows, parents first: each wave adds the flows whose parent is stored by then.
 * Flows left over name each other in a cycle: they come back as unresolved.
 */
async function insertFlows(w: FlowWrite): Promise<{ created: number; unresolved: Problem[] }> {
  const { db } = w;
  let created = affected(await insertWave(w, false).execute(db));
  const hasChildren = await sql<{ x: number }>`select 1 as x from import_flows s
    where s.parent_key is not null and not exists (select 1 from flows f where f.key = s.key) limit 1`.execute(
    db,
  );
  if (hasChildren.rows.length === 0) return { created, unresolved: [] };
  for (let wave = 0; wave < 1000; wave++) {
    const n = affected(await insertWave(w, true).execute(db));
    created += n;
    if (n === 0) break;
  }
  const { rows: unresolved } = await sql<Problem>`select s.row_no, 'parent_external_id' as col,
      'the parent chain of this flow returns to it (a cycle)' as message
    from import_flows s where not exists (select 1 from flows f where f.key = s.key)
    order by s.row_no limit ${MAX_REPORTED}`.execute(db);
  return { created, unresolved };
}

/** One insert of staged flows whose parent is stored (or who have none), with their revisions. */
function insertWave(w: FlowWrite, childrenOnly: boolean) {
  // The rows staged before direct loading began take the ids kept for them, in row order.
  const kept = w.direct?.reserved;
  const id =
    kept && !childrenOnly
      ? sql`case when s.row_no <= ${kept.upToRow} then ${kept.from - 1}::bigint + row_number()
          over (partition by s.row_no <= ${kept.upToRow} order by s.row_no)
          else nextval(pg_get_serial_sequence('flows', 'id')) end`
      : null;
  return sql`with src as (${w.resolved}), ins as (
      insert into flows (${id ? sql`id, ` : sql``}key, source_id, target_id, amount, qualifier,
        low, high, unit, year, status, instrument, program_id, parent_id, note, note_zh, inferred)
      select ${id ? sql`${id}, ` : sql``}s.key, s.source_id, s.target_id, s.amount, s.qualifier, s.low, s.high, s.unit, s.year,
        s.status, s.instrument, s.program_id, s.parent_id, s.note, s.note_zh, s.inferred
      from src s
      where (s.parent_key is null or s.parent_id is not null)
        ${childrenOnly ? sql`and s.parent_key is not null` : sql``}
        ${w.existing > 0 || childrenOnly ? sql`and not exists (select 1 from flows f where f.key = s.key)` : sql``}
      order by s.row_no returning *
    )
    ${createRevisions('Flow', w.revision)}`;
}

/** Updates the stored flows that the file changes, each with an UPDATE revision. */
async function updateFlows(w: FlowWrite): Promise<number> {
  return affected(
    await sql`with src as (${w.resolved}), old as (
        select f.id, ${snapshotSql('Flow', 'f')} as before from flows f join src s on s.key = f.key
        where (f.source_id, f.target_id, f.amount, f.qualifier, f.low, f.high, f.unit, f.year, f.status,
               f.instrument, f.program_id, f.parent_id, f.note, f.note_zh, f.inferred)
          is distinct from (s.source_id, s.target_id, s.amount, s.qualifier, s.low, s.high, s.unit, s.year,
               s.status, s.instrument, s.program_id, s.parent_id, s.note, s.note_zh, s.inferred)
      ), upd as (
        update flows f set source_id = s.source_id, target_id = s.target_id, amount = s.amount,
          qualifier = s.qualifier, low = s.low, high = s.high, unit = s.unit, year = s.year,
          status = s.status, instrument = s.instrument, program_id = s.program_id,
          parent_id = s.parent_id, note = s.note, note_zh = s.note_zh, inferred = s.inferred
        from src s where s.key = f.key and f.id in (select id from old) returning f.*
      )
      ${updateRevisions('Flow', w.revision)}`.execute(w.db),
  );
}
