import { z } from 'zod';
import { builder } from '../builder.js';
import { PAIRING_KINDS, recordPairingInput } from '../domain/pairing/pairing.rules.js';
import { recordPairing } from '../domain/pairing/pairing.write.js';
import { inWrite } from '../mutations/write.js';
import { Pairing } from './refs.js';
import { retractField } from './retract-field.js';
import { CitationInput, reasonField } from './write-inputs.js';
import { writeMutation } from './write-result.js';

export const RecordPairingInput = builder.inputType('RecordPairingInput', {
  description: 'A help relation: who helps whom, under which scheme, covering how many.',
  fields: (t) => ({
    key: t.string({ description: 'External id; generated when absent.' }),
    helperId: t.id({ required: true, description: 'The actor that helps (an Actor id).' }),
    recipientId: t.id({ required: true, description: 'The actor helped (an Actor id).' }),
    kind: t.string({ required: true, description: `One of ${PAIRING_KINDS.join(', ')}.` }),
    programId: t.id(),
    year: t.int(),
    coverage: t.int({ description: 'How many recipients it covers (counties, villages …).' }),
    note: t.string(),
    noteZh: t.string({ description: 'The note in Chinese.' }),
    citations: t.field({ type: [CitationInput] }),
    reason: t.string({ description: reasonField }),
  }),
});

builder.mutationFields((t) => ({
  recordPairing: t.field({
    type: Pairing,
    description: 'Records a help relation (district ↔ county, enterprise ↔ village …).',
    ...writeMutation('RecordPairing', 'pairing'),
    args: t.validate(
      { input: t.arg({ type: RecordPairingInput, required: true }) },
      z.object({ input: recordPairingInput }),
    ),
    resolve: async (_root, { input }, ctx) => {
      const row = await inWrite(ctx, (trx, by) => recordPairing(trx, by, input));
      return String(row.id);
    },
  }),
  retractPairing: retractField(
    t,
    'Pairing',
    'Retracts a pairing: it leaves every read; its history stays.',
  ),
}));
