import { z } from 'zod';
import { builder } from '../builder.js';
import { retract } from '../domain/actor/actor.write.js';
import { recordOverlapInput } from '../domain/overlap/overlap.rules.js';
import { recordOverlap } from '../domain/overlap/overlap.write.js';
import { retractInput } from '../domain/records/record.rules.js';
import { inTransaction } from '../domain/records/transaction.js';
import { authorOf } from '../mutations/write.js';
import { Overlap, OverlapCertainty } from './overlap.js';
import { RetractedRecord } from './retracted.js';
import { CitationInput, RetractInput, reasonField } from './write-inputs.js';
import { writeResult } from './write-result.js';

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
    nullable: true,
    authScopes: { write: true },
    errors: writeResult('RecordOverlap', 'overlap'),
    args: t.validate(
      { input: t.arg({ type: RecordOverlapInput, required: true }) },
      z.object({ input: recordOverlapInput }),
    ),
    resolve: async (_root, { input }, { db, credentials }) => {
      const row = await inTransaction(db, (trx) =>
        recordOverlap(trx, authorOf(credentials), input),
      );
      return String(row.id);
    },
  }),
  retractOverlap: t.field({
    type: RetractedRecord,
    description: 'Retracts an overlap: totals no longer take it into account; its history stays.',
    nullable: true,
    authScopes: { write: true },
    errors: writeResult('RetractOverlap', 'retracted'),
    args: t.validate(
      { input: t.arg({ type: RetractInput, required: true }) },
      z.object({ input: retractInput('Overlap') }),
    ),
    resolve: (_root, { input }, { db, credentials }) =>
      inTransaction(db, (trx) => retract(trx, authorOf(credentials), 'Overlap', input)),
  }),
}));
