/**
 * The curated data set of the first seed document: the Inner Mongolia poverty-alleviation office's
 * report for the 4th National Poverty Alleviation Day (17 October 2017), seed/000_867cd5e4b4a510ec.txt.
 *
 * Every quantitative statement of the article is a record: money as flows (with the previous-year
 * figures the article compares with), counts and percentages as observations, collective actors as
 * groups with member counts, help relations as pairings; cadres sent are flows in people, never
 * money. Every record cites the words that state it: quotes are verbatim substrings of the
 * normalised text (see normalise.ts), usually the clause that states the figure, with
 * `occurrence` where a quote repeats. The coverage test (coverage.test.ts) checks that every
 * Arabic-numeral figure of the text is cited by a record holding that value.
 *
 * Modelling assumptions a reader must know are in `note` fields: inferred sources or targets,
 * derived figures (the 2016 integrated funds, the 2012 poor population), implied years. "This
 * year" (今年) is 2017 and "last year" (去年, 上年) is 2016; counts stated as current (现有) are
 * recorded for 2017.
 */

import { actors } from './article/actors.js';
import { flows } from './article/flows.js';
import { GLOSSES } from './article/glosses.js';
import { metrics } from './article/metrics.js';
import { NOTES_ZH } from './article/notes-zh.js';
import { observations } from './article/observations.js';
import { overlaps } from './article/overlaps.js';
import { pairings } from './article/pairings.js';
import { pressReport, pressReportObservations } from './article/press-report.js';
import { programs } from './article/programs.js';
import type { SeedDataset } from './types.js';

export const article: SeedDataset = {
  document: {
    key: 'inner-mongolia-poverty-2017',
    title: '内蒙古自治区脱贫攻坚工作进展（2017年全国扶贫日）',
    titleEn:
      'Inner Mongolia poverty alleviation: progress report for the 4th National Poverty Alleviation Day (2017)',
    publisher: '内蒙古自治区扶贫办',
    publishedOn: '2017-10-17',
    language: 'zh-Hant',
    file: '000_867cd5e4b4a510ec.txt',
  },
  otherDocuments: [pressReport],

  programs,
  metrics,
  actors,
  flows,
  observations: [...observations, ...pressReportObservations],
  pairings,
  overlaps,
  glosses: GLOSSES,
  notesZh: NOTES_ZH,
};
