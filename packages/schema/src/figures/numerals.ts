/**
 * Numbers as Chinese text writes them, read into exact decimal strings: Arabic digits (ASCII or
 * full-width, optional fraction, optional thousands commas) and Chinese numerals in both scripts
 * (十项, 一百二十, 两千万, 二〇一七; financial forms 壹贰叁 ... too).
 */
import { Decimal } from '../money.js';

const DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  壹: 1,
  二: 2,
  贰: 2,
  貳: 2,
  两: 2,
  兩: 2,
  三: 3,
  叁: 3,
  參: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  陸: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};
const SMALL: Readonly<Record<string, number>> = {
  十: 10,
  拾: 10,
  百: 100,
  佰: 100,
  千: 1000,
  仟: 1000,
};
const LARGE: Readonly<Record<string, string>> = { 万: '1e4', 萬: '1e4', 亿: '1e8', 億: '1e8' };

/** Characters a Chinese numeral may start with (a magnitude alone, as in 千家万户, is no number). */
export const CHINESE_NUMERAL_START = `${Object.keys(DIGITS).join('')}十拾`;
export const CHINESE_NUMERAL_CHARS = `${CHINESE_NUMERAL_START}${Object.keys(SMALL).join('')}${Object.keys(LARGE).join('')}`;

export class NumeralError extends Error {
  override name = 'NumeralError';
}

/** ASCII digits for full-width ones, '.' for '．', no thousands commas. */
export function asciiDigits(written: string): string {
  return written
    .replace(/[０-９]/gu, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30))
    .replaceAll('．', '.')
    .replaceAll(',', '');
}

/** A digit-by-digit numeral (二〇一七) has no 十/百/千/万/亿 in it. */
const isDigitString = (s: string) => [...s].every((c) => DIGITS[c] !== undefined);

/**
 * The value of a Chinese numeral as a decimal string: 十 → 10, 一百二十 → 120, 两千万 → 20000000,
 * 一亿二千万 → 120000000, 二十万零五百 → 200500, 二〇一七 → 2017. Throws on other characters.
 */
export function chineseNumeralValue(numeral: string): string {
  const chars = [...numeral];
  if (chars.length === 0) throw new NumeralError('empty numeral');
  if (chars.length > 1 && isDigitString(numeral)) {
    return chars.map((c) => String(DIGITS[c])).join('');
  }
  let total = new Decimal(0); // everything above the current 万/亿 section
  let section = 0; // below 万 within the current section
  let digit = 0;
  let unitBefore: Decimal | null = null; // the unit right before the current digit, if any
  let previous: Decimal | null = null;
  for (const c of chars) {
    const d = DIGITS[c];
    const small = SMALL[c];
    const large = LARGE[c];
    if (d !== undefined) {
      digit = d;
      unitBefore = previous;
      previous = null;
    } else if (small !== undefined) {
      section += (digit === 0 ? 1 : digit) * small;
      digit = 0;
      previous = new Decimal(small);
    } else if (large !== undefined) {
      const part = new Decimal(section + digit);
      // 亿 scales everything before it (一万亿); 万 only its own section (一亿二千万).
      total = large === '1e8' ? total.plus(part).times(large) : total.plus(part.times(large));
      section = 0;
      digit = 0;
      previous = new Decimal(large);
    } else throw new NumeralError(`not a Chinese numeral: ${numeral}`);
  }
  // A last digit right after a unit counts one place below it: 一百五 = 150, 三亿五 = 350000000.
  const last = unitBefore === null ? new Decimal(digit) : unitBefore.div(10).times(digit);
  return total.plus(section).plus(last).toFixed();
}

/** The value of a number as written, Arabic or Chinese, as a decimal string. */
export function numberValue(written: string): string {
  if (/^[0-9０-９]/u.test(written)) return new Decimal(asciiDigits(written)).toFixed();
  return chineseNumeralValue(written);
}
