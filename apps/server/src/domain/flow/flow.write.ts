import { sql } from 'kysely';
import type { FlowRow } from '../../db/database.js';
import { type FieldPath, ValidationError } from '../errors.js';
import { storedBounds } from '../money/amount-columns.js';
import { inferredColumn } from '../records/inference.rules.js';
import { defined, finishUpdate, loadForUpdate } from '../records/record.update.js';
import { type Db, finishCreate, INPUT, newKey } from '../records/record.write.js';
import { changedReference, mustExist, mustExistOrNull } from '../records/record-exists.js';
import type { Author } from '../records/revisions.js';
import { announceFlow } from './flow.events.js';
import { endsDiffer, type RecordFlowValue, type UpdateFlowValue } from './flow.rules.js';

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
  const sourceId = await mustExist(db, input.sourceId, [...INPUT, 'sourceId']);
  const targetId = await mustExist(db, input.targetId, [...INPUT, 'targetId']);
  const programId = await mustExistOrNull(db, input.programId, [...INPUT, 'programId']);
  const parentId = await mustExistOrNull(db, input.parentId, [...INPUT, 'parentId']);
  const key = await newKey(db, 'Flow', input.key);
  const row = await db
    .insertInto('flows')
    .values({
      key,
      source_id: sourceId,
      target_id: targetId,
      amount: input.amount.value,
      qualifier: input.amount.qualifier,
      ...storedBounds(input.amount),
      unit: input.amount.unit,
      year: input.year,
      status: input.status,
      instrument: input.instrument,
      program_id: programId,
      parent_id: parentId,
      note: input.note ?? null,
      note_zh: input.noteZh ?? null,
      inferred: inferredColumn(input.inferred),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await finishCreate(db, by, 'Flow', row.id, input);
  await announceFlow(db, row.id);
  return row;
}

export async function updateFlow(db: Db, by: Author, input: UpdateFlowValue): Promise<FlowRow> {
  const { id, current } = await loadForUpdate(db, 'Flow', input);
  const sourceId = input.sourceId
    ? await mustExist(db, input.sourceId, [...INPUT, 'sourceId'])
    : current.source_id;
  const targetId = input.targetId
    ? await mustExist(db, input.targetId, [...INPUT, 'targetId'])
    : current.target_id;
  if (!endsDiffer(sourceId, targetId)) {
    const [field, other] = input.targetId ? ['targetId', 'sourceId'] : ['sourceId', 'targetId'];
    throw new ValidationError([{ path: [...INPUT, field], message: `must differ from ${other}` }]);
  }
  const programId = await changedReference(db, input.programId, [...INPUT, 'programId']);
  const parentId = await changedReference(db, input.parentId, [...INPUT, 'parentId']);
  if (parentId !== undefined) await checkParent(db, parentId, id, [...INPUT, 'parentId']);
  const amount = input.amount
    ? {
        amount: input.amount.value,
        qualifier: input.amount.qualifier,
        ...storedBounds(input.amount),
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
    note_zh: input.noteZh,
    inferred: input.inferred === undefined ? undefined : inferredColumn(input.inferred),
  });
  return finishUpdate(db, by, 'Flow', id, set, input);
}
