import type { ObjectFieldBuilder } from '@pothos/core';
import { builder } from '../builder.js';
import type { Inference as InferenceValue } from '../db/database.js';

export const Inference = builder.objectRef<InferenceValue>('Inference').implement({
  description:
    'A field of a record that its source does not state, and why its value was inferred.',
  fields: (t) => ({
    field: t.exposeString('field', {
      description:
        'Flows: source, target, year, instrument, status, amount. Observations: year, amount, kind, subject.',
    }),
    note: t.exposeString('note', { description: 'Why the value was inferred, in English.' }),
    noteZh: t.string({
      nullable: true,
      // Read with `note` from the same jsonb entry: no work of its own.
      complexity: 0,
      description: 'The same note in Chinese, when one is recorded.',
      resolve: (i) => i.noteZh ?? null,
    }),
  }),
});

export const InferenceInput = builder.inputType('InferenceInput', {
  description: 'A field the source does not state, and why its value was inferred.',
  fields: (t) => ({
    field: t.string({ required: true }),
    note: t.string({ required: true }),
    noteZh: t.string({ description: 'The same note in Chinese (optional).' }),
  }),
});

export const inferredDescription =
  'The fields the source does not state, one entry each; on update, when given, replaces the list.';

/** A record's inferences: at most one entry per field it has, a small fixed bound priced as one. */
export function inferredOf<T extends { inferred: InferenceValue[] }>(
  // biome-ignore lint/suspicious/noExplicitAny: shared by the builders of flows and observations
  t: ObjectFieldBuilder<any, T>,
): ReturnType<typeof t.field> {
  return t.field({
    type: [Inference],
    complexity: { field: 1, multiplier: 1 },
    resolve: (r: T) => r.inferred ?? [],
  });
}
