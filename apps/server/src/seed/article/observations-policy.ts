// The seed article's observations of its policy system (政策體系不斷完善), after the others so
// that the ids of the records loaded before them stay as they were.
import type { SeedDataset } from '../types.js';
import { IM } from './codes.js';
import { yearAsOfArticle } from './inferences.js';

export const policyObservations: SeedDataset['observations'] = [
  {
    key: 'poverty-policy-measures-2017',
    inferred: [yearAsOfArticle],
    metric: 'poverty_policy_measures',
    value: '10',
    unit: 'MEASURE',
    year: 2017,
    kind: 'ACTUAL',
    regionCode: IM,
    note:
      'Written in Chinese numerals (十項措施): the ten measures to step up poverty alleviation that ' +
      'the region (自治區) issued this year (今年以來), on funding, education, medical care and housing.',
    cites: [{ quote: '出臺的加大脫貧攻堅力度的十項措施' }],
  },
];
