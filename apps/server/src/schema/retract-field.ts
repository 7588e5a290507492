import { z } from 'zod';
import type { builder } from '../builder.js';
import { retract } from '../domain/actor/actor.write.js';
import { retractInput } from '../domain/records/record.rules.js';
import { inWrite } from '../mutations/write.js';
import { RetractedRecord } from './retracted.js';
import { RetractInput } from './write-inputs.js';
import { writeMutation } from './write-result.js';

type MutationFieldBuilder = Parameters<Parameters<typeof builder.mutationFields>[0]>[0];

/** `retract<Type>(input: RetractInput!)`: the one retraction every retractable record shares. */
export const retractField = (
  t: MutationFieldBuilder,
  type: 'Actor' | 'Flow' | 'Observation' | 'Overlap' | 'Pairing',
  description: string,
): ReturnType<MutationFieldBuilder['field']> =>
  t.field({
    type: RetractedRecord,
    description,
    ...writeMutation(`Retract${type}`, 'retracted'),
    args: t.validate(
      { input: t.arg({ type: RetractInput, required: true }) },
      z.object({ input: retractInput(type) }),
    ),
    resolve: (_root, { input }, ctx) => inWrite(ctx, (trx, by) => retract(trx, by, type, input)),
  });
