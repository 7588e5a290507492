/** Passages of a document by code-point offsets, as citations count them. */

export interface Passage {
  start: number;
  end: number;
}

/** The code-point offset of a DOM position inside an element carrying `data-start`. */
function offsetOf(node: Node, offset: number): number | null {
  const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
  const span = element?.closest<HTMLElement>('[data-start]');
  if (!span) return null;
  const start = Number(span.dataset.start);
  if (node.nodeType !== Node.TEXT_NODE) return start;
  return start + Array.from((node.textContent ?? '').slice(0, offset)).length;
}

/** The passage a selection covers inside `container`, or null when it is empty or outside. */
export function selectedPassage(selection: Selection | null, container: Element): Passage | null {
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) {
    return null;
  }
  const start = offsetOf(range.startContainer, range.startOffset);
  const end = offsetOf(range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}

const SENTENCE_END = /[。！？!?；;\n]/u;
const YEAR = /((?:19|20)\d{2})\s*年/gu;

/**
 * The year a figure's sentence states (the last before the figure, else the first after), or, when it states none, the
 * last year stated before it in the text, marked as inferred; null when the text has none.
 */
export function yearNear(
  text: string,
  passage: Passage,
): { year: number; inferred: boolean } | null {
  const points = Array.from(text);
  let from = passage.start;
  while (from > 0 && !SENTENCE_END.test(points[from - 1] ?? '')) from--;
  let to = passage.end;
  while (to < points.length && !SENTENCE_END.test(points[to] ?? '')) to++;
  const sentence = points.slice(from, to).join('');
  // The last year before the figure in its sentence, else the first after it.
  let best: number | null = null;
  for (const match of sentence.matchAll(YEAR)) {
    const position = from + Array.from(sentence.slice(0, match.index)).length;
    if (position < passage.start || best === null) best = Number(match[1]);
    if (position >= passage.start) break;
  }
  if (best !== null) return { year: best, inferred: false };
  const before = Array.from(points.slice(0, from).join('').matchAll(YEAR)).pop();
  return before ? { year: Number(before[1]), inferred: true } : null;
}

export function quoteOf(text: string, passage: Passage): string {
  return Array.from(text).slice(passage.start, passage.end).join('');
}
