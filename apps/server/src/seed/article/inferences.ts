// Inference notes the seed article's records share (seed/types.ts, SeedInference).
import type { SeedInference } from '../types.js';

/** The actor standing for a payer the article does not name (kept apart in totals by source). */
export const UNSTATED_PAYER = 'unstated-payer';

/** A year the sentence does not give, read as the state at the article's date. */
export const yearAsOfArticle: SeedInference = {
  field: 'year',
  note: 'The sentence gives no year; read as 2017, the state at the article’s date (17 October 2017).',
  noteZh: '原句未给出年份；按文章发布日（2017年10月17日）的状况读作2017年。',
};

/** A year the sentence does not give, read as the end of 2016 like the figures around it. */
export const yearEnd2016: SeedInference = {
  field: 'year',
  note: 'The sentence gives no year; read as the end of 2016, like the 到2016年底 figures it follows.',
  noteZh: '原句未给出年份；与其前“到2016年底”的数字一样，读作2016年底。',
};

/** A grant the article does not call one. */
export const grantAssumed: SeedInference = {
  field: 'instrument',
  note: 'The article says money was put in (投入), not in what form; a grant is assumed.',
  noteZh: '文章说投入了资金，但未说明形式；假定为拨款。',
};
