// The seed article's observations, in the article's order (seed/article.ts has the conventions).
import type { SeedDataset } from '../types.js';
import { recordObservations } from './observations-record.js';
import { workObservations } from './observations-work.js';

export const observations: SeedDataset['observations'] = [
  ...recordObservations,
  ...workObservations,
];
