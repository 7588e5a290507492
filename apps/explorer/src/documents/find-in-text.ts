import { Converter } from 'opencc-js/t2cn';

/** Traditional → Simplified, one character at a time so that offsets stay where they were. */
const toSimplified = Converter({ from: 't', to: 'cn' });

function simplifiedChars(text: string): string[] {
  return [...text].map((c) => {
    const s = toSimplified(c);
    return [...s].length === 1 ? s : c;
  });
}

export interface Match {
  /** Code-point offsets in the stored text, as citations count them. */
  start: number;
  end: number;
  before: string;
  matched: string;
  after: string;
}

/**
 * Where `query` occurs in `text`, whichever script either is written in: 48.8亿 finds 48.8億,
 * 贷款 finds 貸款. At most `limit` matches, with a little context each side.
 */
export function findInText(text: string, query: string, limit = 50): Match[] {
  const needle = simplifiedChars(query.trim());
  if (needle.length === 0) return [];
  const chars = [...text];
  const hay = simplifiedChars(text);
  const matches: Match[] = [];
  for (let i = 0; i + needle.length <= hay.length && matches.length < limit; i++) {
    if (needle.every((c, k) => hay[i + k] === c)) {
      const end = i + needle.length;
      matches.push({
        start: i,
        end,
        before: chars.slice(Math.max(0, i - 12), i).join(''),
        matched: chars.slice(i, end).join(''),
        after: chars.slice(end, end + 12).join(''),
      });
      i = end - 1;
    }
  }
  return matches;
}
