import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/database.js';
import { type Author, snapshotSql } from '../domain/records/revisions.js';
import { type AfterDirect, applyFlows } from './apply-flows.js';
import { type BulkLoad, type BulkTable, shouldBulkLoad } from './bulk-load.js';
import {
  affected,
  count,
  createRevisions,
  dropRetracted,
  revisionColumns,
  type TypeCounts,
  updateRevisions,
} from './staged-sql.js';

async function applyActors(db: Kysely<Database>, by: Author, reason: string): Promise<TypeCounts> {
  const skipped = await dropRetracted(db, 'Actor');
  const total = await count(db, 'import_actors');
  const updated = affected(
    await sql`with old as (
        select a.id, ${snapshotSql('Actor', 'a')} as before from actors a join import_actors s on s.key = a.key
        where (a.name, a.name_en, a.kind, a.region_code, a.member_count, a.aliases, a.note, a.note_zh)
          is distinct from (s.name, s.name_en, s.kind, s.region_code, s.member_count, s.aliases, s.note,
            s.note_zh)
      ), upd as (
        update actors a set name = s.name, name_en = s.name_en, kind = s.kind,
          region_code = s.region_code, member_count = s.member_count, aliases = s.aliases, note = s.note,
          note_zh = s.note_zh
        from import_actors s where s.key = a.key and a.id in (select id from old) returning a.*
      )
      ${updateRevisions('Actor', revisionColumns(by, reason))}`.execute(db),
  );
  const created = affected(
    await sql`with ins as (
        insert into actors (key, name, name_en, kind, region_code, member_count, aliases, note, note_zh)
        select s.key, s.name, s.name_en, s.kind, s.region_code, s.member_count, s.aliases, s.note,
          s.note_zh
        from import_actors s where not exists (select 1 from actors a where a.key = s.key)
        order by s.row_no returning *
      )
      ${createRevisions('Actor', revisionColumns(by, reason))}`.execute(db),
  );
  return { created, updated, unchanged: total - created - updated, skipped };
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
               o.region_code, o.program_id, o.note, o.note_zh, o.inferred)
          is distinct from (s.metric, s.value, s.qualifier, s.low, s.high, s.unit, s.year, s.kind,
               s.actor_id, s.region_code, s.program_id, s.note, s.note_zh, s.inferred)
      ), upd as (
        update observations o set metric = s.metric, value = s.value, qualifier = s.qualifier,
          low = s.low, high = s.high, unit = s.unit, year = s.year, kind = s.kind,
          actor_id = s.actor_id, region_code = s.region_code, program_id = s.program_id, note = s.note,
          note_zh = s.note_zh, inferred = s.inferred
        from src s where s.key = o.key and o.id in (select id from old) returning o.*
      )
      ${updateRevisions('Observation', revisionColumns(by, reason))}`.execute(db),
  );
  const created = affected(
    await sql`with src as (${src}), ins as (
        insert into observations (key, metric, value, qualifier, low, high, unit, year, kind,
          actor_id, region_code, program_id, note, note_zh, inferred)
        select s.key, s.metric, s.value, s.qualifier, s.low, s.high, s.unit, s.year, s.kind,
          s.actor_id, s.region_code, s.program_id, s.note, s.note_zh, s.inferred
        from src s where not exists (select 1 from observations o where o.key = s.key)
        order by s.row_no returning *
      )
      ${createRevisions('Observation', revisionColumns(by, reason))}`.execute(db),
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
