// The seed article's flows of social poverty alleviation (社會扶貧), after flows.ts's.
import type { SeedDataset } from '../types.js';
import { grantAssumed, yearAsOfArticle } from './inferences.js';

export const socialFlows: SeedDataset['flows'] = [
  // ---- 社會扶貧 -------------------------------------------------------------------------------
  {
    key: 'central-organs-aid-2017',
    inferred: [
      {
        field: 'year',
        note: 'The sentence gives no year and may be cumulative; read as 2017, the article’s year.',
        noteZh: '原句未给出年份，可能是累计数；按文章所属年份读作2017年。',
      },
      grantAssumed,
    ],
    source: 'central-state-organs',
    target: 'national-poor-counties',
    amount: '6713萬元',
    year: 2017,
    status: 'DISBURSED',
    instrument: 'GRANT',
    program: 'central-designated-assistance',
    cites: [
      { quote: '26個中央國家機關單位定點幫扶31個貧困旗縣' },
      { quote: '投入直接幫扶資金6713萬元' },
    ],
  },
  {
    key: 'central-organs-introduced-capital-2017',
    inferred: [
      {
        field: 'source',
        note: 'Money brought in (引進資金) by the central state organs; the article does not say from whom.',
        noteZh: '中央国家机关引进的资金（引進資金）；文章未说明来自何方。',
      },
      {
        field: 'year',
        note: 'The sentence gives no year and may be cumulative; read as 2017, the article’s year.',
        noteZh: '原句未给出年份，可能是累计数；按文章所属年份读作2017年。',
      },
    ],
    source: 'introduced-investors',
    target: 'national-poor-counties',
    amount: '3.6億元',
    year: 2017,
    status: 'DISBURSED',
    instrument: 'LEVERAGED',
    program: 'central-designated-assistance',
    note: 'Money brought in (引進資金) by the central state organs; its source is not named.',
    cites: [{ quote: '26個中央國家機關單位定點幫扶31個貧困旗縣' }, { quote: '引進資金3.6億元' }],
  },
  {
    key: 'central-organs-cadres-2017',
    inferred: [
      {
        field: 'year',
        note: 'The sentence gives no year and may be cumulative; read as 2017, the article’s year.',
        noteZh: '原句未给出年份，可能是累计数；按文章所属年份读作2017年。',
      },
    ],
    source: 'central-state-organs',
    target: 'national-poor-counties',
    amount: { value: '42', qualifier: 'EXACT' },
    unit: 'PERSON',
    year: 2017,
    status: 'DISBURSED',
    instrument: 'IN_KIND',
    program: 'central-designated-assistance',
    note: 'Cadres seconded to the counties (掛職干部); people, not money.',
    cites: [{ quote: '26個中央國家機關單位定點幫扶31個貧困旗縣' }, { quote: '選派掛職干部42名' }],
  },
  {
    key: 'beijing-aid-2016',
    inferred: [grantAssumed],
    source: 'beijing-districts',
    target: 'beijing-paired-counties',
    amount: '1.26億元',
    year: 2016,
    status: 'DISBURSED',
    instrument: 'GRANT',
    program: 'beijing-paired-assistance',
    cites: [
      { quote: '北京市16個區縣對口幫扶' },
      { quote: '投入幫扶資金從去年的1.26億元增加到2.5億元' },
    ],
  },
  {
    key: 'beijing-aid-2017',
    inferred: [
      {
        field: 'year',
        note: 'Up from 去年 (last year)’s 1.26億元: the 2.5億元 is this year’s, 2017.',
        noteZh: '相对去年的1.26亿元而言，2.5亿元是今年即2017年的数额。',
      },
      grantAssumed,
    ],
    source: 'beijing-districts',
    target: 'beijing-paired-counties',
    amount: '2.5億元',
    year: 2017,
    status: 'DISBURSED',
    instrument: 'GRANT',
    program: 'beijing-paired-assistance',
    cites: [
      { quote: '北京市16個區縣對口幫扶' },
      { quote: '投入幫扶資金從去年的1.26億元增加到2.5億元' },
    ],
  },
  {
    key: 'beijing-cadres-2017',
    inferred: [yearAsOfArticle],
    source: 'beijing-districts',
    target: 'beijing-paired-counties',
    amount: { value: '36', qualifier: 'EXACT' },
    unit: 'PERSON',
    year: 2017,
    status: 'DISBURSED',
    instrument: 'IN_KIND',
    program: 'beijing-paired-assistance',
    note: 'Cadres seconded to the counties (掛職干部); people, not money.',
    cites: [{ quote: '北京市16個區縣對口幫扶' }, { quote: '選派掛職干部36名' }],
  },
  {
    key: 'regional-departments-aid-2017',
    inferred: [
      {
        field: 'year',
        note: 'The sentence gives no year and says 繼續 (continued): the 11.8億元 may be cumulative over several years; read as 2017.',
        noteZh: '原句未给出年份并说“繼續”：11.8亿元可能是多年累计数；读作2017年。',
      },
      grantAssumed,
    ],
    source: 'regional-departments',
    target: 'hinggan-ulanqab',
    amount: '11.8億元',
    year: 2017,
    status: 'DISBURSED',
    instrument: 'GRANT',
    program: 'regional-designated-assistance',
    note: 'The article does not split the amount between Hinggan League and Ulanqab.',
    cites: [
      { quote: '170個廳局單位繼續定點幫扶興安盟和烏蘭察布市' },
      { quote: '投入幫扶資金11.8億元' },
    ],
  },
];
