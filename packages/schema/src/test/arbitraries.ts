import fc from 'fast-check';
import { AMOUNT_QUALIFIERS, type Amount, amountToStrings, makeAmount } from '../money.js';
import { parseChineseAmount } from '../money-parse.js';

/** Shared by the money tests: fast-check generators and exact reference arithmetic. */
export const str = (a: Amount) => amountToStrings(a);
export const zh = (text: string) => str(parseChineseAmount(text));

// ---- generators: decimals are built from digit strings, never from JS numbers ----
export const digits = (minLength: number, maxLength: number) =>
  fc.array(fc.constantFrom(...'0123456789'), { minLength, maxLength }).map((ds) => ds.join(''));
export const decimalString = (maxInt: number, maxFrac: number) =>
  fc.oneof(
    fc.tuple(digits(1, maxInt), digits(0, maxFrac)).map(([i, f]) => {
      const int = i.replace(/^0+(?=[0-9])/, '');
      return f === '' ? int : `${int}.${f}`;
    }),
    // values at and around the unit thresholds
    fc.constantFrom(
      '0',
      '0.01',
      '1',
      '9999',
      '9999.99',
      '10000',
      '999999.99',
      '1000000',
      '99999999.99',
    ),
    fc.constantFrom(
      '100000000',
      '999999999.99',
      '1000000000',
      '4880000000',
      '15000000000',
      '67130000',
    ),
  );
export const money = decimalString(16, 2);
export const qualifier = fc.constantFrom(...AMOUNT_QUALIFIERS);
export const amount = fc.tuple(money, qualifier).map(([v, q]) => makeAmount(v, q));

/** Independent exact sum: cents as BigInt, back to a plain decimal string. */
export function centsOf(v: string): bigint {
  const [i = '0', f = ''] = v.split('.');
  return BigInt(i) * 100n + BigInt(f.padEnd(2, '0'));
}
export function centsToString(c: bigint): string {
  const s = c.toString().padStart(3, '0');
  const frac = s.slice(-2).replace(/0+$/, '');
  return frac === '' ? s.slice(0, -2) : `${s.slice(0, -2)}.${frac}`;
}
