import { z } from 'zod';
import { CONTROL, freeText, key, name, reason } from '../records/record.rules.js';

/** Document text: any characters a source may hold, but no NUL or other control characters. */
const documentText = z
  .string()
  .min(1, 'must not be empty')
  .max(2_000_000, 'must have at most 2,000,000 characters')
  .refine((s) => !CONTROL.test(s), 'must not contain control characters');

export const addDocumentInput = z.object({
  key: key.nullish(),
  title: freeText(300).pipe(z.string().trim().min(1, 'must not be empty')),
  titleEn: freeText(300).nullish(),
  publisher: name().nullish(),
  publishedOn: z.iso.date('must be a date, YYYY-MM-DD').nullish(),
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/, 'must be a language tag such as zh-Hant'),
  url: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
    .max(2000)
    .nullish(),
  text: documentText,
  normalisation: freeText().nullish(),
  reason,
});
export type AddDocumentValue = z.output<typeof addDocumentInput>;
