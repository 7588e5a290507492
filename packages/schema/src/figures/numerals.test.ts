import { describe, expect, it } from 'vitest';
import { asciiDigits, chineseNumeralValue, NumeralError, numberValue } from './numerals.js';

describe('chineseNumeralValue', () => {
  it.each([
    ['十', '10'],
    ['十五', '15'],
    ['二十', '20'],
    ['三百', '300'],
    ['一百二十', '120'],
    ['两千万', '20000000'],
    ['兩千萬', '20000000'],
    ['一亿二千万', '120000000'],
    ['二十万零五百', '200500'],
    ['一万亿', '1000000000000'],
    ['二〇一七', '2017'],
    ['壹佰贰拾', '120'],
    ['五', '5'],
    ['一百五', '150'],
    ['一百零五', '105'],
    ['一万二', '12000'],
    ['三亿五', '350000000'],
  ])('%s is %s', (numeral, value) => {
    expect(chineseNumeralValue(numeral)).toBe(value);
  });

  it('refuses what is no numeral', () => {
    expect(() => chineseNumeralValue('十九大')).toThrow(NumeralError);
    expect(() => chineseNumeralValue('')).toThrow(/empty/u);
  });
});

describe('numberValue', () => {
  it('reads Arabic digits exactly, full-width and grouped ones too', () => {
    expect(numberValue('48.8')).toBe('48.8');
    expect(numberValue('０．５')).toBe('0.5');
    expect(numberValue('5,300')).toBe('5300');
    expect(numberValue('0.1')).toBe('0.1'); // exact: no float ever held it
    expect(asciiDigits('２０１７')).toBe('2017');
  });
});
