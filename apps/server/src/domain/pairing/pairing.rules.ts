import { z } from 'zod';
import { citations } from '../citation/citation.rules.js';
import { freeText, globalId, key, reason, year } from '../records/record.rules.js';

/** The help relations the sources name (对口帮扶, 定点帮扶, 结对帮扶, 万企帮万村 …). */
export const PAIRING_KINDS = [
  'PAIRED_ASSISTANCE',
  'DESIGNATED_ASSISTANCE',
  'ONE_TO_ONE_CONTACT',
  'VILLAGE_ENTERPRISE',
  'SUPERVISION',
] as const;

/**
 * A pairing's input. What only the database can tell (the actors and the program exist, the
 * key is new) is checked by `recordPairing`.
 */
export const recordPairingInput = z
  .object({
    key: key.nullish(),
    helperId: globalId('Actor'),
    recipientId: globalId('Actor'),
    kind: z.enum(PAIRING_KINDS),
    programId: globalId('Program').nullish(),
    year: year.nullish(),
    coverage: z.number().int('must be a whole number').positive('must be at least 1').nullish(),
    note: freeText().nullish(),
    noteZh: freeText().nullish(),
    citations,
    reason,
  })
  .superRefine((p, ctx) => {
    if (p.helperId.id === p.recipientId.id) {
      ctx.addIssue({
        code: 'custom',
        path: ['recipientId'],
        message: 'an actor does not help itself: name two different actors',
      });
    }
  });
export type RecordPairingValue = z.output<typeof recordPairingInput>;
