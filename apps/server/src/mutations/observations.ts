import type { ObservationRow } from '../db/database.js';
import { ValidationError } from '../errors.js';
import type { Author } from '../history/revisions.js';
import {
  boundColumns,
  boundsIssues,
  type RecordObservationValue,
  type UpdateObservationValue,
} from './inputs.js';
import {
  type Db,
  defined,
  finishCreate,
  finishUpdate,
  INPUT,
  metricMustExist,
  mustExist,
  mustExistOrNull,
  newKey,
  regionMustExist,
} from './shared.js';

// The writes of observations.

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
  return finishUpdate(db, by, 'Observation', id, set, input);
}
