import { z } from 'zod';
import { builder } from '../builder.js';
import { retract } from '../domain/actor/actor.write.js';
import {
  recordObservationInput,
  updateObservationInput,
} from '../domain/observation/observation.rules.js';
import { recordObservation, updateObservation } from '../domain/observation/observation.write.js';
import { retractInput } from '../domain/records/record.rules.js';
import { inTransaction } from '../domain/records/transaction.js';
import { authorOf } from '../mutations/write.js';
import { InferenceInput, inferredDescription } from './inference.js';
import { AmountQualifier } from './money.js';
import { Observation, ObservationKind } from './refs.js';
import { RetractedRecord } from './retracted.js';
import { CitationInput, RetractInput, reasonField, updateTarget } from './write-inputs.js';
import { writeResult } from './write-result.js';

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
    nullable: true,
    authScopes: { write: true },
    errors: writeResult('RecordObservation', 'observation'),
    args: t.validate(
      { input: t.arg({ type: RecordObservationInput, required: true }) },
      z.object({ input: recordObservationInput }),
    ),
    resolve: (_root, { input }, { db, credentials }) =>
      inTransaction(db, (trx) => recordObservation(trx, authorOf(credentials), input)),
  }),
  updateObservation: t.field({
    type: Observation,
    description: 'Changes the given fields of an observation (null clears an optional one).',
    nullable: true,
    authScopes: { write: true },
    errors: writeResult('UpdateObservation', 'observation'),
    args: t.validate(
      { input: t.arg({ type: UpdateObservationInput, required: true }) },
      z.object({ input: updateObservationInput }),
    ),
    resolve: (_root, { input }, { db, credentials }) =>
      inTransaction(db, (trx) => updateObservation(trx, authorOf(credentials), input)),
  }),
  retractObservation: t.field({
    type: RetractedRecord,
    description: 'Retracts an observation: it leaves every read; its history stays.',
    nullable: true,
    authScopes: { write: true },
    errors: writeResult('RetractObservation', 'retracted'),
    args: t.validate(
      { input: t.arg({ type: RetractInput, required: true }) },
      z.object({ input: retractInput('Observation') }),
    ),
    resolve: (_root, { input }, { db, credentials }) =>
      inTransaction(db, (trx) => retract(trx, authorOf(credentials), 'Observation', input)),
  }),
}));

builder.objectField(Observation, 'key', (t) =>
  t.exposeString('key', { description: 'External id: what imports match rows by.' }),
);
