import { z } from 'zod';
import { citations } from '../citation/citation.rules.js';
import { checkBounds, decimalString, qualifier, unit } from '../money/money.rules.js';
import { observationInferences } from '../records/inference.rules.js';
import {
  expectedRevision,
  freeText,
  globalId,
  key,
  metric,
  reason,
  regionCode,
  year,
} from '../records/record.rules.js';

export const OBSERVATION_KINDS = ['BASELINE', 'TARGET', 'ACTUAL'] as const;

/** What an observation is of: an actor, a region or a program; at least one. */
export function checkSubject(
  o: Record<string, unknown>,
  fields: [actor: string, region: string, program: string],
  ctx: z.RefinementCtx,
) {
  if (fields.some((field) => o[field] != null)) return;
  ctx.addIssue({
    code: 'custom',
    path: [fields[0]],
    message: 'an observation is of an actor, a region or a program: give at least one',
  });
}

const observationFields = {
  key: key.nullish(),
  metric,
  value: decimalString,
  qualifier: qualifier.nullish(),
  low: decimalString.nullish(),
  high: decimalString.nullish(),
  unit,
  year,
  kind: z.enum(OBSERVATION_KINDS),
  actorId: globalId('Actor').nullish(),
  regionCode: regionCode.nullish(),
  programId: globalId('Program').nullish(),
  note: freeText().nullish(),
  noteZh: freeText().nullish(),
  inferred: observationInferences.nullish(),
  citations,
  reason,
};

export const recordObservationInput = z.object(observationFields).superRefine((o, ctx) => {
  checkBounds({ ...o, qualifier: o.qualifier ?? 'EXACT' }, ctx);
  checkSubject(o, ['actorId', 'regionCode', 'programId'], ctx);
});
export type RecordObservationValue = z.output<typeof recordObservationInput>;

export const updateObservationInput = z
  .object(observationFields)
  .omit({ key: true })
  .partial()
  .extend({ id: globalId('Observation'), expectedRevision });
export type UpdateObservationValue = z.output<typeof updateObservationInput>;
