import {
  AMOUNT_QUALIFIERS,
  type AmountQualifier,
  amountDecimal,
  decimal,
} from '@fundtrace/schema/money';
import { z } from 'zod';

/** Units: upper case, as CNY or PERSON. */
export const UNIT = /^[A-Z][A-Z0-9_]{0,31}$/;
export const unit = z.string().regex(UNIT, 'must be an upper-case unit such as CNY or PERSON');
export const qualifier = z.enum(AMOUNT_QUALIFIERS);

/** An exact, non-negative, plain decimal string, canonicalised ("4880000000", "0.5"). */
export const decimalString = z.string().transform((value, ctx) => {
  try {
    return amountDecimal(value).toFixed();
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
    return z.NEVER;
  }
});

export interface Bounded {
  value: string;
  qualifier: AmountQualifier;
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

/** `boundsIssues` as zod issues, with `value` named as the caller's schema names it. */
export function checkBounds(a: Bounded, ctx: z.RefinementCtx) {
  for (const { field, message } of boundsIssues(a)) {
    ctx.addIssue({ code: 'custom', path: [field], message });
  }
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
