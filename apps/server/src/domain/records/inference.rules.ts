import { z } from 'zod';
import type { Inference } from '../../db/database.js';
import { freeText } from './record.rules.js';

/**
 * Inferences: the fields of a record its source does not state, each with why its value was
 * inferred. A flow's ends, year, instrument, status and amount can be inferred; an
 * observation's year, value (as `amount`), kind and subject.
 */
export const FLOW_INFERABLE = [
  'source',
  'target',
  'year',
  'instrument',
  'status',
  'amount',
] as const;
export const OBSERVATION_INFERABLE = ['year', 'amount', 'kind', 'subject'] as const;

function inferences(fields: readonly [string, ...string[]]) {
  return z
    .array(
      z.object({
        field: z.enum(fields),
        note: freeText(1000)
          .transform((s) => s.trim())
          .refine((s) => s.length > 0, 'must say why the value was inferred'),
        // The same note in Chinese; absent or blank means none is recorded.
        noteZh: freeText(1000)
          .nullish()
          .transform((s) => s?.trim() || undefined),
      }),
    )
    .max(fields.length, `at most one inference per field (${fields.join(', ')})`)
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((inference, i) => {
        if (seen.has(inference.field))
          ctx.addIssue({ code: 'custom', path: [i, 'field'], message: 'is inferred twice' });
        seen.add(inference.field);
      });
    });
}

export const flowInferences = inferences(FLOW_INFERABLE);
export const observationInferences = inferences(OBSERVATION_INFERABLE);

/** Inferences as the jsonb column stores them (an absent list stores none). */
export const inferredColumn = (list: Inference[] | null | undefined) => JSON.stringify(list ?? []);
