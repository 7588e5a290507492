import type { InputFieldBuilder } from '@pothos/core';
import { builder } from '../builder.js';
import { AmountQualifier } from './money.js';

/** Inputs shared by several writes. The rules they obey are in mutations/inputs.ts. */

export const MoneyInput = builder.inputType('MoneyInput', {
  description:
    'An amount: exact decimal string, qualifier and, for APPROXIMATE amounts, optional bounds. AT_LEAST and AT_MOST amounts are their own low or high bound.',
  fields: (t) => ({
    value: t.field({ type: 'Decimal', required: true }),
    qualifier: t.field({ type: AmountQualifier, defaultValue: 'EXACT' }),
    low: t.field({ type: 'Decimal' }),
    high: t.field({ type: 'Decimal' }),
    unit: t.string({
      defaultValue: 'CNY',
      description: '"CNY" for money; PERSON, HOUSEHOLD ... for other resources.',
    }),
  }),
});

export const CitationInput = builder.inputType('CitationInput', {
  description:
    'A passage of a stored document, by offsets in Unicode code points; the quote is the text there.',
  fields: (t) => ({
    documentId: t.id({ required: true }),
    start: t.int({ required: true }),
    end: t.int({ required: true, description: 'Exclusive.' }),
    gloss: t.string({ description: 'A short English gloss of the quote (optional).' }),
  }),
});

export const RetractInput = builder.inputType('RetractInput', {
  description: 'Which record to retract, and why.',
  fields: (t) => ({
    id: t.id({ required: true }),
    reason: t.string(),
  }),
});

export const reasonField = 'Why: recorded on the revision.';

/**
 * The fields that say which record an update changes, and the revision it was based on: an
 * update whose record has moved on since is refused with a ConflictError (lost updates).
 */
// biome-ignore lint/suspicious/noExplicitAny: the field builder of any input type
export const updateTarget = (t: InputFieldBuilder<any, 'InputObject'>) => ({
  id: t.id({ required: true }),
  expectedRevision: t.id({
    description:
      'The `revision` of the record as read before editing. When given and the record has changed since, nothing is written and a ConflictError carries the revision it is at now.',
  }),
});
