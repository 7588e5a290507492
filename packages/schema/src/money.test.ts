import { Decimal as OriginalDecimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Amount,
  AmountParseError,
  type AmountQualifier,
  AmountUnitError,
  amountFromRow,
  amountToStrings,
  Decimal,
  formatAmount,
  formatCompact,
  type Locale,
  MAX_FRACTION_DIGITS,
  MAX_INTEGER_DIGITS,
  makeAmount,
  parseChineseAmount,
  sumAmounts,
} from './money.js';
import {
  amount,
  centsOf,
  centsToString,
  decimalString,
  money,
  qualifier,
  str,
} from './test/arbitraries.js';

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
    ['123456789.12', 'EXACT', '1.23亿元', 'CNY 123.46 m'],
    ['122500000', 'EXACT', '1.23亿元', 'CNY 122.5 m'], // half-up, not half-even (1.22)
    ['1225000000', 'EXACT', '12.25亿元', 'CNY 1.23 bn'],
    ['99999999', 'AT_MOST', '≤1亿元', '≤ CNY 100 m'], // rounding carries into the next unit
    ['999999.999', 'EXACT', '100万元', 'CNY 1 m'],
    ['9005.555', 'EXACT', '9005.56元', 'CNY 9,005.56'],
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

describe('sumAmounts', () => {
  it('sums the overview example: an at-least figure makes the total at-least', () => {
    const total = sumAmounts([parseChineseAmount('48.8亿元'), parseChineseAmount('150亿元以上')]);
    expect(str(total)).toEqual({
      value: '19880000000',
      qualifier: 'AT_LEAST',
      low: '19880000000',
      high: null,
      unit: 'CNY',
    });
    expect(formatAmount(total)).toBe('≥198.8亿元');
    expect(formatAmount(total, 'EN')).toBe('≥ CNY 19.88 bn');
  });

  it('returns 0 EXACT for no amounts', () => {
    expect(str(sumAmounts([]))).toEqual({
      value: '0',
      qualifier: 'EXACT',
      low: null,
      high: null,
      unit: 'CNY',
    });
    expect(sumAmounts([], 'PERSON').unit).toBe('PERSON');
  });

  it('is exact where floats are not', () => {
    const total = sumAmounts([makeAmount('0.1'), makeAmount('0.2')]);
    expect(str(total).value).toBe('0.3');
    const big = sumAmounts([makeAmount('12345678901234567.89'), makeAmount('0.01')]);
    expect(str(big).value).toBe('12345678901234567.9');
  });

  it('combines qualifiers and bounds', () => {
    const e = makeAmount('100');
    const l = makeAmount('200', 'AT_LEAST');
    const m = makeAmount('300', 'AT_MOST');
    const a = makeAmount('400', 'APPROXIMATE');
    expect(str(sumAmounts([e, m]))).toEqual({
      value: '400',
      qualifier: 'AT_MOST',
      low: '100',
      high: '400',
      unit: 'CNY',
    });
    expect(str(sumAmounts([m]))).toEqual(str(m));
    expect(str(sumAmounts([l, m]))).toEqual({
      value: '500',
      qualifier: 'APPROXIMATE',
      low: '200',
      high: null,
      unit: 'CNY',
    });
    expect(str(sumAmounts([e, a]))).toEqual({
      value: '500',
      qualifier: 'APPROXIMATE',
      low: null,
      high: null,
      unit: 'CNY',
    });
    const bounded: Amount = { ...a, low: new Decimal(350), high: new Decimal(450) };
    expect(str(sumAmounts([e, bounded, m]))).toEqual({
      value: '800',
      qualifier: 'APPROXIMATE',
      low: '450',
      high: '850',
      unit: 'CNY',
    });
  });

  it('refuses to mix units', () => {
    const people = makeAmount('42', 'EXACT', 'PERSON');
    expect(() => sumAmounts([makeAmount('1'), people])).toThrow(AmountUnitError);
    expect(() => sumAmounts([people])).toThrow(/PERSON/);
    expect(str(sumAmounts([people, people], 'PERSON')).value).toBe('84');
  });

  it('equals an independently computed exact sum', () => {
    fc.assert(
      fc.property(fc.array(money, { maxLength: 30 }), (values) => {
        const expected = centsToString(values.reduce((acc, v) => acc + centsOf(v), 0n));
        expect(str(sumAmounts(values.map((v) => makeAmount(v)))).value).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('is commutative (whole amount, bounds included)', () => {
    const arrays = fc
      .array(amount, { maxLength: 12 })
      .chain((xs) => fc.tuple(fc.constant(xs), fc.shuffledSubarray(xs, { minLength: xs.length })));
    fc.assert(
      fc.property(arrays, ([xs, shuffled]) => {
        expect(str(sumAmounts(shuffled))).toEqual(str(sumAmounts(xs)));
      }),
      { numRuns: 300 },
    );
  });

  it('is associative (whole amount, bounds included)', () => {
    fc.assert(
      fc.property(fc.array(amount, { maxLength: 12 }), fc.nat(), fc.nat(), (xs, i, j) => {
        const [a, b] = [i % (xs.length + 1), j % (xs.length + 1)].sort((p, q) => p - q) as [
          number,
          number,
        ];
        const parts = [xs.slice(0, a), xs.slice(a, b), xs.slice(b)].map((p) => sumAmounts(p));
        expect(str(sumAmounts(parts))).toEqual(str(sumAmounts(xs)));
        const grouped = sumAmounts([
          sumAmounts([parts[0] as Amount, parts[1] as Amount]),
          parts[2] as Amount,
        ]);
        expect(str(grouped)).toEqual(str(sumAmounts(xs)));
      }),
      { numRuns: 300 },
    );
  });

  it('leaves a single canonical amount unchanged', () => {
    fc.assert(
      fc.property(amount, (a) => {
        expect(str(sumAmounts([a]))).toEqual(str(a));
      }),
    );
  });

  it('is AT_LEAST whenever an at-least figure is summed with exact or at-least ones', () => {
    const mix = fc.array(fc.tuple(money, fc.constantFrom<AmountQualifier>('EXACT', 'AT_LEAST')), {
      maxLength: 10,
    });
    fc.assert(
      fc.property(money, mix, fc.nat(), (v, rest, at) => {
        const xs = rest.map(([x, q]) => makeAmount(x, q));
        xs.splice(at % (xs.length + 1), 0, makeAmount(v, 'AT_LEAST'));
        const total = sumAmounts(xs);
        expect(total.qualifier).toBe('AT_LEAST');
        expect(total.low?.eq(total.value)).toBe(true);
        expect(total.high).toBeNull();
        expect(formatAmount(total)).toMatch(/^≥/);
        expect(formatAmount(total, 'EN')).toMatch(/^≥ CNY /);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps low <= value <= high for any mixture', () => {
    fc.assert(
      fc.property(fc.array(amount, { maxLength: 12 }), (xs) => {
        const t = sumAmounts(xs);
        if (t.low) expect(t.low.lte(t.value)).toBe(true);
        if (t.high) expect(t.high.gte(t.value)).toBe(true);
        const qs = new Set(xs.map((x) => x.qualifier));
        if (qs.has('APPROXIMATE') || (qs.has('AT_LEAST') && qs.has('AT_MOST')))
          expect(t.qualifier).toBe('APPROXIMATE');
        if (qs.has('AT_LEAST')) expect(t.high).toBeNull();
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
