import { z } from 'zod';
import { InputError } from '../errors.js';
import { type DecodedId, decodeGlobalId } from './global-id.js';
import type { RecordTypename } from './record-types.js';

/**
 * The field rules every record type shares, as zod schemas used by the GraphQL mutations
 * (through Pothos' validation plugin), the imports (one parse per row) and the seed. They are
 * static: whether an id names a stored record is checked afterwards, in the write's transaction.
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
export const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/** Markup: a tag, a closing tag, a comment or a declaration. */
const MARKUP = /<\s*[/!?]?\s*[A-Za-z]/;
/**
 * Names: letters of any script, digits, spaces and the punctuation names use. No `<>;={}$|\`,
 * so neither markup nor statement fragments fit in a name.
 */
const NAME = /^[\p{L}\p{M}\p{N} ()（）·・、，,.。'’"“”&/\-–—:：+#%]+$/u;

/** External ids (the `key` column): what spreadsheets and other systems call the record. */
export const KEY = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}$/;
const METRIC = /^[a-z][a-z0-9_]{0,63}$/;
export const REGION_CODE = /^[1-9][0-9]{5}$/;

export const key = z
  .string()
  .regex(KEY, 'must be 1 to 128 letters, digits or . _ : / -, starting with a letter or digit');

export function name(max = 200) {
  return z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must have at most ${max} characters`)
    .regex(
      NAME,
      'may hold letters, digits, spaces and ( ) · 、 , . \' " & / - : + # %; no < > ; = { } or control characters',
    );
}

/** Free text (notes, reasons): no markup, no control characters other than tab and newline. */
export function freeText(max = 2000) {
  return z
    .string()
    .max(max, `must have at most ${max} characters`)
    .refine((s) => !CONTROL.test(s), 'must not contain control characters')
    .refine((s) => !MARKUP.test(s), 'must not contain markup (HTML tags)');
}

/** Years of records and of filters on them. */
export const MIN_YEAR = 1949;
export const MAX_YEAR = 2100;
const YEARS = `must be between ${MIN_YEAR} and ${MAX_YEAR}`;

export const year = z
  .number()
  .int('must be a whole year')
  .min(MIN_YEAR, YEARS)
  .max(MAX_YEAR, YEARS);

/** A year given as a query argument, or an InputError. */
export function validateYear(value: number, argument = 'year'): number {
  if (!year.safeParse(value).success) {
    throw new InputError(
      `${argument} must be between ${MIN_YEAR} and ${MAX_YEAR}, got ${value}`,
      argument,
    );
  }
  return value;
}

export const regionCode = z.string().regex(REGION_CODE, 'must be a 6-digit GB/T 2260 code');
export const metric = z.string().regex(METRIC, 'must be a lower-case metric key');

/** A global id of one of the given types, decoded (see global-id.ts). */
export function globalId<T extends RecordTypename>(...typenames: T[]) {
  return z.string().transform((value, ctx): DecodedId<T> => {
    try {
      return decodeGlobalId(value, typenames);
    } catch {
      ctx.addIssue({ code: 'custom', message: `is not a ${typenames.join(' or ')} id` });
      return z.NEVER;
    }
  });
}

/** Why a write was made: kept on its revision. */
export const reason = freeText(500).nullish();

/**
 * The revision an update was based on (the record's `revision` as read): one spelling, the one
 * the server writes ("0" for a record with no recorded revision). Absent: the update is not checked.
 */
export const expectedRevision = z
  .string()
  .regex(/^(0|[1-9][0-9]{0,15})$/, 'must be a revision as read from the record')
  .nullish();

export const retractInput = (typename: RecordTypename) =>
  z.object({ id: globalId(typename), reason });
export type RetractValue = {
  id: DecodedId<RecordTypename>;
  reason?: string | null | undefined;
};
