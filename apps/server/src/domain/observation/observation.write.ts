import type { ObservationRow } from '../../db/database.js';
import { ValidationError } from '../errors.js';
import { storedBounds } from '../money/amount-columns.js';
import { boundsIssues } from '../money/money.rules.js';
import { inferredColumn } from '../records/inference.rules.js';
import { defined, finishUpdate, loadForUpdate } from '../records/record.update.js';
import { type Db, finishCreate, INPUT, newKey } from '../records/record.write.js';
import {
  changedReference,
  metricMustExist,
  mustExistOrNull,
  regionMustExist,
} from '../records/record-exists.js';
import type { Author } from '../records/revisions.js';
import type { RecordObservationValue, UpdateObservationValue } from './observation.rules.js';

// The writes of observations.

export async function recordObservation(
  db: Db,
  by: Author,
  input: RecordObservationValue,
): Promise<ObservationRow> {
  const metric = await metricMustExist(db, input.metric, [...INPUT, 'metric']);
  const actorId = await mustExistOrNull(db, input.actorId, [...INPUT, 'actorId']);
  const programId = await mustExistOrNull(db, input.programId, [...INPUT, 'programId']);
  const regionCode = await regionMustExist(db, input.regionCode, [...INPUT, 'regionCode']);
  const key = await newKey(db, 'Observation', input.key);
  const qualifier = input.qualifier ?? 'EXACT';
  const row = await db
    .insertInto('observations')
    .values({
      key,
      metric,
      value: input.value,
      qualifier,
      ...storedBounds({ ...input, qualifier }),
      unit: input.unit,
      year: input.year,
      kind: input.kind,
      region_code: regionCode,
      actor_id: actorId,
      program_id: programId,
      note: input.note ?? null,
      note_zh: input.noteZh ?? null,
      inferred: inferredColumn(input.inferred),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await finishCreate(db, by, 'Observation', row.id, input);
  return row;
}

export async function updateObservation(
  db: Db,
  by: Author,
  input: UpdateObservationValue,
): Promise<ObservationRow> {
  const { id, current } = await loadForUpdate(db, 'Observation', input);
  if (input.metric != null) await metricMustExist(db, input.metric, [...INPUT, 'metric']);
  const actorId = await changedReference(db, input.actorId, [...INPUT, 'actorId']);
  const programId = await changedReference(db, input.programId, [...INPUT, 'programId']);
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
    amount = { value: merged.value, qualifier: merged.qualifier, ...storedBounds(merged) };
  }
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
    note_zh: input.noteZh,
    inferred: input.inferred === undefined ? undefined : inferredColumn(input.inferred),
  });
  return finishUpdate(db, by, 'Observation', id, set, input);
}
