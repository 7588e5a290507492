import { z } from 'zod';
import { builder } from '../builder.js';
import { recordOverlapInput } from '../domain/overlap/overlap.rules.js';
import { recordOverlap } from '../domain/overlap/overlap.write.js';
import { inWrite } from '../mutations/write.js';
import { Overlap, OverlapCertainty } from './overlap.js';
import { retractField } from './retract-field.js';
import { CitationInput, reasonField } from './write-inputs.js';
import { writeMutation } from './write-result.js';

export const RecordOverlapInput = builder.inputType('RecordOverlapInput', {
  description: 'Two flows that may share money.',
  fields: (t) => ({
    key: t.string({ description: 'External id; generated when absent.' }),
    flowIds: t.idList({ required: true, description: 'The two flows, in any order.' }),
    certainty: t.field({ type: OverlapCertainty, required: true }),
    maxShared: t.field({
      type: 'Decimal',
      description: "The most they can share; by default the smaller flow's amount.",
    }),
    statedTotal: t.field({
      type: 'Decimal',
      description:
        'A total a source states for the two together: they share at least their sum minus it (cite it).',
    }),
    note: t.string({ description: 'Why they may overlap.' }),
    noteZh: t.string({ description: 'The note in Chinese.' }),
    citations: t.field({ type: [CitationInput] }),
    reason: t.string({ description: reasonField }),
  }),
});

builder.mutationFields((t) => ({
  recordOverlap: t.field({
    type: Overlap,
    description: 'Records that two flows may share money; totals summing both become ranges.',
    ...writeMutation('RecordOverlap', 'overlap'),
    args: t.validate(
      { input: t.arg({ type: RecordOverlapInput, required: true }) },
      z.object({ input: recordOverlapInput }),
    ),
    resolve: async (_root, { input }, ctx) => {
      const row = await inWrite(ctx, (trx, by) => recordOverlap(trx, by, input));
      return String(row.id);
    },
  }),
  retractOverlap: retractField(
    t,
    'Overlap',
    'Retracts an overlap: totals no longer take it into account; its history stays.',
  ),
}));
