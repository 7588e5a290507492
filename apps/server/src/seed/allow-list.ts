import type { Figure } from '@fundtrace/schema/figures';
import { Decimal } from '@fundtrace/schema/money';
import { locateCite } from './locate.js';

/**
 * Figures of the text that no record states, each with its reason. Each entry names a unique
 * quote around the figure and the figure's value (the year for 年 figures).
 */
export const ALLOW_LIST: ReadonlyArray<{ within: string; value: string; reason: string }> = [
  {
    within: '五年砥礪前行',
    value: '5',
    reason: 'rhetoric: the five years of work since 2012, whose results are recorded where stated',
  },
  {
    within: '五年艱辛跨越',
    value: '5',
    reason: 'rhetoric: the same five years as 五年砥礪前行',
  },
  {
    within: '第4個全國扶貧日',
    value: '4',
    reason: 'ordinal: the 4th National Poverty Alleviation Day',
  },
  {
    within: '對2017-2019年各年度',
    value: '2017',
    reason:
      'period of the exit plans that were reviewed, not a figure (the exit targets are cited where stated)',
  },
  {
    within: '對2017-2019年各年度',
    value: '2019',
    reason:
      'period of the exit plans that were reviewed, not a figure (the exit targets are cited where stated)',
  },
  {
    within: '比上年翻了一番',
    value: '2',
    reason:
      'a ratio (doubling), not an amount: the 2016 integrated funds derived from it (integrated-funds-2016) cite it',
  },
  {
    within: '實施“三個一批”',
    value: '3',
    reason:
      'the name of the health action plan ("three batches": treatment, contracted care, safety net), listed in the parenthesis after it; no quantity',
  },
  {
    within: '9月份',
    value: '9',
    reason: 'a month (September 2017, when the cross-checks began), not a figure',
  },
];

/** The figures of the text that the allow-list names; each entry must name exactly one. */
export function allowedFigures(text: string, figures: readonly Figure[]): Figure[] {
  return ALLOW_LIST.map(({ within, value }) => {
    const span = locateCite(text, { quote: within });
    const inSpan = figures.filter(
      (f) => f.start >= span.start && f.end <= span.end && new Decimal(f.value).eq(value),
    );
    const [figure] = inSpan;
    if (inSpan.length !== 1 || !figure) {
      throw new Error(`allow-list entry "${within}" / ${value} names ${inSpan.length} figures`);
    }
    return figure;
  });
}
