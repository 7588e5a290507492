// A second report of the 17 October 2017 press conference (issue 15, "sources meet"): only the
// excerpts the records cite are stored (seed/001_baogaosu_61826459.txt), verbatim, one a line.
import type { SeedDataset, SeedDocument } from '../types.js';
import { IM } from './codes.js';

export const PRESS_REPORT = 'baogaosu-press-conference-2017';

export const pressReport: SeedDocument = {
  key: PRESS_REPORT,
  title: '内蒙古今年将累计投入100亿元助力扶贫攻坚',
  titleEn: 'Inner Mongolia to invest a cumulative 10 billion yuan in poverty alleviation this year',
  publisher: '报告苏 (baogaosu.com, 呼和浩特)',
  publishedOn: '2017-10-17',
  language: 'zh-Hans',
  url: 'https://huhehaote.baogaosu.com/xinwen/%E4%BA%BF%E5%85%83%E5%8A%A9%E5%8A%9B%E6%89%B6%E8%B4%AB/61826459',
  file: '001_baogaosu_61826459.txt',
  normalisation:
    'Excerpts only: the sentences this data set cites, verbatim from the report (simplified ' +
    'characters, as published), one a line; the report is at its address. Its date is that of ' +
    'the press conference it reports (17日上午); the page gives no other.',
};

/** The 10 billion of the four levels of government: the figure that bounds 80億 + 48.8億. */
export const pressReportObservations: SeedDataset['observations'] = [
  {
    key: 'four-level-fiscal-poverty-investment-2017',
    metric: 'four_level_fiscal_poverty_investment',
    value: '100亿元',
    unit: 'CNY',
    year: 2017,
    kind: 'TARGET',
    regionCode: IM,
    program: 'four-ten-billion-plan',
    note:
      'The second report names one component of the “四个100亿” plan: budget money of the four ' +
      'levels of government (central, region, league, banner) together, 100亿元 this year. It ' +
      'bounds the 80億元 integrated funds and the 48.8億元 regional input of the first document.',
    cites: [
      {
        document: PRESS_REPORT,
        quote: '今年内蒙古实施“四个100亿”投入计划,四级财政将累计投入100亿元助力扶贫攻坚',
      },
    ],
  },
];
