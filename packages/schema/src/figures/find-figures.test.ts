import { describe, expect, it } from 'vitest';
import { parseChineseAmount } from '../money-parse.js';
import { findFigures } from './find-figures.js';

/** [text, value, unit, qualifier] of each figure found. */
const read = (text: string) =>
  findFigures(text).map((f) => [f.text, f.value, f.unit, f.qualifier] as const);

type Case = [input: string, expected: ReturnType<typeof read>];

describe('amounts of money', () => {
  it.each<Case>([
    ['投入9005元', [['9005元', '9005', 'CNY', 'EXACT']]],
    ['資金6713萬元', [['6713萬元', '67130000', 'CNY', 'EXACT']]],
    ['资金6713万元', [['6713万元', '67130000', 'CNY', 'EXACT']]],
    [
      '從去年的1.26億元增加到2.5億元',
      [
        ['1.26億元', '126000000', 'CNY', 'EXACT'],
        ['2.5億元', '250000000', 'CNY', 'EXACT'],
      ],
    ],
    ['1.26亿元', [['1.26亿元', '126000000', 'CNY', 'EXACT']]],
    ['两千万元', [['两千万元', '20000000', 'CNY', 'EXACT']]],
    ['兩千萬元', [['兩千萬元', '20000000', 'CNY', 'EXACT']]],
    ['三千万元', [['三千万元', '30000000', 'CNY', 'EXACT']]],
    ['3千万元', [['3千万元', '30000000', 'CNY', 'EXACT']]],
    ['1.2万亿元', [['1.2万亿元', '1200000000000', 'CNY', 'EXACT']]],
    ['１２３元', [['１２３元', '123', 'CNY', 'EXACT']]],
    ['４８．８億元', [['４８．８億元', '4880000000', 'CNY', 'EXACT']]],
    ['1000万人民币', [['1000万人民币', '10000000', 'CNY', 'EXACT']]],
    ['5亿美元', [['5亿美元', '500000000', 'USD', 'EXACT']]],
    ['一百二十元', [['一百二十元', '120', 'CNY', 'EXACT']]],
    ['0.1元', [['0.1元', '0.1', 'CNY', 'EXACT']]],
  ])('%s', (input, expected) => expect(read(input)).toEqual(expected));
});

describe('counts with their unit', () => {
  it.each<Case>([
    ['31個國貧旗縣', [['31個', '31', 'COUNT', 'EXACT']]],
    ['57个贫困旗县', [['57个', '57', 'COUNT', 'EXACT']]],
    ['25萬戶', [['25萬戶', '250000', 'HOUSEHOLD', 'EXACT']]],
    ['3.5万户', [['3.5万户', '35000', 'HOUSEHOLD', 'EXACT']]],
    ['55.6萬人', [['55.6萬人', '556000', 'PERSON', 'EXACT']]],
    ['掛職干部42名', [['42名', '42', 'PERSON', 'EXACT']]],
    ['488家企業', [['488家', '488', 'COUNT', 'EXACT']]],
    ['建成3所學校', [['3所', '3', 'COUNT', 'EXACT']]],
    ['十項措施', [['十項', '10', 'COUNT', 'EXACT']]],
    ['十项措施', [['十项', '10', 'COUNT', 'EXACT']]],
    ['覆盖三百村', [['三百村', '300', 'VILLAGE', 'EXACT']]],
    ['12旗县', [['12旗县', '12', 'COUNTY', 'EXACT']]],
    ['先后14次召開', [['14次', '14', 'TIMES', 'EXACT']]],
    ['39位現任省級領導', [['39位', '39', 'PERSON', 'EXACT']]],
    ['培训2万人次', [['2万人次', '20000', 'PERSON_TIME', 'EXACT']]],
    ['兩個村', [['兩個', '2', 'COUNT', 'EXACT']]],
    ['搬遷5萬建檔立卡貧困人口', [['5萬', '50000', 'NUMBER', 'EXACT']]],
    ['筹集两千万用于', [['两千万', '20000000', 'NUMBER', 'EXACT']]],
    ['面積不超過25平方米', [['不超過25平方米', '25', 'SQUARE_METRE', 'AT_MOST']]],
  ])('%s', (input, expected) => expect(read(input)).toEqual(expected));
});

describe('percentages and percentage points', () => {
  it.each<Case>([
    [
      '由14.7%下降到4.1%',
      [
        ['14.7%', '14.7', 'PERCENT', 'EXACT'],
        ['4.1%', '4.1', 'PERCENT', 'EXACT'],
      ],
    ],
    ['開工率為98.6％', [['98.6％', '98.6', 'PERCENT', 'EXACT']]],
    ['百分之三十', [['百分之三十', '30', 'PERCENT', 'EXACT']]],
    ['百分之15', [['百分之15', '15', 'PERCENT', 'EXACT']]],
    ['高於平均水平2.1個百分點', [['2.1個百分點', '2.1', 'PERCENTAGE_POINT', 'EXACT']]],
    ['下降一个百分点', [['一个百分点', '1', 'PERCENTAGE_POINT', 'EXACT']]],
    ['提高0.5百分点', [['0.5百分点', '0.5', 'PERCENTAGE_POINT', 'EXACT']]],
  ])('%s', (input, expected) => expect(read(input)).toEqual(expected));
});

describe('years and year ranges', () => {
  it.each<Case>([
    ['到2016年末', [['2016年', '2016', 'YEAR', 'EXACT']]],
    ['二〇一七年', [['二〇一七年', '2017', 'YEAR', 'EXACT']]],
    [
      '2016—2020年',
      [
        ['2016', '2016', 'YEAR', 'EXACT'],
        ['2020年', '2020', 'YEAR', 'EXACT'],
      ],
    ],
    [
      '對2017-2019年各年度',
      [
        ['2017', '2017', 'YEAR', 'EXACT'],
        ['2019年', '2019', 'YEAR', 'EXACT'],
      ],
    ],
    [
      '规划(2016-2020)',
      [
        ['2016', '2016', 'YEAR', 'EXACT'],
        ['2020', '2020', 'YEAR', 'EXACT'],
      ],
    ],
    [
      '2016至2020年',
      [
        ['2016', '2016', 'YEAR', 'EXACT'],
        ['2020年', '2020', 'YEAR', 'EXACT'],
      ],
    ],
    ['五年砥礪前行', [['五年', '5', 'YEARS', 'EXACT']]],
    ['近5年', [['5年', '5', 'YEARS', 'EXACT']]],
    ['9月份', [['9月', '9', 'MONTH', 'EXACT']]],
    ['用时3個月', [['3個月', '3', 'MONTHS', 'EXACT']]],
  ])('%s', (input, expected) => expect(read(input)).toEqual(expected));

  it('marks the ends of a range', () => {
    expect(findFigures('2016—2020年').map((f) => [f.range, f.start, f.end])).toEqual([
      ['FROM', 0, 4],
      ['TO', 5, 10],
    ]);
  });
});

describe('qualifiers', () => {
  it.each<Case>([
    ['貸款150億元以上', [['150億元以上', '15000000000', 'CNY', 'AT_LEAST']]],
    ['已超過60%', [['超過60%', '60', 'PERCENT', 'AT_LEAST']]],
    ['近3000户', [['近3000户', '3000', 'HOUSEHOLD', 'APPROXIMATE']]],
    ['约6713万元', [['约6713万元', '67130000', 'CNY', 'APPROXIMATE']]],
    ['約5億元', [['約5億元', '500000000', 'CNY', 'APPROXIMATE']]],
    ['100人左右', [['100人左右', '100', 'PERSON', 'APPROXIMATE']]],
    ['1000多人', [['1000多人', '1000', 'PERSON', 'AT_LEAST']]],
    ['200餘戶', [['200餘戶', '200', 'HOUSEHOLD', 'AT_LEAST']]],
    ['3万余元', [['3万余元', '30000', 'CNY', 'AT_LEAST']]],
    ['不超过5万元', [['不超过5万元', '50000', 'CNY', 'AT_MOST']]],
    ['10万元以内', [['10万元以内', '100000', 'CNY', 'AT_MOST']]],
    ['10萬元以內', [['10萬元以內', '100000', 'CNY', 'AT_MOST']]],
    ['不少於20人', [['不少於20人', '20', 'PERSON', 'AT_LEAST']]],
    [
      '3-5萬元',
      [
        ['3', '30000', 'CNY', 'AT_LEAST'],
        ['5萬元', '50000', 'CNY', 'AT_MOST'],
      ],
    ],
  ])('%s', (input, expected) => expect(read(input)).toEqual(expected));
});

describe('special forms', () => {
  it('四個100億: the 100億 figure, stated four times', () => {
    expect(findFigures('實施了“四個100億”投入計劃')).toEqual([
      {
        start: 4,
        end: 10,
        text: '四個100億',
        value: '10000000000',
        unit: 'NUMBER',
        qualifier: 'EXACT',
        times: '4',
      },
    ]);
    expect(findFigures('四个100亿元')[0]).toMatchObject({ unit: 'CNY', times: '4' });
  });

  it.each<Case>([
    ['對排名后五位的旗縣委書記', [['后五位', '5', 'RANK', 'EXACT']]],
    ['排名後五位', [['後五位', '5', 'RANK', 'EXACT']]],
    ['排名前10名', [['前10名', '10', 'RANK', 'EXACT']]],
    ['在第4個全國扶貧日', [['第4個', '4', 'ORDINAL', 'EXACT']]],
    ['比上年翻了一番', [['翻了一番', '2', 'FACTOR', 'EXACT']]],
    ['翻兩番', [['翻兩番', '4', 'FACTOR', 'EXACT']]],
    ['增長3倍', [['3倍', '3', 'FACTOR', 'EXACT']]],
  ])('%s', (input, expected) => expect(read(input)).toEqual(expected));
});

describe('one reading of 多/余/餘 with parseChineseAmount', () => {
  it.each(['3万余元', '3萬餘元', '1000多元', '2亿多元'])(
    '%s: the same value and qualifier',
    (text) => {
      const [figure] = findFigures(text);
      const amount = parseChineseAmount(text);
      expect(figure?.qualifier).toBe('AT_LEAST');
      expect(figure?.qualifier).toBe(amount.qualifier);
      expect(figure?.value).toBe(amount.value.toFixed());
    },
  );
});
