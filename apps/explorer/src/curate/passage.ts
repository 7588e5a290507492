/** Passages of a document by code-point offsets, as citations count them. */

export interface Passage {
  start: number;
  end: number;
}

/**
 * The code-point offset of a DOM position inside `container`: the length of the text before it.
 * The container holds the document's text and nothing else (figure-text.tsx), so this holds for
 * ends inside a run's text and for ends the browser puts between runs (an element and a child
 * index), as a selection over a whole figure or to the end of the text has.
 */
function offsetOf(container: Element, node: Node, offset: number): number {
  const before = document.createRange();
  before.setStart(container, 0);
  before.setEnd(node, offset);
  return Array.from(before.toString()).length;
}

/** The passage a selection covers inside `container`, or null when it is empty or outside. */
export function selectedPassage(selection: Selection | null, container: Element): Passage | null {
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) {
    return null;
  }
  const start = offsetOf(container, range.startContainer, range.startOffset);
  const end = offsetOf(container, range.endContainer, range.endOffset);
  if (end <= start) return null;
  return { start, end };
}

const SENTENCE_END = /[。！？!?；;\n]/u;
export const YEAR = /((?:19|20)\d{2})\s*年/gu;

/** The code-point bounds of the sentence (or sentences) a passage lies in. */
export function sentenceAround(points: readonly string[], passage: Passage) {
  let from = passage.start;
  while (from > 0 && !SENTENCE_END.test(points[from - 1] ?? '')) from--;
  let to = passage.end;
  while (to < points.length && !SENTENCE_END.test(points[to] ?? '')) to++;
  return { from, to };
}

/**
 * The year a figure's sentence states (the last before the figure, else the first after), or, when it states none, the
 * last year stated before it in the text, marked as inferred; null when the text has none.
 */
export function yearNear(
  text: string,
  passage: Passage,
): { year: number; inferred: boolean } | null {
  const points = Array.from(text);
  const { from, to } = sentenceAround(points, passage);
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
