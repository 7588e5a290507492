// The seed article's observations, in the article's order but for those added later, which follow
// so that earlier ids stay (seed/article.ts has the conventions).
import type { SeedDataset } from '../types.js';
import { policyObservations } from './observations-policy.js';
import { recordObservations } from './observations-record.js';
import { workObservations } from './observations-work.js';

export const observations: SeedDataset['observations'] = [
  ...recordObservations,
  ...workObservations,
  ...policyObservations,
];
