import { z } from 'zod';
import { builder } from '../builder.js';
import { createActor, retract, updateActor } from '../mutations/actors.js';
import { createActorInput, retractInput, updateActorInput } from '../mutations/inputs.js';
import { authorOf, inTransaction } from '../mutations/write.js';
import { Actor, ActorKind } from './actor.js';
import { RetractedRecord } from './retracted.js';
import { CitationInput, RetractInput, reasonField } from './write-inputs.js';
import { writeResult } from './write-result.js';

const actorFields = (required: boolean) =>
  builder.inputType(required ? 'CreateActorInput' : 'UpdateActorInput', {
    fields: (t) => ({
      ...(required
        ? { key: t.string({ description: 'External id; generated when absent.' }) }
        : { id: t.id({ required: true }) }),
      name: t.string({ required }),
      nameEn: t.string(),
      kind: t.field({ type: ActorKind, required }),
      regionCode: t.string({ description: 'GB/T 2260 code of a known region.' }),
      memberCount: t.int({ description: 'For a group: how many members.' }),
      aliases: t.stringList(),
      note: t.string(),
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
