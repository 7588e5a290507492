import type { NumberToken } from './coverage.js';
import { locateCite } from './locate.js';

/**
 * Figures of the text that no record states, each with its reason. Each entry names a unique
 * quote around the figure and the figure's value (the year for 年 figures).
 */
export const ALLOW_LIST: ReadonlyArray<{ within: string; value: string; reason: string }> = [
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
    within: '9月份',
    value: '9',
    reason: 'a month (September 2017, when the cross-checks began), not a figure',
  },
];

/** The tokens of the text that the allow-list names; each entry must name exactly one. */
export function allowedTokens(text: string, tokens: readonly NumberToken[]): NumberToken[] {
  return ALLOW_LIST.map(({ within, value }) => {
    const span = locateCite(text, { quote: within });
    const inSpan = tokens.filter(
      (t) =>
        t.start >= span.start && t.end <= span.end && (t.year ?? Number(t.value)) === Number(value),
    );
    const [token] = inSpan;
    if (inSpan.length !== 1 || !token) {
      throw new Error(`allow-list entry "${within}" / ${value} names ${inSpan.length} figures`);
    }
    return token;
  });
}
