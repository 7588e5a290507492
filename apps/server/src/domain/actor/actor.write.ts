import { type Kysely, sql } from 'kysely';
import type { ActorRow } from '../../db/database.js';
import { ConflictError } from '../errors.js';
import type { RetractValue } from '../records/record.rules.js';
import { defined, finishUpdate, loadForUpdate } from '../records/record.update.js';
import { type Db, finishCreate, INPUT, newKey } from '../records/record.write.js';
import { mustExist, regionMustExist } from '../records/record-exists.js';
import { tableOf } from '../records/record-types.js';
import { type Author, appendRevision, snapshot } from '../records/revisions.js';
import type { CreateActorValue, UpdateActorValue } from './actor.rules.js';

// The writes of actors, and retraction of any record (mutations/shared.ts has the rules).

export async function createActor(db: Db, by: Author, input: CreateActorValue): Promise<ActorRow> {
  const regionCode = await regionMustExist(db, input.regionCode, [...INPUT, 'regionCode']);
  const key = await newKey(db, 'Actor', input.key);
  const row = await db
    .insertInto('actors')
    .values({
      key,
      name: input.name,
      name_en: input.nameEn ?? null,
      kind: input.kind,
      region_code: regionCode,
      member_count: input.memberCount ?? null,
      aliases: input.aliases ?? [],
      note: input.note ?? null,
      note_zh: input.noteZh ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await finishCreate(db, by, 'Actor', row.id, input);
  return row;
}

export async function updateActor(db: Db, by: Author, input: UpdateActorValue): Promise<ActorRow> {
  const { id } = await loadForUpdate(db, 'Actor', input);
  if (input.regionCode != null)
    await regionMustExist(db, input.regionCode, [...INPUT, 'regionCode']);
  const set = defined({
    name: input.name ?? undefined,
    name_en: input.nameEn,
    kind: input.kind ?? undefined,
    region_code: input.regionCode,
    member_count: input.memberCount,
    aliases: input.aliases === null ? [] : input.aliases,
    note: input.note,
    note_zh: input.noteZh,
  });
  return finishUpdate(db, by, 'Actor', id, set, input);
}

/** Counts of live records that refer to an actor or a flow, for refusing a retraction. */
async function references(db: Db, type: 'Actor' | 'Flow', id: number) {
  const { rows } = await (type === 'Actor'
    ? sql<{ what: string; n: number }>`
        select 'flows' as what, count(*)::int as n from flows where source_id = ${id} or target_id = ${id}
        union all select 'observations', count(*)::int from observations where actor_id = ${id}
        union all select 'pairings', count(*)::int from pairings where helper_id = ${id} or recipient_id = ${id}
        union all select 'group memberships', count(*)::int from actor_members
          where group_id = ${id} or member_id = ${id}`
    : sql<{ what: string; n: number }>`
        select 'child flows' as what, count(*)::int as n from flows where parent_id = ${id}
        union all select 'overlaps', count(*)::int from flow_overlaps
          where flow_a_id = ${id} or flow_b_id = ${id}`
  ).execute(db);
  return rows.filter((r) => r.n > 0);
}

export async function retract(
  db: Db,
  by: Author,
  type: 'Actor' | 'Flow' | 'Observation' | 'Overlap' | 'Pairing',
  input: RetractValue,
): Promise<{ id: number; key: string; typename: string }> {
  const table = tableOf(type);
  const id = await mustExist(db, input.id, [...INPUT, 'id']);
  if (type === 'Actor' || type === 'Flow') {
    const refs = await references(db, type, id);
    if (refs.length) {
      const list = refs.map((r) => `${r.n} ${r.what}`).join(', ');
      throw new ConflictError(
        `${type} ${input.id.raw} is still referenced by ${list}; retract or update those first`,
        [...INPUT, 'id'],
      );
    }
  }
  const before = await snapshot(db, type, id);
  // The row leaves its table (and with it every read); its last state stays in the revision.
  // biome-ignore lint/suspicious/noExplicitAny: tables sharing an integer id column
  await (db as Kysely<any>).deleteFrom(table).where('id', '=', id).execute();
  await appendRevision(db, { type, id, action: 'RETRACT', by, reason: input.reason, before });
  return { id, key: String(before?.key ?? ''), typename: type };
}
