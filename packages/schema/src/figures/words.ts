/**
 * The words the figure finder reads around a number: units (measure words), magnitudes and
 * qualifiers, in simplified and traditional script. Tables only; find-figures.ts does the reading.
 */
import type { AmountQualifier } from '../money.js';

/**
 * What a figure counts. Money is CNY (USD for 美元); counts name their measure word's thing where
 * it has one (VILLAGE for 村, COUNTY for 旗县) and COUNT otherwise (个, 家, 所, 项 ...).
 * YEAR is a calendar year (the value is the year), YEARS a duration; ORDINAL is 第N个, RANK is
 * 前/后N位 (the value is N); FACTOR is a multiple (3倍, 翻一番 = 2); NUMBER is a bare number with
 * a magnitude but no unit (5万, 100亿).
 */
export const FIGURE_UNITS = [
  'CNY',
  'USD',
  'PERSON',
  'PERSON_TIME',
  'HOUSEHOLD',
  'PERCENT',
  'PERCENTAGE_POINT',
  'COUNT',
  'VILLAGE',
  'COUNTY',
  'TIMES',
  'FACTOR',
  'YEAR',
  'YEARS',
  'MONTH',
  'MONTHS',
  'SQUARE_METRE',
  'SQUARE_KILOMETRE',
  'KILOMETRE',
  'MU',
  'HECTARE',
  'TONNE',
  'ORDINAL',
  'RANK',
  'NUMBER',
] as const;
export type FigureUnit = (typeof FIGURE_UNITS)[number];

/** Measure words after a number (or its magnitude), by the unit they give. */
export const UNIT_WORDS: Readonly<Partial<Record<FigureUnit, readonly string[]>>> = {
  CNY: ['元', '人民币', '人民幣', '人民币元', '人民幣元'],
  USD: ['美元'],
  PERSON: ['人', '名', '位'],
  PERSON_TIME: ['人次'],
  HOUSEHOLD: ['户', '戶'],
  PERCENT: ['%', '％'],
  PERCENTAGE_POINT: ['个百分点', '個百分點', '百分点', '百分點'],
  COUNT: ['个', '個', '家', '所', '项', '項', '座', '处', '處', '支'],
  VILLAGE: ['村', '嘎查村'],
  COUNTY: ['旗县', '旗縣', '县', '縣'],
  TIMES: ['次'],
  FACTOR: ['倍'],
  YEAR: ['年'],
  MONTHS: ['个月', '個月'],
  MONTH: ['月'],
  SQUARE_METRE: ['平方米'],
  SQUARE_KILOMETRE: ['平方公里'],
  KILOMETRE: ['公里'],
  MU: ['亩', '畝'],
  HECTARE: ['公顷', '公頃'],
  TONNE: ['吨', '噸'],
};

/** Units whose figures count things: a lone 一 before them is an article ("一家一户"), not a figure. */
export const COUNTING_UNITS: ReadonlySet<FigureUnit> = new Set([
  'PERSON',
  'PERSON_TIME',
  'HOUSEHOLD',
  'COUNT',
  'VILLAGE',
  'COUNTY',
  'TIMES',
  'YEAR',
  'MONTH',
  'MONTHS',
]);

/** Magnitudes after a number, as powers of ten. */
export const MAGNITUDES: Readonly<Record<string, string>> = {
  万亿: '1e12',
  萬億: '1e12',
  亿: '1e8',
  億: '1e8',
  千万: '1e7',
  千萬: '1e7',
  百万: '1e6',
  百萬: '1e6',
  万: '1e4',
  萬: '1e4',
};

/** Words right before a number. 近 is not read before years: 近5年 is "the last five years". */
export const PREFIX_QUALIFIERS: Readonly<Record<string, AmountQualifier>> = {
  不超过: 'AT_MOST',
  不超過: 'AT_MOST',
  不高于: 'AT_MOST',
  不高於: 'AT_MOST',
  不多于: 'AT_MOST',
  不多於: 'AT_MOST',
  不到: 'AT_MOST',
  至多: 'AT_MOST',
  最多: 'AT_MOST',
  超过: 'AT_LEAST',
  超過: 'AT_LEAST',
  不少于: 'AT_LEAST',
  不少於: 'AT_LEAST',
  不低于: 'AT_LEAST',
  不低於: 'AT_LEAST',
  至少: 'AT_LEAST',
  逾: 'AT_LEAST',
  近: 'APPROXIMATE',
  将近: 'APPROXIMATE',
  將近: 'APPROXIMATE',
  接近: 'APPROXIMATE',
  约: 'APPROXIMATE',
  約: 'APPROXIMATE',
  大约: 'APPROXIMATE',
  大約: 'APPROXIMATE',
};

/** Words after the unit. */
export const SUFFIX_QUALIFIERS: Readonly<Record<string, AmountQualifier>> = {
  以上: 'AT_LEAST',
  以下: 'AT_MOST',
  以内: 'AT_MOST',
  以內: 'AT_MOST',
  左右: 'APPROXIMATE',
};

/** 多/余 between the number and its unit ("100多人", "3万余元"): more than, AT_LEAST as money.ts reads it. */
export const ODD_WORDS = ['多', '余', '餘'] as const;

/** Before a number: 第 makes an ordinal; 前/后 before N位/N名 make a rank. */
export const ORDINAL_MARK = '第';
export const RANK_MARKS = ['前', '后', '後'] as const;
export const RANK_UNITS = ['位', '名'] as const;
