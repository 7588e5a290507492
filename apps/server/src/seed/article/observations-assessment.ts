// The seed article's observations of assessment and goals (考核評估, 目標), after observations-work.ts's.
import type { SeedDataset } from '../types.js';
import { IM } from './codes.js';
import { yearAsOfArticle } from './inferences.js';

export const assessmentObservations: SeedDataset['observations'] = [
  // ---- 考核評估 -----------------------------------------------------------------------------
  {
    key: 'counties-applying-for-exit-2016',
    metric: 'counties_applying_for_exit',
    value: '15',
    unit: 'COUNTY',
    year: 2016,
    kind: 'ACTUAL',
    regionCode: IM,
    actor: 'exit-applicant-counties-2016',
    note: 'Regionally designated poor counties; a third party evaluated their exit.',
    cites: [{ quote: '對2016年申請摘帽的15個區貧旗縣進行了第三方評估' }],
  },
  {
    key: 'counties-cross-checked-2017',
    inferred: [yearAsOfArticle],
    metric: 'counties_cross_checked',
    value: '27',
    unit: 'COUNTY',
    year: 2017,
    kind: 'ACTUAL',
    regionCode: IM,
    actor: 'cross-checked-counties',
    note: 'First round of cross-checks, September 2017.',
    cites: [{ quote: '對27個貧困旗縣開展了首輪交叉檢查' }],
  },
  {
    key: 'counties-admonished-2017',
    inferred: [yearAsOfArticle],
    metric: 'counties_admonished',
    value: '5',
    unit: 'COUNTY',
    year: 2017,
    kind: 'ACTUAL',
    regionCode: IM,
    note:
      'Written in Chinese numerals (后五位): the party secretaries of the five lowest-ranked counties, ' +
      'and the responsible leaders of their leagues, received admonishment talks.',
    cites: [{ quote: '對排名后五位的旗縣委書記' }],
  },
  // ---- 目標 ---------------------------------------------------------------------------------
  {
    key: 'regional-poor-county-exits-target-2017',
    inferred: [yearAsOfArticle],
    metric: 'county_exits',
    value: '26',
    unit: 'COUNTY',
    year: 2017,
    kind: 'TARGET',
    actor: 'regional-poor-counties',
    cites: [{ quote: '26個區貧旗縣全部摘帽' }],
  },
  {
    key: 'national-poor-county-exits-target-2019',
    metric: 'county_exits',
    value: '31',
    unit: 'COUNTY',
    year: 2019,
    kind: 'TARGET',
    actor: 'national-poor-counties',
    note: 'All (全部) national poor counties by 2019: the 31 of 國貧旗縣31個; no per-year split given.',
    cites: [{ quote: '到2019年國貧旗縣全部摘帽' }, { quote: '國貧旗縣31個' }],
  },
  {
    key: 'poor-village-exits-target-2019',
    inferred: [
      {
        field: 'year',
        note: 'The sentence gives the villages’ exit with the counties’ 到2019年 without a year of its own; read as 2019.',
        noteZh: '原句将贫困村退出与旗县的“到2019年”并列，本身未给出年份；读作2019年。',
      },
    ],
    metric: 'village_exits',
    value: '2834',
    unit: 'VILLAGE',
    year: 2019,
    kind: 'TARGET',
    actor: 'poor-villages',
    note: 'All (全部) poor gacha and villages by 2019: the 2834 of 貧困嘎查村2834個.',
    cites: [{ quote: '貧困嘎查村全部退出' }, { quote: '貧困嘎查村2834個' }],
  },
];
