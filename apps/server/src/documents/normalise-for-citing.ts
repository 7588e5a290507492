import { normaliseText } from '../seed/normalise.js';

/**
 * What an added document's text goes through before it is stored, so that a quote can be found
 * and cited, and figures read, by offsets into the stored text (docs/curation.md lists the steps).
 * Chinese punctuation (，。：（）) is left as written: it is the text, not an artifact; only forms
 * that break reading a figure are made half-width.
 */
export const CITING_NORMALISATION =
  'Added through the curation path: line breaks made \\n; control and zero-width characters ' +
  'dropped, no-break spaces made spaces; stray markup removed (tags, HTML entities decoded); the ' +
  'seed text\'s conversion artifacts removed (mangled characters, pinyin readings such as "個(gè)", ' +
  'a trailing "endprint"); full-width digits and Latin letters made half-width, and ．，－～／：％ ' +
  'made half-width where they sit in a number ("１，２００．５％" → "1,200.5%"); spaces at line ' +
  'ends cut and runs of blank lines made one. Offsets count Unicode code points of the result.';

const FULL_WIDTH_ALNUM = /[０-９Ａ-Ｚａ-ｚ]/g;
// A full-width separator between digits (after the digits were made half-width), or ％ after one.
const IN_NUMBER = /(?<=[0-9])[．，－～／：](?=[0-9])|(?<=[0-9])％/g;
const TAG = /<\/?[A-Za-z][^<>]*>|<!--[\s\S]*?-->/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: dropping control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f\u200b-\u200d\u2060\ufeff]/g;

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ensp: ' ',
  emsp: ' ',
  middot: '·',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
};

/** HTML character references: named ones of the table above, decimal and hexadecimal ones. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return ENTITIES[ref.toLowerCase()] ?? whole;
    const code =
      ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

const halfWidth = (c: string) => String.fromCharCode(c.charCodeAt(0) - 0xfee0);

/** Idempotent: normalising normalised text changes nothing. */
export function normaliseForCiting(raw: string): string {
  let text = raw.replace(/\r\n?|\f|\v/g, '\n').replace(CONTROL, '');
  text = decodeEntities(text.replace(TAG, '')).replace(/\u00a0/g, ' ');
  text = normaliseText(text);
  text = text.replace(FULL_WIDTH_ALNUM, halfWidth).replace(IN_NUMBER, halfWidth);
  return text
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
