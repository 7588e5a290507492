import { z } from 'zod';
import { freeText, globalId, reason } from '../records/record.rules.js';

/** The longest quote a citation may hold, in code points. */
const MAX_QUOTE = 2000;

const offsets = {
  start: z.number().int().min(0, 'must be 0 or more'),
  end: z.number().int(),
};

/**
 * The offset rule: a citation quotes the document's text at [start, end), a non-empty range of at
 * most MAX_QUOTE code points. (That `end` lies within the document is checked when written.)
 */
function checkRange(c: { start: number; end: number }, ctx: z.RefinementCtx) {
  if (c.end <= c.start)
    ctx.addIssue({ code: 'custom', path: ['end'], message: 'must exceed start' });
  if (c.end - c.start > MAX_QUOTE) {
    ctx.addIssue({
      code: 'custom',
      path: ['end'],
      message: `a quote has at most ${MAX_QUOTE} characters`,
    });
  }
}

/** A short English gloss of a quote, for readers of the English pages. */
const gloss = freeText(500)
  .nullish()
  .transform((s) => s?.trim() || null);

export const citationInput = z
  .object({ documentId: globalId('Document'), ...offsets, gloss })
  .superRefine(checkRange);
export type CitationValue = z.output<typeof citationInput>;

/** The citations given with a record. */
export const citations = z.array(citationInput).max(50, 'at most 50 citations').nullish();

export const addCitationInput = z
  .object({
    recordId: globalId('Flow', 'Observation', 'Actor'),
    documentId: globalId('Document'),
    ...offsets,
    reason,
  })
  .superRefine(checkRange);
export type AddCitationValue = z.output<typeof addCitationInput>;
