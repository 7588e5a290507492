import { AMOUNT_QUALIFIERS, decimal } from '@fundtrace/schema/money';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { z } from 'zod';

/**
 * The rules every write obeys, as zod schemas shared by the GraphQL mutations (through Pothos'
 * validation plugin) and by imports (one parse per row). They are static: whether an id names a
 * stored record is checked afterwards, in the write's transaction.
 */

export const MIN_YEAR = 1949;
export const MAX_YEAR = 2100;

export const FLOW_STATUSES = ['PLANNED', 'COMMITTED', 'DISBURSED', 'SPENT'] as const;
export const INSTRUMENTS = [
  'GRANT',
  'LOAN',
  'FUND',
  'LEVERAGED',
  'IN_KIND',
  'TRANSFER',
  'OTHER',
] as const;
export const ACTOR_KINDS = [
  'GOVERNMENT',
  'TREASURY',
  'DEPARTMENT',
  'FUND',
  'BANK',
  'ENTERPRISE',
  'VILLAGE',
  'HOUSEHOLDS',
  'PROJECT',
  'INVESTOR',
  'ORGANIZATION',
  'PERSON',
  'OTHER',
] as const;
export const OBSERVATION_KINDS = ['BASELINE', 'TARGET', 'ACTUAL'] as const;

// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/** Markup: a tag, a closing tag, a comment or a declaration. */
const MARKUP = /<\s*[/!?]?\s*[A-Za-z]/;
/**
 * Names: letters of any script, digits, spaces and the punctuation names use. No `<>;={}$|\`,
 * so neither markup nor statement fragments fit in a name.
 */
const NAME = /^[\p{L}\p{M}\p{N} ()（）·・、，,.。'’"“”&/\-–—:：+#%]+$/u;

/** External ids (the `key` column): what spreadsheets and other systems call the record. */
export const KEY = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}$/;
const UNIT = /^[A-Z][A-Z0-9_]{0,31}$/;
const METRIC = /^[a-z][a-z0-9_]{0,63}$/;
const REGION_CODE = /^[1-9][0-9]{5}$/;

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

export const year = z
  .number()
  .int('must be a whole year')
  .min(MIN_YEAR, `must be between ${MIN_YEAR} and ${MAX_YEAR}`)
  .max(MAX_YEAR, `must be between ${MIN_YEAR} and ${MAX_YEAR}`);

export const regionCode = z.string().regex(REGION_CODE, 'must be a 6-digit GB/T 2260 code');
export const unit = z.string().regex(UNIT, 'must be an upper-case unit such as CNY or PERSON');
export const metric = z.string().regex(METRIC, 'must be a lower-case metric key');

/** An exact, non-negative, plain decimal string, canonicalised ("4880000000", "0.5"). */
export const decimalString = z.string().transform((value, ctx) => {
  try {
    return decimal(value).toFixed();
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
    return z.NEVER;
  }
});

/** A Relay global id of one of the given types, decoded to its integer id. */
export function globalId(...typenames: string[]) {
  return z.string().transform((value, ctx) => {
    try {
      const decoded = decodeGlobalID(value);
      const id = Number(decoded.id);
      if (
        typenames.includes(decoded.typename) &&
        Number.isSafeInteger(id) &&
        id > 0 &&
        id <= 2_147_483_647
      ) {
        return { typename: decoded.typename, id, raw: value };
      }
    } catch {}
    ctx.addIssue({ code: 'custom', message: `is not a ${typenames.join(' or ')} id` });
    return z.NEVER;
  });
}
export type DecodedId = { typename: string; id: number; raw: string };

const qualifier = z.enum(AMOUNT_QUALIFIERS);

interface Bounded {
  value: string;
  qualifier: (typeof AMOUNT_QUALIFIERS)[number];
  low?: string | null | undefined;
  high?: string | null | undefined;
}

/**
 * Bounds agree with the qualifier, in the canonical form the database stores: an exact figure has
 * none; an at-least figure is its own low and has no high; an at-most figure is its own high and
 * has no low; an approximate one may have low <= value <= high.
 */
export function boundsIssues(a: Bounded): { field: 'low' | 'high'; message: string }[] {
  const issues: { field: 'low' | 'high'; message: string }[] = [];
  const issue = (field: 'low' | 'high', message: string) => issues.push({ field, message });
  const value = decimal(a.value);
  const low = a.low == null ? null : decimal(a.low);
  const high = a.high == null ? null : decimal(a.high);
  if (a.qualifier === 'EXACT') {
    if (low) issue('low', 'an EXACT amount has no bounds');
    if (high) issue('high', 'an EXACT amount has no bounds');
  }
  if (a.qualifier === 'AT_LEAST') {
    if (high) issue('high', 'an AT_LEAST amount has no upper bound');
    if (low && !low.eq(value)) issue('low', 'the low bound of an AT_LEAST amount is its value');
  }
  if (a.qualifier === 'AT_MOST') {
    if (low) issue('low', 'an AT_MOST amount has no lower bound');
    if (high && !high.eq(value)) issue('high', 'the high bound of an AT_MOST amount is its value');
  }
  if (a.qualifier === 'APPROXIMATE') {
    if (low?.gt(value)) issue('low', 'the low bound exceeds the value');
    if (high?.lt(value)) issue('high', 'the high bound is below the value');
  }
  return issues;
}

function checkBounds(a: Bounded, ctx: z.RefinementCtx) {
  for (const { field, message } of boundsIssues(a)) {
    ctx.addIssue({ code: 'custom', path: [field], message });
  }
}

/** Stored form: bounds implied by the qualifier are not stored. */
export type { Bounded };

export function boundColumns(a: Bounded): { low: string | null; high: string | null } {
  return {
    low: a.qualifier === 'APPROXIMATE' ? (a.low ?? null) : null,
    high: a.qualifier === 'APPROXIMATE' ? (a.high ?? null) : null,
  };
}

export const moneyInput = z
  .object({
    value: decimalString,
    qualifier: qualifier.nullish().transform((q) => q ?? 'EXACT'),
    low: decimalString.nullish(),
    high: decimalString.nullish(),
    unit: unit.nullish().transform((u) => u ?? 'CNY'),
  })
  .superRefine((money, ctx) => checkBounds(money, ctx));
export type MoneyValue = z.output<typeof moneyInput>;

export const citationInput = z
  .object({
    documentId: globalId('Document'),
    start: z.number().int().min(0, 'must be 0 or more'),
    end: z.number().int(),
  })
  .superRefine((c, ctx) => {
    if (c.end <= c.start)
      ctx.addIssue({ code: 'custom', path: ['end'], message: 'must exceed start' });
    if (c.end - c.start > 2000) {
      ctx.addIssue({
        code: 'custom',
        path: ['end'],
        message: 'a quote has at most 2000 characters',
      });
    }
  });
export type CitationValue = z.output<typeof citationInput>;

const citations = z.array(citationInput).max(50, 'at most 50 citations').nullish();
const reason = freeText(500).nullish();

export const createActorInput = z.object({
  key: key.nullish(),
  name: name(),
  nameEn: name().nullish(),
  kind: z.enum(ACTOR_KINDS),
  regionCode: regionCode.nullish(),
  memberCount: z.number().int().min(1, 'must be 1 or more').max(1_000_000_000).nullish(),
  aliases: z.array(name(100)).max(20, 'at most 20 aliases').nullish(),
  note: freeText().nullish(),
  citations,
  reason,
});
export type CreateActorValue = z.output<typeof createActorInput>;

export const updateActorInput = createActorInput
  .omit({ key: true })
  .partial()
  .extend({ id: globalId('Actor'), name: name().nullish(), kind: z.enum(ACTOR_KINDS).nullish() });
export type UpdateActorValue = z.output<typeof updateActorInput>;

const flowFields = {
  key: key.nullish(),
  sourceId: globalId('Actor'),
  targetId: globalId('Actor'),
  amount: moneyInput,
  year,
  status: z.enum(FLOW_STATUSES),
  instrument: z.enum(INSTRUMENTS),
  programId: globalId('Program').nullish(),
  parentId: globalId('Flow').nullish(),
  note: freeText().nullish(),
  citations,
  reason,
};

export const recordFlowInput = z.object(flowFields).superRefine((f, ctx) => {
  if (f.sourceId.id === f.targetId.id) {
    ctx.addIssue({ code: 'custom', path: ['targetId'], message: 'must differ from sourceId' });
  }
});
export type RecordFlowValue = z.output<typeof recordFlowInput>;

export const updateFlowInput = z
  .object(flowFields)
  .omit({ key: true })
  .partial()
  .extend({ id: globalId('Flow') })
  .superRefine((f, ctx) => {
    if (f.sourceId && f.targetId && f.sourceId.id === f.targetId.id) {
      ctx.addIssue({ code: 'custom', path: ['targetId'], message: 'must differ from sourceId' });
    }
  });
export type UpdateFlowValue = z.output<typeof updateFlowInput>;

const observationFields = {
  key: key.nullish(),
  metric,
  value: decimalString,
  qualifier: qualifier.nullish(),
  low: decimalString.nullish(),
  high: decimalString.nullish(),
  unit,
  year,
  kind: z.enum(OBSERVATION_KINDS),
  actorId: globalId('Actor').nullish(),
  regionCode: regionCode.nullish(),
  programId: globalId('Program').nullish(),
  note: freeText().nullish(),
  citations,
  reason,
};

export const recordObservationInput = z.object(observationFields).superRefine((o, ctx) => {
  checkBounds({ ...o, qualifier: o.qualifier ?? 'EXACT' }, ctx);
  if (o.actorId == null && o.regionCode == null && o.programId == null) {
    ctx.addIssue({
      code: 'custom',
      path: ['actorId'],
      message: 'an observation is of an actor, a region or a program: give at least one',
    });
  }
});
export type RecordObservationValue = z.output<typeof recordObservationInput>;

export const updateObservationInput = z
  .object(observationFields)
  .omit({ key: true })
  .partial()
  .extend({ id: globalId('Observation') });
export type UpdateObservationValue = z.output<typeof updateObservationInput>;

export const retractInput = (typename: string) =>
  z.object({ id: globalId(typename), reason: freeText(500).nullish() });
export type RetractValue = { id: DecodedId; reason?: string | null | undefined };

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

export const addCitationInput = z
  .object({
    recordId: globalId('Flow', 'Observation', 'Actor'),
    documentId: globalId('Document'),
    start: z.number().int().min(0, 'must be 0 or more'),
    end: z.number().int(),
    reason,
  })
  .superRefine((c, ctx) => {
    if (c.end <= c.start)
      ctx.addIssue({ code: 'custom', path: ['end'], message: 'must exceed start' });
    if (c.end - c.start > 2000) {
      ctx.addIssue({
        code: 'custom',
        path: ['end'],
        message: 'a quote has at most 2000 characters',
      });
    }
  });
export type AddCitationValue = z.output<typeof addCitationInput>;
