import { TooMuchWorkError } from '../errors.js';

/**
 * Rows (groups) one answer of totals may hold, in the API and in exports (MAX_TOTAL_ROWS
 * overrides it). The database fetches at most one more; when there are more, the request is
 * refused with TOO_MUCH_WORK, naming what to narrow, before any row is built. A national year by
 * source, program and target has 261,685.
 */
export const MAX_TOTAL_ROWS = 5_000;

/** The filter fields that narrow totals, with how the message names them. */
const NARROWING = [
  ['year', 'a year'],
  ['regionCode', 'a region'],
  ['programId', 'a program'],
  ['actorId', 'an actor'],
] as const;

/**
 * What a `totals` query with more than `max` rows says to narrow: the filter fields it does not
 * set yet, and fewer dimensions when it groups by more than one.
 */
export function tooManyTotalRows(
  max: number,
  groupBy: readonly string[],
  filter: Partial<Record<(typeof NARROWING)[number][0], unknown>> | null | undefined,
): TooMuchWorkError {
  const unset = NARROWING.filter(([field]) => filter?.[field] == null);
  const words = unset.map(([, w]) => w);
  const listed =
    words.length > 1 ? `${words.slice(0, -1).join(', ')} or ${words.at(-1)}` : words[0];
  const ways = [
    ...(listed ? [`filter by ${listed}`] : []),
    ...(groupBy.length > 1 ? ['group by fewer dimensions'] : []),
  ];
  return new TooMuchWorkError(
    `These totals have more than ${max.toLocaleString('en')} rows; narrow them: ${ways.join(', or ') || 'filter them further'}.`,
    [...unset.map(([field]) => `filter.${field}`), ...(groupBy.length > 1 ? ['groupBy'] : [])],
  );
}
