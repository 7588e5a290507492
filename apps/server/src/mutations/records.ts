import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type {
  ActorRow,
  CitationRow,
  Database,
  DocumentRow,
  FlowRow,
  ObservationRow,
} from '../db/database.js';
import { ConflictError, type FieldPath, NotFoundError, ValidationError } from '../errors.js';
import {
  type Author,
  appendRevision,
  type RecordType,
  retractedKeys,
  snapshot,
} from '../history/revisions.js';
import { announceFlow } from './events.js';
import {
  type AddCitationValue,
  type AddDocumentValue,
  boundColumns,
  boundsIssues,
  type CitationValue,
  type CreateActorValue,
  type DecodedId,
  type RecordFlowValue,
  type RecordObservationValue,
  type RetractValue,
  type UpdateActorValue,
  type UpdateFlowValue,
  type UpdateObservationValue,
} from './inputs.js';

/**
 * The writes behind the mutations. Each takes a transaction (`db` is one), checks what only the
 * database can tell (ids that name records, keys in use), writes, and appends one revision.
 * Paths in errors are the GraphQL input's (["input", "sourceId"]).
 */
type Db = Kysely<Database>;
const INPUT: FieldPath = ['input'];

type IdTable = 'actors' | 'flows' | 'observations' | 'programs' | 'documents';

async function mustExist(db: Db, table: IdTable, ref: DecodedId, path: FieldPath): Promise<number> {
  // biome-ignore lint/suspicious/noExplicitAny: tables sharing an integer id column
  const row = await (db as Kysely<any>)
    .selectFrom(table)
    .select('id')
    .where('id', '=', ref.id)
    .executeTakeFirst();
  if (!row) throw new NotFoundError(path, ref.raw, ref.typename);
  return ref.id;
}

async function mustExistOrNull(
  db: Db,
  table: IdTable,
  ref: DecodedId | null | undefined,
  path: FieldPath,
): Promise<number | null> {
  return ref == null ? null : mustExist(db, table, ref, path);
}

async function regionMustExist(db: Db, code: string | null | undefined, path: FieldPath) {
  if (code == null) return null;
  const row = await db
    .selectFrom('regions')
    .select('code')
    .where('code', '=', code)
    .executeTakeFirst();
  if (!row) throw new NotFoundError(path, code, 'Region');
  return code;
}

async function metricMustExist(db: Db, metric: string, path: FieldPath) {
  const row = await db
    .selectFrom('metrics')
    .select('key')
    .where('key', '=', metric)
    .executeTakeFirst();
  if (!row) throw new NotFoundError(path, metric, 'Metric');
  return metric;
}

/** A new record's key: the one given, unless a live or retracted record has it; else a fresh one. */
async function newKey(
  db: Db,
  type: RecordType,
  table: IdTable,
  key: string | null | undefined,
): Promise<string> {
  if (key == null) return `${type.toLowerCase()}-${randomUUID()}`;
  // biome-ignore lint/suspicious/noExplicitAny: tables sharing a key column
  const live = await (db as Kysely<any>)
    .selectFrom(table)
    .select('id')
    .where('key', '=', key)
    .executeTakeFirst();
  if (live)
    throw new ConflictError(`key "${key}" is in use by ${type} ${live.id}`, [...INPUT, 'key']);
  if ((await retractedKeys(db, type, [key])).has(key)) {
    throw new ConflictError(`key "${key}" belonged to a retracted ${type}; choose another`, [
      ...INPUT,
      'key',
    ]);
  }
  return key;
}

type CitedColumn = 'flow_id' | 'observation_id' | 'actor_id';

/**
 * Writes citations of one record: each quote is the document's text at [start, end), in code
 * points, taken by the database (which also checks it, by trigger).
 */
async function writeCitations(
  db: Db,
  column: CitedColumn,
  recordId: number,
  cites: CitationValue[],
  path: FieldPath | ((index: number) => FieldPath),
): Promise<void> {
  for (const [i, cite] of cites.entries()) {
    const at = typeof path === 'function' ? path(i) : [...path, i];
    const doc = await db
      .selectFrom('documents')
      .select(['id', sql<number>`char_length(text)`.as('length')])
      .where('id', '=', cite.documentId.id)
      .executeTakeFirst();
    if (!doc) throw new NotFoundError([...at, 'documentId'], cite.documentId.raw, 'Document');
    if (cite.end > doc.length) {
      throw new ValidationError([
        {
          path: [...at, 'end'],
          message: `is past the end of the document (${doc.length} characters)`,
        },
      ]);
    }
  }
  if (cites.length === 0) return;
  await sql`insert into citations (document_id, start_offset, end_offset, quote, ${sql.ref(column)})
    select d.id, c.s, c.e, substr(d.text, c.s + 1, c.e - c.s), ${recordId}
    from unnest(${cites.map((c) => c.documentId.id)}::int[], ${cites.map((c) => c.start)}::int[],
                ${cites.map((c) => c.end)}::int[]) as c(doc, s, e)
    join documents d on d.id = c.doc`.execute(db);
}

async function replaceCitations(
  db: Db,
  column: CitedColumn,
  recordId: number,
  cites: CitationValue[] | null | undefined,
  path: FieldPath,
) {
  if (cites == null) return;
  await db.deleteFrom('citations').where(column, '=', recordId).execute();
  await writeCitations(db, column, recordId, cites, path);
}

/** Skips revisions for updates that change nothing. */
function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Present (not undefined) fields of an update only. */
function defined<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(values).filter(([, v]) => v !== undefined),
  ) as Partial<T>;
}

/** After a record is created: its citations, then a CREATE revision. */
async function finishCreate(
  db: Db,
  by: Author,
  type: 'Actor' | 'Flow' | 'Observation',
  column: CitedColumn,
  id: number,
  input: { citations?: CitationValue[] | null; reason?: string | null },
) {
  await writeCitations(db, column, id, input.citations ?? [], [...INPUT, 'citations']);
  await appendRevision(db, { type, id, action: 'CREATE', by, reason: input.reason, before: null });
}

// ---- actors ---------------------------------------------------------------------------------

export async function createActor(db: Db, by: Author, input: CreateActorValue): Promise<ActorRow> {
  const regionCode = await regionMustExist(db, input.regionCode, [...INPUT, 'regionCode']);
  const key = await newKey(db, 'Actor', 'actors', input.key);
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
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await finishCreate(db, by, 'Actor', 'actor_id', row.id, input);
  return row;
}

export async function updateActor(db: Db, by: Author, input: UpdateActorValue): Promise<ActorRow> {
  const id = await mustExist(db, 'actors', input.id, [...INPUT, 'id']);
  if (input.regionCode != null)
    await regionMustExist(db, input.regionCode, [...INPUT, 'regionCode']);
  const before = await snapshot(db, 'Actor', id);
  const set = defined({
    name: input.name ?? undefined,
    name_en: input.nameEn,
    kind: input.kind ?? undefined,
    region_code: input.regionCode,
    member_count: input.memberCount,
    aliases: input.aliases === null ? [] : input.aliases,
    note: input.note,
  });
  if (Object.keys(set).length)
    await db.updateTable('actors').set(set).where('id', '=', id).execute();
  await replaceCitations(db, 'actor_id', id, input.citations, [...INPUT, 'citations']);
  if (!same(before, await snapshot(db, 'Actor', id))) {
    await appendRevision(db, {
      type: 'Actor',
      id,
      action: 'UPDATE',
      by,
      reason: input.reason,
      before,
    });
  }
  return db.selectFrom('actors').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
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
        select 'child flows' as what, count(*)::int as n from flows where parent_id = ${id}`
  ).execute(db);
  return rows.filter((r) => r.n > 0);
}

export async function retract(
  db: Db,
  by: Author,
  type: 'Actor' | 'Flow' | 'Observation',
  input: RetractValue,
): Promise<{ id: number; key: string; typename: string }> {
  const table = ({ Actor: 'actors', Flow: 'flows', Observation: 'observations' } as const)[type];
  const id = await mustExist(db, table, input.id, [...INPUT, 'id']);
  if (type !== 'Observation') {
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

// ---- flows ----------------------------------------------------------------------------------

async function checkParent(
  db: Db,
  parentId: number | null,
  flowId: number | null,
  path: FieldPath,
) {
  if (parentId === null || flowId === null) return;
  // A flow may not be its own ancestor.
  const { rows } = await sql<{ id: number }>`
    with recursive up(id, parent_id) as (
      select id, parent_id from flows where id = ${parentId}
      union select f.id, f.parent_id from flows f join up on f.id = up.parent_id
    ) select id from up where id = ${flowId} limit 1`.execute(db);
  if (rows.length)
    throw new ValidationError([{ path, message: 'would make the flow its own ancestor' }]);
}

export async function recordFlow(db: Db, by: Author, input: RecordFlowValue): Promise<FlowRow> {
  const sourceId = await mustExist(db, 'actors', input.sourceId, [...INPUT, 'sourceId']);
  const targetId = await mustExist(db, 'actors', input.targetId, [...INPUT, 'targetId']);
  const programId = await mustExistOrNull(db, 'programs', input.programId, [...INPUT, 'programId']);
  const parentId = await mustExistOrNull(db, 'flows', input.parentId, [...INPUT, 'parentId']);
  const key = await newKey(db, 'Flow', 'flows', input.key);
  const row = await db
    .insertInto('flows')
    .values({
      key,
      source_id: sourceId,
      target_id: targetId,
      amount: input.amount.value,
      qualifier: input.amount.qualifier,
      ...boundColumns(input.amount),
      unit: input.amount.unit,
      year: input.year,
      status: input.status,
      instrument: input.instrument,
      program_id: programId,
      parent_id: parentId,
      note: input.note ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await finishCreate(db, by, 'Flow', 'flow_id', row.id, input);
  await announceFlow(db, row.id);
  return row;
}

export async function updateFlow(db: Db, by: Author, input: UpdateFlowValue): Promise<FlowRow> {
  const id = await mustExist(db, 'flows', input.id, [...INPUT, 'id']);
  const current = await db
    .selectFrom('flows')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const sourceId = input.sourceId
    ? await mustExist(db, 'actors', input.sourceId, [...INPUT, 'sourceId'])
    : current.source_id;
  const targetId = input.targetId
    ? await mustExist(db, 'actors', input.targetId, [...INPUT, 'targetId'])
    : current.target_id;
  if (sourceId === targetId) {
    throw new ValidationError([
      {
        path: [...INPUT, input.targetId ? 'targetId' : 'sourceId'],
        message: 'source and target must differ',
      },
    ]);
  }
  const programId =
    input.programId === undefined
      ? undefined
      : await mustExistOrNull(db, 'programs', input.programId, [...INPUT, 'programId']);
  const parentId =
    input.parentId === undefined
      ? undefined
      : await mustExistOrNull(db, 'flows', input.parentId, [...INPUT, 'parentId']);
  if (parentId !== undefined) await checkParent(db, parentId, id, [...INPUT, 'parentId']);
  const before = await snapshot(db, 'Flow', id);
  const amount = input.amount
    ? {
        amount: input.amount.value,
        qualifier: input.amount.qualifier,
        ...boundColumns(input.amount),
        unit: input.amount.unit,
      }
    : {};
  const set = defined({
    source_id: sourceId,
    target_id: targetId,
    ...amount,
    year: input.year,
    status: input.status,
    instrument: input.instrument,
    program_id: programId,
    parent_id: parentId,
    note: input.note,
  });
  await db.updateTable('flows').set(set).where('id', '=', id).execute();
  await replaceCitations(db, 'flow_id', id, input.citations, [...INPUT, 'citations']);
  if (!same(before, await snapshot(db, 'Flow', id))) {
    await appendRevision(db, {
      type: 'Flow',
      id,
      action: 'UPDATE',
      by,
      reason: input.reason,
      before,
    });
  }
  return db.selectFrom('flows').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

// ---- observations ---------------------------------------------------------------------------

export async function recordObservation(
  db: Db,
  by: Author,
  input: RecordObservationValue,
): Promise<ObservationRow> {
  const metric = await metricMustExist(db, input.metric, [...INPUT, 'metric']);
  const actorId = await mustExistOrNull(db, 'actors', input.actorId, [...INPUT, 'actorId']);
  const programId = await mustExistOrNull(db, 'programs', input.programId, [...INPUT, 'programId']);
  const regionCode = await regionMustExist(db, input.regionCode, [...INPUT, 'regionCode']);
  const key = await newKey(db, 'Observation', 'observations', input.key);
  const qualifier = input.qualifier ?? 'EXACT';
  const row = await db
    .insertInto('observations')
    .values({
      key,
      metric,
      value: input.value,
      qualifier,
      ...boundColumns({ ...input, qualifier }),
      unit: input.unit,
      year: input.year,
      kind: input.kind,
      region_code: regionCode,
      actor_id: actorId,
      program_id: programId,
      note: input.note ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await finishCreate(db, by, 'Observation', 'observation_id', row.id, input);
  return row;
}

export async function updateObservation(
  db: Db,
  by: Author,
  input: UpdateObservationValue,
): Promise<ObservationRow> {
  const id = await mustExist(db, 'observations', input.id, [...INPUT, 'id']);
  const current = await db
    .selectFrom('observations')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirstOrThrow();
  if (input.metric != null) await metricMustExist(db, input.metric, [...INPUT, 'metric']);
  const actorId =
    input.actorId === undefined
      ? undefined
      : await mustExistOrNull(db, 'actors', input.actorId, [...INPUT, 'actorId']);
  const programId =
    input.programId === undefined
      ? undefined
      : await mustExistOrNull(db, 'programs', input.programId, [...INPUT, 'programId']);
  const regionCode =
    input.regionCode === undefined
      ? undefined
      : await regionMustExist(db, input.regionCode, [...INPUT, 'regionCode']);
  const subject = {
    actor_id: actorId === undefined ? current.actor_id : actorId,
    program_id: programId === undefined ? current.program_id : programId,
    region_code: regionCode === undefined ? current.region_code : regionCode,
  };
  if (subject.actor_id === null && subject.program_id === null && subject.region_code === null) {
    throw new ValidationError([
      {
        path: [...INPUT, 'actorId'],
        message: 'an observation keeps an actor, a region or a program',
      },
    ]);
  }
  // A new value, qualifier or bound restates the figure: check the merged bounds.
  const touchesAmount = [input.value, input.qualifier, input.low, input.high].some(
    (v) => v !== undefined,
  );
  let amount = {};
  if (touchesAmount) {
    const merged = {
      value: input.value ?? current.value,
      qualifier: input.qualifier ?? (current.qualifier as 'EXACT'),
      low: input.low === undefined ? current.low : input.low,
      high: input.high === undefined ? current.high : input.high,
    };
    const issues = boundsIssues(merged);
    if (issues.length) {
      throw new ValidationError(
        issues.map((i) => ({ path: [...INPUT, i.field], message: i.message })),
      );
    }
    amount = { value: merged.value, qualifier: merged.qualifier, ...boundColumns(merged) };
  }
  const before = await snapshot(db, 'Observation', id);
  const set = defined({
    metric: input.metric ?? undefined,
    ...amount,
    unit: input.unit ?? undefined,
    year: input.year ?? undefined,
    kind: input.kind ?? undefined,
    actor_id: actorId,
    program_id: programId,
    region_code: regionCode,
    note: input.note,
  });
  if (Object.keys(set).length)
    await db.updateTable('observations').set(set).where('id', '=', id).execute();
  await replaceCitations(db, 'observation_id', id, input.citations, [...INPUT, 'citations']);
  if (!same(before, await snapshot(db, 'Observation', id))) {
    await appendRevision(db, {
      type: 'Observation',
      id,
      action: 'UPDATE',
      by,
      reason: input.reason,
      before,
    });
  }
  return db.selectFrom('observations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

// ---- documents and citations ------------------------------------------------------------------

export async function addDocument(
  db: Db,
  by: Author,
  input: AddDocumentValue,
): Promise<DocumentRow> {
  const key = await newKey(db, 'Document', 'documents', input.key);
  const row = await db
    .insertInto('documents')
    .values({
      key,
      title: input.title,
      title_en: input.titleEn ?? null,
      publisher: input.publisher ?? null,
      published_on: input.publishedOn ?? null,
      language: input.language,
      url: input.url ?? null,
      text: input.text,
      normalisation: input.normalisation ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendRevision(db, {
    type: 'Document',
    id: row.id,
    action: 'CREATE',
    by,
    reason: input.reason,
    before: null,
  });
  return row;
}

/** Adds a citation to a record: an update of that record, with its revision. */
export async function addCitation(
  db: Db,
  by: Author,
  input: AddCitationValue,
): Promise<CitationRow> {
  const type = input.recordId.typename as 'Flow' | 'Observation' | 'Actor';
  const table = ({ Flow: 'flows', Observation: 'observations', Actor: 'actors' } as const)[type];
  const column = ({ Flow: 'flow_id', Observation: 'observation_id', Actor: 'actor_id' } as const)[
    type
  ];
  const recordId = await mustExist(db, table, input.recordId, [...INPUT, 'recordId']);
  const before = await snapshot(db, type, recordId);
  const cite = { documentId: input.documentId, start: input.start, end: input.end };
  const duplicate = await db
    .selectFrom('citations')
    .select('id')
    .where(column, '=', recordId)
    .where('document_id', '=', cite.documentId.id)
    .where('start_offset', '=', cite.start)
    .where('end_offset', '=', cite.end)
    .executeTakeFirst();
  if (duplicate)
    throw new ConflictError('the record already cites that passage', [...INPUT, 'start']);
  // The citation is the input itself, not an item of a list.
  await writeCitations(db, column, recordId, [cite], () => INPUT);
  await appendRevision(db, {
    type,
    id: recordId,
    action: 'UPDATE',
    by,
    reason: input.reason,
    before,
  });
  return db
    .selectFrom('citations')
    .selectAll()
    .where(column, '=', recordId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
}
