import { z } from 'zod';
import { builder } from '../builder.js';
import { createActorInput, updateActorInput } from '../domain/actor/actor.rules.js';
import { createActor, updateActor } from '../domain/actor/actor.write.js';
import { inWrite } from '../mutations/write.js';
import { ActorKind } from './actor.js';
import { Actor } from './refs.js';
import { retractField } from './retract-field.js';
import { CitationInput, reasonField, updateTarget } from './write-inputs.js';
import { writeMutation } from './write-result.js';

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
    ...writeMutation('CreateActor', 'actor'),
    args: t.validate(
      { input: t.arg({ type: CreateActorInput, required: true }) },
      z.object({ input: createActorInput }),
    ),
    resolve: (_root, { input }, ctx) => inWrite(ctx, (trx, by) => createActor(trx, by, input)),
  }),
  updateActor: t.field({
    type: Actor,
    description: 'Changes the given fields of an actor (null clears an optional one).',
    ...writeMutation('UpdateActor', 'actor'),
    args: t.validate(
      { input: t.arg({ type: UpdateActorInput, required: true }) },
      z.object({ input: updateActorInput }),
    ),
    resolve: (_root, { input }, ctx) => inWrite(ctx, (trx, by) => updateActor(trx, by, input)),
  }),
  retractActor: retractField(
    t,
    'Actor',
    'Retracts an actor that no flow, observation, pairing or group membership refers to: it leaves every read; its history stays (Query.history).',
  ),
}));
