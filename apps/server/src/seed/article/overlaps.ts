// The seed article's overlaps: pairs of flows that may count the same yuan twice (issue 15).
// The reasoning is in docs/data-model.md ("Overlaps in the seed").
import type { SeedDataset } from '../types.js';
import { PRESS_REPORT } from './press-report.js';

const REGIONAL_INPUT = '僅自治區本級財政投入就由去年的18.8億元增加到48.8億元';

export const overlaps: SeedDataset['overlaps'] = [
  {
    key: 'integrated-funds-and-regional-input-2017',
    flows: ['integrated-funds-2017', 'treasury-to-poor-counties-2017'],
    certainty: 'STATED',
    statedTotal: '100亿元',
    note:
      'The 80億元 pool integrates budget money for agriculture and pastoralism of all levels for ' +
      'the 57 poor counties; under the integration policy it normally includes the regional ' +
      'poverty money sent to the same counties, part of the 48.8億元. Both go to the 57 poor ' +
      'counties (together 128.8億元). A report of the same press conference states the budget ' +
      'money of all four levels of government this year: 100億元 (四级财政将累计投入100亿元), ' +
      'less than 128.8億元, so the two share at least 28.8億元 (stated); at most the smaller ' +
      'amount, 48.8億元 (probable: no figure states more).',
    cites: [
      { quote: '統籌整合財政涉農涉牧資金范圍擴大到全部57個貧困旗縣,共計80億元' },
      { quote: REGIONAL_INPUT },
      { document: PRESS_REPORT, quote: '四级财政将累计投入100亿元助力扶贫攻坚' },
    ],
  },
  {
    key: 'industrial-fund-and-regional-input-2017',
    flows: ['industrial-fund-capital-2017', 'treasury-to-poor-counties-2017'],
    certainty: 'POSSIBLE',
    note:
      'The article does not say who paid the 20億元 into the fund. The regional budget’s input ' +
      'alone (僅…就) was 48.8億元: if the region paid the fund, the 20億元 is inside the 48.8億元, ' +
      'not beside it (PROBABLE if the fund is shown to be regional money). Most shared: 20億元.',
    cites: [{ quote: '設立20億元產業扶貧基金' }, { quote: REGIONAL_INPUT }],
  },
];
