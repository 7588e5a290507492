import { Decimal as OriginalDecimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import {
  AmountParseError,
  amountDecimal,
  Decimal,
  decimal,
  MAX_AMOUNT,
  MAX_FRACTION_DIGITS,
  MAX_INTEGER_DIGITS,
} from './money.js';
import { parseChineseAmount } from './money-parse.js';
import { zh } from './test/arbitraries.js';

describe('Decimal constructor', () => {
  it('never uses exponent notation', () => {
    expect(new Decimal('1e25').toString()).toBe(`1${'0'.repeat(25)}`);
    expect(new Decimal('1e-7').toString()).toBe('0.0000001');
    expect(Decimal.precision).toBe(60);
  });
});

describe('decimal()', () => {
  it.each(['0', '123', '4.5', '0.01', '4880000000', '1.0000', '99999999999999999999.9999'])(
    'accepts %s',
    (s) => {
      expect(decimal(s).eq(new Decimal(s))).toBe(true);
    },
  );

  it.each([
    ['empty', ''],
    ['negative', '-1'],
    ['leading plus', '+1'],
    ['exponent', '1e5'],
    ['upper-case exponent', '1E5'],
    ['NaN', 'NaN'],
    ['Infinity', 'Infinity'],
    ['leading space', ' 1'],
    ['trailing space', '1 '],
    ['leading zero', '007'],
    ['bare point', '.5'],
    ['trailing point', '1.'],
    ['two points', '1.2.3'],
    ['thousands separator', '1,234'],
    ['hex', '0x10'],
    ['too many integer digits', '1'.repeat(MAX_INTEGER_DIGITS + 1)],
    ['too many fraction digits', `0.${'1'.repeat(MAX_FRACTION_DIGITS + 1)}`],
    ['too long', `1.${'0'.repeat(80)}`],
  ])('rejects %s', (_why, s) => {
    expect(() => decimal(s)).toThrow(AmountParseError);
  });

  it('gives a clear message', () => {
    expect(() => decimal('1e5')).toThrow(/not a plain decimal string.*"1e5"/);
    expect(() => decimal('1'.repeat(31))).toThrow(/more than 30 integer digits/);
  });

  it('bounds amounts given as input below MAX_AMOUNT, while sums may be larger', () => {
    expect(amountDecimal('9999999999999999.9999').toFixed()).toBe('9999999999999999.9999');
    expect(() => amountDecimal(MAX_AMOUNT.toFixed())).toThrow(/not below 10\^16/);
    expect(() => amountDecimal('99999999999999999999')).toThrow(AmountParseError);
    expect(decimal('99999999999999999999').toFixed()).toBe('99999999999999999999');
  });

  it('checks Decimal instances, also from the unconfigured decimal.js', () => {
    const d = decimal(new OriginalDecimal('12.5'));
    expect(d).toBeInstanceOf(Decimal);
    expect(d.toFixed()).toBe('12.5');
    expect(() => decimal(new Decimal(-1))).toThrow(AmountParseError);
    expect(() => decimal(new Decimal(Number.NaN))).toThrow(AmountParseError);
    expect(() => decimal(new Decimal('Infinity'))).toThrow(AmountParseError);
    expect(() => decimal(new Decimal('0.00001'))).toThrow(AmountParseError);
    expect(decimal(new Decimal('-0')).isNeg()).toBe(false);
  });

  it('refuses JS numbers at runtime', () => {
    expect(() => decimal(4.5 as unknown as string)).toThrow(AmountParseError);
  });
});

const exact = (value: string) => ({
  value,
  qualifier: 'EXACT',
  low: null,
  high: null,
  unit: 'CNY',
});
const atLeast = (value: string) => ({
  value,
  qualifier: 'AT_LEAST',
  low: value,
  high: null,
  unit: 'CNY',
});
const atMost = (value: string) => ({
  value,
  qualifier: 'AT_MOST',
  low: null,
  high: value,
  unit: 'CNY',
});
const approx = (value: string) => ({
  value,
  qualifier: 'APPROXIMATE',
  low: null,
  high: null,
  unit: 'CNY',
});

describe('parseChineseAmount', () => {
  it.each([
    ['48.8亿元', exact('4880000000')],
    ['48.8億元', exact('4880000000')],
    ['150亿元以上', atLeast('15000000000')],
    ['150億元以上', atLeast('15000000000')],
    ['6713万元', exact('67130000')],
    ['6713萬元', exact('67130000')],
    ['1万元', exact('10000')],
    ['9005元', exact('9005')],
    ['0.5元', exact('0.5')],
    ['约48.8亿元', approx('4880000000')],
    ['約48.8億元', approx('4880000000')],
    ['大约5万元', approx('50000')],
    ['5万元左右', approx('50000')],
    ['超过1亿元', atLeast('100000000')],
    ['超過1億元', atLeast('100000000')],
    ['300多万元', atLeast('3000000')],
    ['6000余万元', atLeast('60000000')],
    ['1亿多元', atLeast('100000000')],
    ['1亿元多', atLeast('100000000')],
    ['不少于2亿元', atLeast('200000000')],
    ['不超过5万元', atMost('50000')],
    ['不超過5萬元', atMost('50000')],
    ['3万元以下', atMost('30000')],
    ['5万元以内', atMost('50000')],
    ['5萬元以內', atMost('50000')],
    ['1.2万亿元', exact('1200000000000')],
    ['1.2萬億元', exact('1200000000000')],
    ['1,234元', exact('1234')],
    ['1,234,567.5元', exact('1234567.5')],
    ['人民币48.8亿元', exact('4880000000')],
    ['４８．８亿元', exact('4880000000')],
    [' 约 48.8 亿元 ', approx('4880000000')],
    ['1.2345678912亿元', exact('123456789.12')],
    ['0.0000000001亿元', exact('0.01')],
    // the formatters' own forms
    ['≥150亿元', atLeast('15000000000')],
    ['≤3万元', atMost('30000')],
    ['CNY 4.88 bn', exact('4880000000')],
    ['≥ CNY 15 bn', atLeast('15000000000')],
    ['about CNY 4.88 bn', approx('4880000000')],
    ['≤ CNY 3 m', atMost('3000000')],
    ['CNY 9,005', exact('9005')],
    ['CNY 67.13 m', exact('67130000')],
    ['CNY 1,200 bn', exact('1200000000000')],
    ['CNY 0.01', exact('0.01')],
    ['at least CNY 2 million', atLeast('2000000')],
  ])('%s', (text, expected) => {
    expect(zh(text)).toEqual(expected);
  });
});

describe('parseChineseAmount refusals', () => {
  it.each([
    ['negative', '-5元'],
    ['negative (minus sign)', '−5元'],
    ['negative English', 'CNY -5'],
    ['leading plus', '+5元'],
    ['exponent', '1e5'],
    ['exponent with unit', '1e5元'],
    ['exponent in English', 'CNY 1e5'],
    ['NaN', 'NaN'],
    ['NaN with unit', 'NaN元'],
    ['Infinity', 'Infinity元'],
    ['empty', ''],
    ['blank', '   '],
    ['letters', 'abc亿元'],
    ['no number', '亿元'],
    ['only currency', '元'],
    ['no currency', '48.8亿'],
    ['other currency', '48.8亿美元'],
    ['other unit', '42人'],
    ['unknown English scale', 'CNY 4.88 zillion'],
    ['overlong integer', `${'1'.repeat(MAX_INTEGER_DIGITS + 1)}元`],
    ['overlong after scaling', `${'1'.repeat(MAX_INTEGER_DIGITS - 3)}亿元`],
    ['too many fraction digits', '1.23456元'],
    ['fraction below 0.0001 yuan after scaling', '0.0000000000001亿元'],
    ['two decimal points', '1.2.3万元'],
    ['bad grouping', '1,2345元'],
    ['leading zero', '007元'],
    ['conflicting qualifiers', '约150亿元以上'],
    ['conflicting qualifiers (prefix/suffix)', '不超过5万元以上'],
    ['two 多', '1亿多元多'],
    ['too long', `${'1'.repeat(100)}元`],
  ])('rejects %s: %s', (_why, text) => {
    expect(() => parseChineseAmount(text)).toThrow(AmountParseError);
  });

  it('gives clear messages', () => {
    expect(() => parseChineseAmount('abc亿元')).toThrow(/not an amount of money.*"abc亿元"/);
    expect(() => parseChineseAmount('-5元')).toThrow(/negative/);
    expect(() => parseChineseAmount('约150亿元以上')).toThrow(/conflicting qualifiers/);
  });

  it('refuses non-strings at runtime', () => {
    expect(() => parseChineseAmount(5 as unknown as string)).toThrow(AmountParseError);
  });
});
