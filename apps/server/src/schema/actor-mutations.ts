import { z } from 'zod';
import { builder } from '../builder.js';
import { createActorInput, updateActorInput } from '../domain/actor/actor.rules.js';
import { createActor, retract, updateActor } from '../domain/actor/actor.write.js';
import { retractInput } from '../domain/records/record.rules.js';
import { inTransaction } from '../domain/records/transaction.js';
import { authorOf } from '../mutations/write.js';
import { ActorKind } from './actor.js';
import { Actor } from './refs.js';
import { RetractedRecord } from './retracted.js';
import { CitationInput, RetractInput, reasonField, updateTarget } from './write-inputs.js';
import { writeResult } from './write-result.js';

const actorFields = (required: boolean) =>
  builder.inputType(required ? 'CreateActorInput' : 'UpdateActorInput', {
    fields: (t) => ({
      ...(required
        ? { key: t.string({ description: 'External id; generated when absent.' }) }
        : updateTarget(t)),
      name: t.string({ required }),
      nameEn: t.string(),
      kind: t.field({ type: ActorKind, required }),
      regionCode: t.string({ description: 'GB/T 2260 code of a known region.' }),
      memberCount: t.int({ description: 'For a group: how many members.' }),
      aliases: t.stringList(),
      note: t.string(),
      noteZh: t.string({ description: 'The note in Chinese.' }),
      citations: t.field({
        type: [CitationInput],
        description: required ? undefined : 'When given, replaces the citations.',
      }),
      reason: t.string({ description: reasonField }),
    }),
  });

export const CreateActorInput = actorFields(true);
export const UpdateActorInput = actorFields(false);

builder.mutationFields((t) => ({
  createActor: t.field({
    type: Actor,
    description: 'Adds an actor. Needs the write scope.',
    nullable: true,
    authScopes: { write: true },
    errors: writeResult('CreateActor', 'actor'),
    args: t.validate(
      { input: t.arg({ type: CreateActorInput, required: true }) },
      z.object({ input: createActorInput }),
    ),
    resolve: (_root, { input }, { db, credentials }) =>
      inTransaction(db, (trx) => createActor(trx, authorOf(credentials), input)),
  }),
  updateActor: t.field({
    type: Actor,
    description: 'Changes the given fields of an actor (null clears an optional one).',
    nullable: true,
    authScopes: { write: true },
    errors: writeResult('UpdateActor', 'actor'),
    args: t.validate(
      { input: t.arg({ type: UpdateActorInput, required: true }) },
      z.object({ input: updateActorInput }),
    ),
    resolve: (_root, { input }, { db, credentials }) =>
      inTransaction(db, (trx) => updateActor(trx, authorOf(credentials), input)),
  }),
  retractActor: t.field({
    type: RetractedRecord,
    description:
      'Retracts an actor that no flow, observation, pairing or group membership refers to: it leaves every read; its history stays (Query.history).',
    nullable: true,
    authScopes: { write: true },
    errors: writeResult('RetractActor', 'retracted'),
    args: t.validate(
      { input: t.arg({ type: RetractInput, required: true }) },
      z.object({ input: retractInput('Actor') }),
    ),
    resolve: (_root, { input }, { db, credentials }) =>
      inTransaction(db, (trx) => retract(trx, authorOf(credentials), 'Actor', input)),
  }),
}));
