import { type Passage, sentenceAround, YEAR } from './passage';
import { t } from './strings';

/** A field the cited passage does not state, and why its value was inferred (InferenceInput). */
export interface Inference {
  field: string;
  note: string;
  noteZh: string;
}

const QUOTE_POINTS = 60;

/**
 * Where a record's year comes from: the sentence of the cited passage (stated, nothing to say),
 * an earlier sentence of the document (quoted), or the curator, when the text before it never
 * states that year.
 */
export function yearSource(
  text: string,
  passage: Passage,
  year: number,
): { from: 'sentence' } | { from: 'earlier'; quote: string; start: number } | { from: 'curator' } {
  const points = Array.from(text);
  const { from, to } = sentenceAround(points, passage);
  const sentence = points.slice(from, to).join('');
  const stated = (m: RegExpMatchArray) => Number(m[1]) === year;
  if (Array.from(sentence.matchAll(YEAR)).some(stated)) return { from: 'sentence' };
  const before = points.slice(0, from).join('');
  const match = Array.from(before.matchAll(YEAR)).filter(stated).pop();
  if (!match) return { from: 'curator' };
  const at = Array.from(before.slice(0, match.index)).length;
  const around = sentenceAround(points, { start: at, end: at + Array.from(match[0]).length });
  const quote = points.slice(around.from, around.to).join('').trim();
  const short = Array.from(quote).length > QUOTE_POINTS;
  return {
    from: 'earlier',
    quote: short ? `${Array.from(quote).slice(0, QUOTE_POINTS).join('')}…` : quote,
    start: around.from,
  };
}

/**
 * The inference a flow or an observation carries for its year, in English and Chinese, when the
 * year is not stated in the cited passage's sentence; null when it is, or when there is no year.
 */
export function yearInference(text: string, passage: Passage, year: string): Inference | null {
  const value = Number(year.trim());
  if (!year.trim() || !Number.isInteger(value)) return null;
  const source = yearSource(text, passage, value);
  if (source.from === 'sentence') return null;
  const vars: Record<string, string | number> =
    source.from === 'earlier'
      ? { year: value, quote: source.quote, at: source.start }
      : { year: value };
  const key = source.from === 'earlier' ? 'yearNoteEarlier' : 'yearNoteCurator';
  return { field: 'year', note: t(key, 'EN', vars), noteZh: t(key, 'ZH', vars) };
}
