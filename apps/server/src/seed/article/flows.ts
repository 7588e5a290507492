// The seed article's flows (seed/article.ts has the data set's conventions).
import type { SeedDataset } from '../types.js';
import { socialFlows } from './flows-social.js';
import { grantAssumed, UNSTATED_PAYER, yearAsOfArticle } from './inferences.js';
import { PRESS_REPORT } from './press-report.js';

/** The second report's words for the regional input (simplified characters). */
const REGIONAL_INPUT_REPORTED = {
  document: PRESS_REPORT,
  quote: '仅自治区本级财政投入就由去年的18.8亿元增加到48.8亿元',
};

export const flows: SeedDataset['flows'] = [
  // ---- 扶貧投入大幅增加 ------------------------------------------------------------------------
  {
    key: 'treasury-to-poor-counties-2016',
    inferred: [
      {
        field: 'target',
        note: 'The article gives the regional budget’s poverty investment without naming recipients; the poor counties are assumed.',
        noteZh: '文章给出自治区本级预算的扶贫投入，但未说明接收方；假定为贫困旗县。',
      },
      grantAssumed,
    ],
    source: 'im-regional-treasury',
    target: 'poor-counties',
    amount: '18.8億元',
    year: 2016,
    status: 'DISBURSED',
    instrument: 'GRANT',
    program: 'regional-fiscal-investment',
    note: 'Target inferred: the article gives the regional budget’s poverty investment without naming recipients.',
    cites: [
      { quote: '僅自治區本級財政投入就由去年的18.8億元增加到48.8億元' },
      REGIONAL_INPUT_REPORTED,
    ],
  },
  {
    key: 'treasury-to-poor-counties-2017',
    inferred: [
      {
        field: 'target',
        note: 'The article gives the regional budget’s poverty investment without naming recipients; the poor counties are assumed.',
        noteZh: '文章给出自治区本级预算的扶贫投入，但未说明接收方；假定为贫困旗县。',
      },
      {
        field: 'year',
        note: 'Up from 去年 (last year)’s 18.8億元: the 48.8億元 is this year’s, 2017.',
        noteZh: '相对去年的18.8亿元而言，48.8亿元是今年即2017年的数额。',
      },
      grantAssumed,
    ],
    source: 'im-regional-treasury',
    target: 'poor-counties',
    amount: '48.8億元',
    year: 2017,
    status: 'COMMITTED',
    instrument: 'GRANT',
    program: 'regional-fiscal-investment',
    note: 'Target inferred: the article gives the regional budget’s poverty investment without naming recipients.',
    cites: [
      { quote: '僅自治區本級財政投入就由去年的18.8億元增加到48.8億元' },
      REGIONAL_INPUT_REPORTED,
    ],
  },
  {
    key: 'integrated-funds-2017',
    inferred: [
      {
        field: 'year',
        note: 'The sentence gives no year; 比上年翻了一番 (doubled from the previous year) places it in 2017, the article’s year.',
        noteZh: '原句未给出年份；“比上年翻了一番”将其置于文章所属的2017年。',
      },
      {
        field: 'instrument',
        note: 'Pooled budget money for the counties’ projects; the article does not say in what form, a grant is assumed.',
        noteZh: '用于旗县项目的统筹整合财政资金；文章未说明以何种形式拨付，假定为拨款。',
      },
    ],
    source: 'agri-pastoral-funds',
    target: 'poor-counties',
    amount: '80億元',
    year: 2017,
    status: 'COMMITTED',
    instrument: 'GRANT',
    program: 'integrated-agri-pastoral-funds',
    cites: [
      { quote: '統籌整合財政涉農涉牧資金范圍擴大到全部57個貧困旗縣,共計80億元' },
      { document: PRESS_REPORT, quote: '整合财政涉农涉牧资金80亿元' },
    ],
  },
  {
    key: 'integrated-funds-2016',
    inferred: [
      {
        field: 'amount',
        note: 'Derived: half of the 80億元 of 2017, which 比上年翻了一番 (doubled from the previous year).',
        noteZh: '推算：2017年80亿元的一半，因其“比上年翻了一番”。',
      },
      {
        field: 'source',
        note: 'The same pool of agricultural and pastoral budget money as in 2017; the sentence does not name it.',
        noteZh: '与2017年相同的涉农涉牧财政资金；原句未点明。',
      },
      {
        field: 'target',
        note: 'The article says the pooling was extended to all 57 poor counties (擴大到全部57個) in 2017; which counties pooled in 2016 it does not say.',
        noteZh: '文章说2017年统筹整合扩大到全部57个贫困旗县；2016年是哪些旗县整合，文章未说明。',
      },
      grantAssumed,
    ],
    source: 'agri-pastoral-funds',
    target: 'integrated-funds-counties-2016',
    amount: { value: '4000000000', qualifier: 'APPROXIMATE' },
    year: 2016,
    status: 'DISBURSED',
    instrument: 'GRANT',
    program: 'integrated-agri-pastoral-funds',
    note:
      'Derived: 80億元 in 2017 "比上年翻了一番" (doubled from the previous year), so about 40億元 in 2016. ' +
      'Its recipients are the counties that pooled funds in 2016, fewer than all 57 poor counties: ' +
      'the pooling was extended to all 57 (擴大到全部57個) in 2017.',
    cites: [{ quote: '共計80億元,比上年翻了一番' }],
  },
  {
    key: 'microcredit-2017',
    inferred: [
      {
        field: 'source',
        note: 'The article says loans were issued (發放), not by which lenders; financial institutions are assumed.',
        noteZh: '文章说发放了贷款，但未说明由哪些机构发放；假定为金融机构。',
      },
      {
        field: 'target',
        note: 'Poverty microcredit goes to registered poor households by policy; the sentence does not name the borrowers.',
        noteZh: '按政策，扶贫小额信贷发放给建档立卡贫困户；原句未点明借款人。',
      },
      yearAsOfArticle,
    ],
    source: 'microcredit-lenders',
    target: 'registered-poor-households',
    amount: '150億元以上',
    year: 2017,
    status: 'DISBURSED',
    instrument: 'LOAN',
    program: 'poverty-microcredit',
    cites: [{ quote: '發放小額扶貧貸款150億元以上' }],
  },
  {
    key: 'industrial-fund-capital-2017',
    inferred: [yearAsOfArticle],
    source: UNSTATED_PAYER,
    target: 'industrial-poverty-fund',
    amount: '20億元',
    year: 2017,
    status: 'COMMITTED',
    instrument: 'FUND',
    program: 'industrial-poverty-fund',
    note:
      'Payer not stated: the article says the region set up the fund (設立), not who paid in. ' +
      'It was recorded as the regional treasury’s, but that budget’s input alone (僅…就) was 48.8億元 ' +
      'in 2017: the 20億元 is inside it or came from elsewhere (see docs/data-model.md, overlaps).',
    cites: [{ quote: '設立20億元產業扶貧基金' }],
  },
  {
    key: 'leveraged-capital-2017',
    inferred: [
      {
        field: 'target',
        note: 'The article says the fund leverages (撬動) 100億元 of financial and social capital, not where that money goes; industrial poverty projects are assumed.',
        noteZh: '文章说该基金撬动100亿元金融和社会资本，但未说明资金去向；假定为产业扶贫项目。',
      },
      yearAsOfArticle,
    ],
    source: 'financial-social-capital',
    target: 'industrial-poverty-projects',
    amount: '100億元以上',
    year: 2017,
    status: 'COMMITTED',
    instrument: 'LEVERAGED',
    program: 'industrial-poverty-fund',
    note: 'Leveraged (撬動) by the industrial poverty-alleviation fund; not public money.',
    cites: [{ quote: '撬動金融社會資本100億元以上' }],
  },
  // ---- 易地扶貧搬遷 ---------------------------------------------------------------------------
  {
    key: 'relocation-investment-2017',
    inferred: [
      {
        field: 'target',
        note: 'The sentence names no recipient; the resettlement sites of the relocation programme are assumed.',
        noteZh: '原句未点明接收方；假定为易地扶贫搬迁的安置点。',
      },
      {
        field: 'instrument',
        note: 'Relocation money then came mostly from the central budget, local bonds and policy-bank loans; the article names no form, a grant is assumed.',
        noteZh:
          '当时搬迁资金主要来自中央预算、地方债券和政策性银行贷款；文章未说明形式，假定为拨款。',
      },
    ],
    source: UNSTATED_PAYER,
    target: 'resettlement-sites',
    amount: '33億元',
    year: 2017,
    status: 'PLANNED',
    instrument: 'GRANT',
    program: 'relocation',
    note:
      'Payer not stated: the article says only that 33億元 is planned for relocation this year. ' +
      'It was recorded as the regional treasury’s, but 20 + 33 exceeds its 48.8億元 input.',
    cites: [{ quote: '今年計劃投入33億元' }],
  },
  ...socialFlows,
];
