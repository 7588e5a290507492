import { z } from 'zod';
import { builder } from '../builder.js';
import {
  recordObservationInput,
  updateObservationInput,
} from '../domain/observation/observation.rules.js';
import { recordObservation, updateObservation } from '../domain/observation/observation.write.js';
import { inWrite } from '../mutations/write.js';
import { InferenceInput, inferredDescription } from './inference.js';
import { AmountQualifier } from './money.js';
import { Observation, ObservationKind } from './refs.js';
import { retractField } from './retract-field.js';
import { CitationInput, reasonField, updateTarget } from './write-inputs.js';
import { writeMutation } from './write-result.js';

const observationInput = (create: boolean) =>
  builder.inputType(create ? 'RecordObservationInput' : 'UpdateObservationInput', {
    description: create
      ? 'An indicator value of an actor, a region or a program (at least one).'
      : undefined,
    fields: (t) => ({
      ...(create
        ? { key: t.string({ description: 'External id; generated when absent.' }) }
        : updateTarget(t)),
      metric: t.string({ required: create, description: 'Key of a known metric.' }),
      value: t.field({ type: 'Decimal', required: create }),
      qualifier: t.field({ type: AmountQualifier }),
      low: t.field({ type: 'Decimal' }),
      high: t.field({ type: 'Decimal' }),
      unit: t.string({ required: create }),
      year: t.int({ required: create }),
      kind: t.field({ type: ObservationKind, required: create }),
      actorId: t.id(),
      regionCode: t.string(),
      programId: t.id(),
      note: t.string(),
      noteZh: t.string({ description: 'The note in Chinese.' }),
      inferred: t.field({ type: [InferenceInput], description: inferredDescription }),
      citations: t.field({ type: [CitationInput] }),
      reason: t.string({ description: reasonField }),
    }),
  });

export const RecordObservationInput = observationInput(true);
export const UpdateObservationInput = observationInput(false);

builder.mutationFields((t) => ({
  recordObservation: t.field({
    type: Observation,
    description: 'Records an indicator value (an outcome, a baseline, a target).',
    ...writeMutation('RecordObservation', 'observation'),
    args: t.validate(
      { input: t.arg({ type: RecordObservationInput, required: true }) },
      z.object({ input: recordObservationInput }),
    ),
    resolve: (_root, { input }, ctx) =>
      inWrite(ctx, (trx, by) => recordObservation(trx, by, input)),
  }),
  updateObservation: t.field({
    type: Observation,
    description: 'Changes the given fields of an observation (null clears an optional one).',
    ...writeMutation('UpdateObservation', 'observation'),
    args: t.validate(
      { input: t.arg({ type: UpdateObservationInput, required: true }) },
      z.object({ input: updateObservationInput }),
    ),
    resolve: (_root, { input }, ctx) =>
      inWrite(ctx, (trx, by) => updateObservation(trx, by, input)),
  }),
  retractObservation: retractField(
    t,
    'Observation',
    'Retracts an observation: it leaves every read; its history stays.',
  ),
}));

builder.objectField(Observation, 'key', (t) =>
  t.exposeString('key', { description: 'External id: what imports match rows by.' }),
);
