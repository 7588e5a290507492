import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/database.js';
import type { RowError } from '../errors.js';
import { type Author, snapshotSql } from '../history/revisions.js';
import { type BulkLoad, type BulkTable, shouldBulkLoad } from './bulk-load.js';
import type { ReservedIds } from './direct.js';

/** Reported errors per check; the count covers them all. */
const MAX_REPORTED = 1000;

interface Problem {
  row_no: number;
  col: string;
  message: string;
}

/**
 * Problems only the database can find: references to keys, codes and metrics that are neither
 * stored nor in the file. Rows whose key belongs to a retracted record are set aside first
 * (they are skipped, not revived).
 */
export async function referenceProblems(
  db: Kysely<Database>,
): Promise<{ errors: RowError[]; count: number }> {
  const checks = [
    sql<Problem>`select s.row_no, 'region_code' as col, 'no region with code ' || s.region_code as message
      from import_actors s where s.region_code is not null
        and not exists (select 1 from regions r where r.code = s.region_code)`,
    sql<Problem>`select s.row_no, c.col, 'no actor with key ' || c.k as message
      from import_flows s cross join lateral (values ('source_key', s.source_key), ('target_key', s.target_key)) c(col, k)
      where not exists (select 1 from actors a where a.key = c.k)
        and not exists (select 1 from import_actors i where i.key = c.k)`,
    sql<Problem>`select s.row_no, 'program_key' as col, 'no program with key ' || s.program_key as message
      from import_flows s where s.program_key is not null
        and not exists (select 1 from programs p where p.key = s.program_key)`,
    sql<Problem>`select s.row_no, 'parent_external_id' as col,
        'no flow with external id ' || s.parent_key || ' in the database or the file' as message
      from import_flows s where s.parent_key is not null
        and not exists (select 1 from flows f where f.key = s.parent_key)
        and not exists (select 1 from import_flows i where i.key = s.parent_key)`,
    sql<Problem>`select s.row_no, 'metric' as col, 'no metric with key ' || s.metric as message
      from import_observations s where not exists (select 1 from metrics m where m.key = s.metric)`,
    sql<Problem>`select s.row_no, 'actorKey' as col, 'no actor with key ' || s.actor_key as message
      from import_observations s where s.actor_key is not null
        and not exists (select 1 from actors a where a.key = s.actor_key)
        and not exists (select 1 from import_actors i where i.key = s.actor_key)`,
    sql<Problem>`select s.row_no, 'regionCode' as col, 'no region with code ' || s.region_code as message
      from import_observations s where s.region_code is not null
        and not exists (select 1 from regions r where r.code = s.region_code)`,
    sql<Problem>`select s.row_no, 'programKey' as col, 'no program with key ' || s.program_key as message
      from import_observations s where s.program_key is not null
        and not exists (select 1 from programs p where p.key = s.program_key)`,
  ];
  const errors: RowError[] = [];
  let count = 0;
  for (const check of checks) {
    const { rows } = await sql<Problem & { n: number }>`
      select p.*, count(*) over ()::int as n from (${check}) p order by p.row_no limit ${MAX_REPORTED}`.execute(
      db,
    );
    count += rows[0]?.n ?? 0;
    for (const r of rows) errors.push({ row: r.row_no, column: r.col, message: r.message });
  }
  return { errors, count };
}

export interface TypeCounts {
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
}

const TABLES = {
  Actor: ['import_actors', 'actors'],
  Flow: ['import_flows', 'flows'],
  Observation: ['import_observations', 'observations'],
} as const;
type Staged = keyof typeof TABLES;

/** Staged rows whose key belongs to a retracted record: left out, and counted as skipped. */
async function dropRetracted(db: Kysely<Database>, type: Staged): Promise<number> {
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

async function count(db: Kysely<Database>, staging: string): Promise<number> {
  const { rows } = await sql<{
    n: number;
  }>`select count(*)::int as n from ${sql.table(staging)}`.execute(db);
  return rows[0]?.n ?? 0;
}

function revisionColumns(by: Author, reason: string) {
  return sql`${by.author}, ${by.tokenId}::int, ${reason}`;
}

const affected = (r: { numAffectedRows?: bigint }) => Number(r.numAffectedRows ?? 0);

async function applyActors(db: Kysely<Database>, by: Author, reason: string): Promise<TypeCounts> {
  const skipped = await dropRetracted(db, 'Actor');
  const total = await count(db, 'import_actors');
  const updated = affected(
    await sql`with old as (
        select a.id, ${snapshotSql('Actor', 'a')} as before from actors a join import_actors s on s.key = a.key
        where (a.name, a.name_en, a.kind, a.region_code, a.member_count, a.aliases, a.note)
          is distinct from (s.name, s.name_en, s.kind, s.region_code, s.member_count, s.aliases, s.note)
      ), upd as (
        update actors a set name = s.name, name_en = s.name_en, kind = s.kind,
          region_code = s.region_code, member_count = s.member_count, aliases = s.aliases, note = s.note
        from import_actors s where s.key = a.key and a.id in (select id from old) returning a.*
      )
      insert into revisions (record_type, record_id, record_key, action, author, token_id, reason, before, after)
      select 'Actor', upd.id, upd.key, 'UPDATE', ${revisionColumns(by, reason)}, old.before,
        ${snapshotSql('Actor', 'upd')} from upd join old on old.id = upd.id`.execute(db),
  );
  const created = affected(
    await sql`with ins as (
        insert into actors (key, name, name_en, kind, region_code, member_count, aliases, note)
        select s.key, s.name, s.name_en, s.kind, s.region_code, s.member_count, s.aliases, s.note
        from import_actors s where not exists (select 1 from actors a where a.key = s.key)
        order by s.row_no returning *
      )
      insert into revisions (record_type, record_id, record_key, action, author, token_id, reason, before, after)
      select 'Actor', ins.id, ins.key, 'CREATE', ${revisionColumns(by, reason)}, null, null from ins`.execute(
      db,
    ),
  );
  return { created, updated, unchanged: total - created - updated, skipped };
}

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

async function applyFlows(
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
  const existing = stored[0]?.n ?? 0;
  const parents =
    await sql`select 1 from import_flows where parent_key is not null limit 1`.execute(db);
  const RESOLVED_FLOWS = resolvedFlows(parents.rows.length > 0);
  // The rows staged before direct loading began take the ids kept for them, in row order.
  const kept = direct?.reserved;
  const keptId = (childrenOnly: boolean) =>
    kept && !childrenOnly
      ? sql`case when s.row_no <= ${kept.upToRow} then ${kept.from - 1}::bigint + row_number()
          over (partition by s.row_no <= ${kept.upToRow} order by s.row_no)
          else nextval(pg_get_serial_sequence('flows', 'id')) end`
      : null;
  const insertWave = (
    childrenOnly: boolean,
    id = keptId(childrenOnly),
  ) => sql`with src as (${RESOLVED_FLOWS}), ins as (
      insert into flows (${id ? sql`id, ` : sql``}key, source_id, target_id, amount, qualifier,
        low, high, unit, year, status, instrument, program_id, parent_id, note)
      select ${id ? sql`${id}, ` : sql``}s.key, s.source_id, s.target_id, s.amount, s.qualifier, s.low, s.high, s.unit, s.year,
        s.status, s.instrument, s.program_id, s.parent_id, s.note
      from src s
      where (s.parent_key is null or s.parent_id is not null)
        ${childrenOnly ? sql`and s.parent_key is not null` : sql``}
        ${existing > 0 || childrenOnly ? sql`and not exists (select 1 from flows f where f.key = s.key)` : sql``}
      order by s.row_no returning *
    )
    insert into revisions (record_type, record_id, record_key, action, author, token_id, reason, before, after)
    select 'Flow', ins.id, ins.key, 'CREATE', ${revisionColumns(by, reason)}, null, null from ins`;
  // Parents first: each wave adds the flows whose parent is stored by then.
  let created = affected(await insertWave(false).execute(db));
  const hasChildren = await sql<{ x: number }>`select 1 as x from import_flows s
    where s.parent_key is not null and not exists (select 1 from flows f where f.key = s.key) limit 1`.execute(
    db,
  );
  if (hasChildren.rows.length) {
    for (let wave = 0; wave < 1000; wave++) {
      const n = affected(await insertWave(true).execute(db));
      created += n;
      if (n === 0) break;
    }
  }
  // Parents resolve in waves; flows left over name each other in a cycle.
  const { rows: unresolved } = hasChildren.rows.length
    ? await sql<Problem>`select s.row_no, 'parent_external_id' as col,
          'the parent chain of this flow returns to it (a cycle)' as message
        from import_flows s where not exists (select 1 from flows f where f.key = s.key)
        order by s.row_no limit ${MAX_REPORTED}`.execute(db)
    : { rows: [] as Problem[] };
  const updated =
    existing === 0
      ? 0
      : affected(
          await sql`with src as (${RESOLVED_FLOWS}), old as (
        select f.id, ${snapshotSql('Flow', 'f')} as before from flows f join src s on s.key = f.key
        where (f.source_id, f.target_id, f.amount, f.qualifier, f.low, f.high, f.unit, f.year, f.status,
               f.instrument, f.program_id, f.parent_id, f.note)
          is distinct from (s.source_id, s.target_id, s.amount, s.qualifier, s.low, s.high, s.unit, s.year,
               s.status, s.instrument, s.program_id, s.parent_id, s.note)
      ), upd as (
        update flows f set source_id = s.source_id, target_id = s.target_id, amount = s.amount,
          qualifier = s.qualifier, low = s.low, high = s.high, unit = s.unit, year = s.year,
          status = s.status, instrument = s.instrument, program_id = s.program_id,
          parent_id = s.parent_id, note = s.note
        from src s where s.key = f.key and f.id in (select id from old) returning f.*
      )
      insert into revisions (record_type, record_id, record_key, action, author, token_id, reason, before, after)
      select 'Flow', upd.id, upd.key, 'UPDATE', ${revisionColumns(by, reason)}, old.before,
        ${snapshotSql('Flow', 'upd')} from upd join old on old.id = upd.id`.execute(db),
        );
  return {
    created,
    updated,
    unchanged: total - created - updated - unresolved.length,
    skipped,
    unresolved: unresolved.map((r) => ({ row: r.row_no, column: r.col, message: r.message })),
  };
}

async function applyObservations(
  db: Kysely<Database>,
  by: Author,
  reason: string,
): Promise<TypeCounts> {
  const skipped = await dropRetracted(db, 'Observation');
  const total = await count(db, 'import_observations');
  const src = sql`select s.*, a.id as actor_id, p.id as program_id from import_observations s
    left join actors a on a.key = s.actor_key left join programs p on p.key = s.program_key`;
  const updated = affected(
    await sql`with src as (${src}), old as (
        select o.id, ${snapshotSql('Observation', 'o')} as before from observations o join src s on s.key = o.key
        where (o.metric, o.value, o.qualifier, o.low, o.high, o.unit, o.year, o.kind, o.actor_id,
               o.region_code, o.program_id, o.note)
          is distinct from (s.metric, s.value, s.qualifier, s.low, s.high, s.unit, s.year, s.kind,
               s.actor_id, s.region_code, s.program_id, s.note)
      ), upd as (
        update observations o set metric = s.metric, value = s.value, qualifier = s.qualifier,
          low = s.low, high = s.high, unit = s.unit, year = s.year, kind = s.kind,
          actor_id = s.actor_id, region_code = s.region_code, program_id = s.program_id, note = s.note
        from src s where s.key = o.key and o.id in (select id from old) returning o.*
      )
      insert into revisions (record_type, record_id, record_key, action, author, token_id, reason, before, after)
      select 'Observation', upd.id, upd.key, 'UPDATE', ${revisionColumns(by, reason)}, old.before,
        ${snapshotSql('Observation', 'upd')} from upd join old on old.id = upd.id`.execute(db),
  );
  const created = affected(
    await sql`with src as (${src}), ins as (
        insert into observations (key, metric, value, qualifier, low, high, unit, year, kind,
          actor_id, region_code, program_id, note)
        select s.key, s.metric, s.value, s.qualifier, s.low, s.high, s.unit, s.year, s.kind,
          s.actor_id, s.region_code, s.program_id, s.note
        from src s where not exists (select 1 from observations o where o.key = s.key)
        order by s.row_no returning *
      )
      insert into revisions (record_type, record_id, record_key, action, author, token_id, reason, before, after)
      select 'Observation', ins.id, ins.key, 'CREATE', ${revisionColumns(by, reason)}, null, null
      from ins`.execute(db),
  );
  return { created, updated, unchanged: total - created - updated, skipped };
}

/**
 * Writes the staged rows: actors first (flows and observations may name them), then the rest.
 * Flows and observations that at least double their table load in bulk (bulk-load.ts), unless
 * `bulk` already holds them (flows written while the file was read, direct.ts); `bulkMin`
 * lowers the row floor for that (tests). Restores what was set aside once all is written.
 */
export async function applyStaged(
  db: Kysely<Database>,
  by: Author,
  reason: string,
  bulk: BulkLoad,
  options: {
    bulkMin?: number | undefined;
    /** When flows were written directly (direct.ts). */
    direct?: AfterDirect | null | undefined;
  },
) {
  const { bulkMin } = options;
  const incoming = await count(db, 'import_flows');
  const tables: BulkTable[] = [];
  if (!bulk.has('flows') && (await shouldBulkLoad(db, 'flows', incoming, bulkMin))) {
    tables.push('flows');
    // Each created flow appends a revision: a load that doubles the flows may double those too.
    if (await shouldBulkLoad(db, 'revisions', incoming, bulkMin)) tables.push('revisions');
  }
  if (await shouldBulkLoad(db, 'observations', await count(db, 'import_observations'), bulkMin)) {
    tables.push('observations');
  }
  // Before the first write (which takes the data version's row): a writer that got in between
  // would otherwise hold flows while waiting for that row, and the import wait for flows.
  await bulk.begin(tables);
  const actors = await applyActors(db, by, reason);
  const { unresolved, ...flows } = await applyFlows(db, by, reason, options.direct ?? null);
  const observations = await applyObservations(db, by, reason);
  await bulk.finish();
  return { actors, flows, observations, unresolved };
}
