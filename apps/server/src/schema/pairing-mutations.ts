import { z } from 'zod';
import { builder } from '../builder.js';
import { retract } from '../domain/actor/actor.write.js';
import { PAIRING_KINDS, recordPairingInput } from '../domain/pairing/pairing.rules.js';
import { recordPairing } from '../domain/pairing/pairing.write.js';
import { retractInput } from '../domain/records/record.rules.js';
import { inTransaction } from '../domain/records/transaction.js';
import { authorOf } from '../mutations/write.js';
import { Pairing } from './refs.js';
import { RetractedRecord } from './retracted.js';
import { CitationInput, RetractInput, reasonField } from './write-inputs.js';
import { writeResult } from './write-result.js';

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
    nullable: true,
    authScopes: { write: true },
    errors: writeResult('RecordPairing', 'pairing'),
    args: t.validate(
      { input: t.arg({ type: RecordPairingInput, required: true }) },
      z.object({ input: recordPairingInput }),
    ),
    resolve: async (_root, { input }, { db, credentials }) => {
      const row = await inTransaction(db, (trx) =>
        recordPairing(trx, authorOf(credentials), input),
      );
      return String(row.id);
    },
  }),
  retractPairing: t.field({
    type: RetractedRecord,
    description: 'Retracts a pairing: it leaves every read; its history stays.',
    nullable: true,
    authScopes: { write: true },
    errors: writeResult('RetractPairing', 'retracted'),
    args: t.validate(
      { input: t.arg({ type: RetractInput, required: true }) },
      z.object({ input: retractInput('Pairing') }),
    ),
    resolve: (_root, { input }, { db, credentials }) =>
      inTransaction(db, (trx) => retract(trx, authorOf(credentials), 'Pairing', input)),
  }),
}));
