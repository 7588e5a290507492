import { Decimal, decimal } from '@fundtrace/schema/money';
import { z } from 'zod';
import { citations } from '../citation/citation.rules.js';
import { decimalString } from '../money/money.rules.js';
import { freeText, globalId, key, reason } from '../records/record.rules.js';

/** How sure the record is that two flows share money: a source says so, or a reader infers it. */
export const OVERLAP_CERTAINTIES = ['STATED', 'PROBABLE', 'POSSIBLE'] as const;
export type OverlapCertainty = (typeof OVERLAP_CERTAINTIES)[number];

export const SELF_OVERLAP = 'a flow cannot overlap itself: name two different flows';

/**
 * An overlap's input. What only the database can tell (the flows exist, the shared amount is
 * within both, the pair is new) is checked by `recordOverlap`.
 */
export const recordOverlapInput = z
  .object({
    key: key.nullish(),
    flowIds: z.tuple([globalId('Flow'), globalId('Flow')]),
    certainty: z.enum(OVERLAP_CERTAINTIES),
    maxShared: decimalString.nullish(),
    statedTotal: decimalString.nullish(),
    note: freeText().nullish(),
    noteZh: freeText().nullish(),
    citations,
    reason,
  })
  .superRefine((o, ctx) => {
    if (o.flowIds[0].id === o.flowIds[1].id) {
      ctx.addIssue({
        code: 'custom',
        path: ['flowIds', 1],
        message: SELF_OVERLAP,
      });
    }
  });
export type RecordOverlapValue = z.output<typeof recordOverlapInput>;

/** Two flow ids in the order they are stored (the smaller first), so a pair is recorded once. */
export function canonicalPair(a: number, b: number): [number, number] {
  return a < b ? [a, b] : [b, a];
}

/**
 * What the two flows' amounts say against an overlap's figures (mutation and import alike): the
 * most shared cannot pass either flow; a stated total for both cannot be below the larger one,
 * nor make them share (their sum minus it) more than the most they can.
 */
export function overlapFigureIssue(
  figures: { maxShared?: string | null | undefined; statedTotal?: string | null | undefined },
  a: Decimal,
  b: Decimal,
): { field: 'maxShared' | 'statedTotal'; message: string } | null {
  const most = figures.maxShared == null ? Decimal.min(a, b) : decimal(figures.maxShared);
  if (most.gt(Decimal.min(a, b))) {
    return {
      field: 'maxShared',
      message: `is above the amount of a flow (${Decimal.min(a, b).toFixed()}): two flows cannot share more than either carries`,
    };
  }
  if (figures.statedTotal == null) return null;
  const total = decimal(figures.statedTotal);
  if (total.lt(Decimal.max(a, b))) {
    return {
      field: 'statedTotal',
      message: 'is below the larger flow: a total of the two cannot be less than either',
    };
  }
  const least = a.plus(b).minus(total);
  if (least.gt(most)) {
    return {
      field: 'statedTotal',
      message: `would make the two share ${least.toFixed()}, more than the most they can (${most.toFixed()})`,
    };
  }
  return null;
}
