/**
 * Locating citation quotes in a document's normalised text.
 *
 * Offsets are Unicode code points, not UTF-16 code units: `start` is the number of code points
 * before the quote and `end` is `start` plus the quote's length in code points, so the citation is
 * the half-open range [start, end). This is how PostgreSQL counts characters
 * (`substr(text, start + 1, end - start)` returns the quote), and how Python would index the text.
 * The seed text is BMP-only, where code points and UTF-16 units agree; the implementation works on
 * code points anyway so that astral characters (CJK Extension B, emoji) would still be right.
 */
import type { Cite } from './types.js';

export interface Located {
  start: number;
  end: number;
  quote: string;
}

export class CiteError extends Error {
  override name = 'CiteError';
}

/** Code-point starts of every (possibly overlapping) occurrence of `needle` in `hay`. */
function occurrences(hay: readonly string[], needle: readonly string[]): number[] {
  const found: number[] = [];
  const first = needle[0];
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    if (hay[i] !== first) continue;
    for (let j = 1; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    found.push(i);
  }
  return found;
}

/**
 * Finds the `cite.occurrence`-th (0-based) exact occurrence of `cite.quote` in `text`.
 * Without `occurrence` the quote must occur exactly once: a repeated quote is an ambiguity the
 * data set has to resolve explicitly. Occurrences are counted at every start position, overlapping
 * ones included. Throws a `CiteError` naming the quote when it is empty, absent, ambiguous, or the
 * occurrence is out of range.
 */
export function locateCite(text: string, cite: Cite): Located {
  const { quote, occurrence } = cite;
  if (quote.length === 0) throw new CiteError('empty citation quote');
  if (occurrence !== undefined && (!Number.isInteger(occurrence) || occurrence < 0)) {
    throw new CiteError(`invalid occurrence ${occurrence} for quote "${quote}"`);
  }
  const hay = Array.from(text);
  const needle = Array.from(quote);
  const starts = occurrences(hay, needle);
  if (starts.length === 0) throw new CiteError(`quote not found in the text: "${quote}"`);
  if (occurrence === undefined && starts.length > 1) {
    throw new CiteError(
      `quote "${quote}" occurs ${starts.length} times (at code points ${starts.join(', ')}); ` +
        'give `occurrence` (0-based) to pick one',
    );
  }
  const start = starts[occurrence ?? 0];
  if (start === undefined) {
    throw new CiteError(
      `quote "${quote}" occurs ${starts.length} time(s), occurrence ${occurrence} asked for`,
    );
  }
  return { start, end: start + needle.length, quote };
}

/** The text between two code-point offsets (the inverse of `locateCite`). */
export function sliceCodePoints(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join('');
}
