import { idPath } from '../lib/url-state';

/** Where a citation's words are: the document view scrolled to and focused on [start, end). */
export const citationHref = (c: { start: number; end: number; document: { id: string } }) =>
  `${idPath('/documents', c.document.id)}#${c.start}-${c.end}`;
