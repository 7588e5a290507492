import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Amount,
  type AmountQualifier,
  AmountUnitError,
  Decimal,
  formatAmount,
  makeAmount,
  sumAmounts,
} from './money.js';
import { parseChineseAmount } from './money-parse.js';
import { amount, centsOf, centsToString, money, str } from './test/arbitraries.js';

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
});

describe('sumAmounts properties', () => {
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
});

describe('sumAmounts qualifiers and bounds', () => {
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
