import { sql } from 'kysely';
import type { FlowRow } from '../db/database.js';
import { type FieldPath, ValidationError } from '../errors.js';
import type { Author } from '../history/revisions.js';
import { announceFlow } from './events.js';
import { boundColumns, type RecordFlowValue, type UpdateFlowValue } from './inputs.js';
import {
  type Db,
  defined,
  finishCreate,
  finishUpdate,
  INPUT,
  mustExist,
  mustExistOrNull,
  newKey,
} from './shared.js';

// The writes of flows.

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
  return finishUpdate(db, by, 'Flow', id, set, input);
}
