import { decodeEntities } from './normalise-for-citing.js';

const BLOCK = 'p|div|li|ul|ol|h[1-6]|tr|table|section|article|header|footer|blockquote|pre|dd|dt';
const DROPPED = /<(script|style|noscript|template|head)\b[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->/gi;
const BREAK = new RegExp(`<br\\s*/?>|</?(?:${BLOCK})\\b[^<>]*>`, 'gi');
const CELL = /<\/?t[dh]\b[^<>]*>/gi;

/** The readable text of an HTML page: block ends become line breaks, cells a space. */
export function htmlToText(html: string): { text: string; title: string | null } {
  const title = /<title\b[^<>]*>([\s\S]*?)<\/title\s*>/i.exec(html)?.[1];
  const body = html
    .replace(DROPPED, '')
    // Line breaks in the source are layout, as a browser reads them.
    .replace(/\s+/g, ' ')
    .replace(BREAK, '\n')
    .replace(CELL, ' ')
    .replace(/<[^<>]*>/g, '');
  return {
    text: decodeEntities(body).replace(/ {2,}/g, ' ').replace(/^ | $/gm, ''),
    title: title ? decodeEntities(title.replace(/<[^<>]*>/g, '')).trim() || null : null,
  };
}
