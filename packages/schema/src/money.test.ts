import { Decimal as OriginalDecimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Amount,
  AmountParseError,
  amountFromRow,
  amountToStrings,
  Decimal,
  formatAmount,
  formatCompact,
  type Locale,
  MAX_FRACTION_DIGITS,
  MAX_INTEGER_DIGITS,
  makeAmount,
} from './money.js';
import { parseChineseAmount } from './money-parse.js';
import { amount, decimalString, qualifier, str } from './test/arbitraries.js';

describe('formatAmount', () => {
  it.each([
    ['4880000000', 'EXACT', '48.8亿元', 'CNY 4.88 bn'],
    ['15000000000', 'AT_LEAST', '≥150亿元', '≥ CNY 15 bn'],
    ['4880000000', 'APPROXIMATE', '约48.8亿元', 'about CNY 4.88 bn'],
    ['3000000', 'AT_MOST', '≤300万元', '≤ CNY 3 m'],
    ['67130000', 'EXACT', '6713万元', 'CNY 67.13 m'],
    ['9005', 'EXACT', '9005元', 'CNY 9,005'],
    ['10000', 'EXACT', '1万元', 'CNY 10,000'],
    ['9999.99', 'EXACT', '9999.99元', 'CNY 9,999.99'],
    ['99999999', 'EXACT', '9999.9999万元', 'CNY 99.999999 m'],
    ['100000000', 'EXACT', '1亿元', 'CNY 100 m'],
    ['999999', 'EXACT', '99.9999万元', 'CNY 999,999'],
    ['1000000000', 'EXACT', '10亿元', 'CNY 1 bn'],
    ['123456789.12', 'EXACT', '1.2345678912亿元', 'CNY 123.45678912 m'],
    ['12345678901234567.89', 'EXACT', '123456789.0123456789亿元', 'CNY 12,345,678.90123456789 bn'],
    ['0', 'EXACT', '0元', 'CNY 0'],
    ['0.01', 'EXACT', '0.01元', 'CNY 0.01'],
  ] as const)('%s %s', (value, q, zhText, enText) => {
    const a = makeAmount(value, q);
    expect(formatAmount(a)).toBe(zhText);
    expect(formatAmount(a, 'ZH')).toBe(zhText);
    expect(formatAmount(a, 'EN')).toBe(enText);
    expect(str(parseChineseAmount(zhText))).toEqual(str(a));
    expect(str(parseChineseAmount(enText))).toEqual(str(a));
  });

  it('formats non-money units with a unit word', () => {
    expect(formatAmount(makeAmount('42', 'EXACT', 'PERSON'))).toBe('42人');
    expect(formatAmount(makeAmount('42', 'EXACT', 'PERSON'), 'EN')).toBe('42 people');
    expect(formatAmount(makeAmount('1', 'EXACT', 'PERSON'), 'EN')).toBe('1 person');
    expect(formatAmount(makeAmount('36', 'AT_LEAST', 'PERSON'), 'EN')).toBe('≥ 36 people');
    expect(formatAmount(makeAmount('12345', 'EXACT', 'HOUSEHOLD'))).toBe('12345户');
    expect(formatAmount(makeAmount('12345', 'EXACT', 'HOUSEHOLD'), 'EN')).toBe('12,345 households');
    expect(formatAmount(makeAmount('7', 'EXACT', 'TONNE'), 'EN')).toBe('7 TONNE');
  });

  it('prints a negative value (e.g. an over-reported residual) with a minus sign', () => {
    const a: Amount = {
      value: new Decimal('-48800'),
      qualifier: 'EXACT',
      low: null,
      high: null,
      unit: 'CNY',
    };
    expect(formatAmount(a)).toBe('-4.88万元');
    expect(formatAmount(a, 'EN')).toBe('CNY -48,800');
  });

  const locales: Locale[] = ['ZH', 'EN'];
  for (const locale of locales) {
    it(`round-trips through parseChineseAmount (${locale}, every qualifier)`, () => {
      fc.assert(
        fc.property(amount, (a) => {
          expect(str(parseChineseAmount(formatAmount(a, locale)))).toEqual(str(a));
        }),
        { numRuns: 500 },
      );
    });

    it(`round-trips at the size limits (${locale})`, () => {
      const big = decimalString(MAX_INTEGER_DIGITS, MAX_FRACTION_DIGITS);
      fc.assert(
        fc.property(big, qualifier, (v, q) => {
          const a = makeAmount(v, q);
          expect(str(parseChineseAmount(formatAmount(a, locale)))).toEqual(str(a));
        }),
        { numRuns: 300 },
      );
    });
  }
});

describe('formatCompact', () => {
  it.each([
    ['4880000000', 'EXACT', '48.8亿元', 'CNY 4.88 bn'],
    ['15000000000', 'AT_LEAST', '≥150亿元', '≥ CNY 15 bn'],
    ['4880000000', 'APPROXIMATE', '约48.8亿元', 'about CNY 4.88 bn'],
    ['123456789.12', 'EXACT', '1.23亿元', 'CNY 123.5 m'],
    ['122500000', 'EXACT', '1.23亿元', 'CNY 122.5 m'], // half-up, not half-even (1.22)
    ['1225000000', 'EXACT', '12.25亿元', 'CNY 1.23 bn'],
    ['99999999', 'AT_MOST', '≤1亿元', '≤ CNY 100 m'], // rounding carries into the next unit
    ['999999.999', 'EXACT', '100万元', 'CNY 1 m'],
    ['9005.555', 'EXACT', '9,006元', 'CNY 9,006'],
    ['111613293724.98', 'EXACT', '1,116亿元', 'CNY 111.6 bn'],
    ['111613293724.98', 'APPROXIMATE', '约1,116亿元', 'about CNY 111.6 bn'],
    ['1234567890123456', 'EXACT', '12,345,679亿元', 'CNY 1,234,568 bn'], // integer digits stay
    ['443130000', 'EXACT', '4.43亿元', 'CNY 443.1 m'],
    ['0.004', 'EXACT', '0元', 'CNY 0'],
  ] as const)('%s %s', (value, q, zhText, enText) => {
    const a = makeAmount(value, q);
    expect(formatCompact(a)).toBe(zhText);
    expect(formatCompact(a, 'EN')).toBe(enText);
  });

  it('keeps at most 2 fraction digits and stays within rounding of the exact value', () => {
    fc.assert(
      fc.property(amount, fc.constantFrom<Locale>('ZH', 'EN'), (a, locale) => {
        const text = formatCompact(a, locale);
        expect(text).not.toMatch(/[0-9]\.[0-9]{3}/);
        const back = parseChineseAmount(text);
        expect(back.qualifier).toBe(a.qualifier);
        // rounding to 2 places of the chosen unit: relative error at most 0.5%, absolute at most 0.005 元
        const err = back.value.minus(a.value).abs();
        expect(err.lte(a.value.times('0.005')) || err.lte('0.005')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('amountFromRow / amountToStrings', () => {
  it('reads database strings', () => {
    const a = amountFromRow({
      value: '15000000000.0000',
      qualifier: 'AT_LEAST',
      low: '15000000000',
      high: null,
      unit: 'CNY',
    });
    expect(formatAmount(a)).toBe('≥150亿元');
    expect(str(a)).toEqual({
      value: '15000000000',
      qualifier: 'AT_LEAST',
      low: '15000000000',
      high: null,
      unit: 'CNY',
    });
  });

  it.each([
    ['unknown qualifier', { value: '1', qualifier: 'ABOUT', low: null, high: null, unit: 'CNY' }],
    ['exponent value', { value: '1e5', qualifier: 'EXACT', low: null, high: null, unit: 'CNY' }],
    ['negative value', { value: '-1', qualifier: 'EXACT', low: null, high: null, unit: 'CNY' }],
    ['bad low', { value: '1', qualifier: 'AT_LEAST', low: 'NaN', high: null, unit: 'CNY' }],
    ['low above value', { value: '1', qualifier: 'AT_LEAST', low: '2', high: null, unit: 'CNY' }],
    ['high below value', { value: '2', qualifier: 'AT_MOST', low: null, high: '1', unit: 'CNY' }],
    ['empty unit', { value: '1', qualifier: 'EXACT', low: null, high: null, unit: '' }],
  ])('rejects %s', (_why, row) => {
    expect(() => amountFromRow(row)).toThrow(AmountParseError);
  });

  it('writes plain decimal strings, never exponent notation', () => {
    const a: Amount = {
      value: new Decimal('1e-7'),
      qualifier: 'APPROXIMATE',
      low: new OriginalDecimal('1e-8'),
      high: new Decimal('1e25'),
      unit: 'CNY',
    };
    expect(amountToStrings(a)).toEqual({
      value: '0.0000001',
      low: '0.00000001',
      high: `1${'0'.repeat(25)}`,
      qualifier: 'APPROXIMATE',
      unit: 'CNY',
    });
    expect(amountToStrings(makeAmount(new Decimal('-0'))).value).toBe('0');
  });

  it('round-trips through the database strings', () => {
    fc.assert(
      fc.property(decimalString(MAX_INTEGER_DIGITS, MAX_FRACTION_DIGITS), qualifier, (v, q) => {
        const a = makeAmount(v, q);
        const s = amountToStrings(a);
        expect(s.value).toMatch(/^(?:0|[1-9][0-9]*)(?:\.[0-9]*[1-9])?$/);
        expect(str(amountFromRow(s))).toEqual(s);
      }),
      { numRuns: 300 },
    );
  });
});
