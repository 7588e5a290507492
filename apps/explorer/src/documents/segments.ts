/**
 * Splits a document's text into plain runs, highlights and uncited figures. Offsets are Unicode
 * code points, as the API counts them, so the text is handled as Array.from(text), never by
 * UTF-16 index.
 */

export interface Span {
  start: number;
  end: number;
}

export interface Highlight<R> extends Span {
  records: R[];
}

export type Segment<R> =
  | { kind: 'text'; start: number; text: string }
  | { kind: 'mark'; start: number; text: string; highlight: Highlight<R> }
  | { kind: 'uncited'; start: number; text: string };

/** Overlapping citations become one highlight listing all their records, in text order. */
export function mergeCitations<R>(citations: readonly (Span & { record: R })[]): Highlight<R>[] {
  const sorted = [...citations]
    .filter((c) => c.end > c.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Highlight<R>[] = [];
  for (const c of sorted) {
    const last = out.at(-1);
    if (last && c.start < last.end) {
      last.end = Math.max(last.end, c.end);
      last.records.push(c.record);
    } else {
      out.push({ start: c.start, end: c.end, records: [c.record] });
    }
  }
  return out;
}

// Arabic-numeral figures with an optional multiplier and unit, as the server's coverage scan finds
// them (apps/server/src/seed/coverage.ts): 48.8億元, 55.6萬人, 4.1%, 2016年, 2017-2019年.
const FIGURE =
  /(?<![0-9A-Za-z_.])[0-9]+(?:\.[0-9]+)?(?:\s*[-–—~～至]\s*[0-9]+(?:\.[0-9]+)?)?(?:萬億|万亿|千萬|千万|百萬|百万|億|亿|萬|万)?(?:個百分點|个百分点|百分點|百分点|平方米|元|人|名|位|戶|户|%|％|個|个|家|項|项|次|年|月)?/gu;

/** Every figure in the text as a code-point span. */
export function findFigures(text: string): Span[] {
  const spans: Span[] = [];
  let cp = 0;
  let unit = 0;
  for (const m of text.matchAll(FIGURE)) {
    // Advance the code-point counter to the match (matchAll gives UTF-16 indices).
    cp += Array.from(text.slice(unit, m.index)).length;
    unit = m.index;
    const length = Array.from(m[0]).length;
    spans.push({ start: cp, end: cp + length });
  }
  return spans;
}

/** Text runs, highlights and the figures outside every highlight (no record cites them). */
export function segmentText<R>(
  text: string,
  highlights: readonly Highlight<R>[],
  figures: readonly Span[],
): Segment<R>[] {
  const chars = Array.from(text);
  const slice = (a: number, b: number) => chars.slice(a, b).join('');
  const out: Segment<R>[] = [];
  const plain = (a: number, b: number) => {
    let at = a;
    for (const f of figures) {
      if (f.start < a || f.end > b) continue;
      if (f.start > at) out.push({ kind: 'text', start: at, text: slice(at, f.start) });
      out.push({ kind: 'uncited', start: f.start, text: slice(f.start, f.end) });
      at = f.end;
    }
    if (b > at) out.push({ kind: 'text', start: at, text: slice(at, b) });
  };
  let at = 0;
  for (const h of highlights) {
    const start = Math.max(h.start, at);
    const end = Math.min(h.end, chars.length);
    if (start >= end) continue;
    plain(at, start);
    out.push({ kind: 'mark', start, text: slice(start, end), highlight: h });
    at = end;
  }
  plain(at, chars.length);
  return out;
}

/** "#1044-1074" → the span, or null. */
export function parseSpanHash(hash: string): Span | null {
  const m = /^#?(\d{1,9})-(\d{1,9})$/.exec(hash);
  if (!m) return null;
  const start = Number(m[1]);
  const end = Number(m[2]);
  return end > start ? { start, end } : null;
}
