/**
 * Normalisation of scraped seed text.
 *
 * The seed article (apps/server/seed/000_867cd5e4b4a510ec.txt) went through a
 * simplified → traditional conversion tool that left three kinds of artifacts. The stored document
 * text is the raw text with exactly these removed, and every citation offset and quote refers to
 * the normalised text. Nothing else is touched: ASCII punctuation (`,` `:` `(` `)`) stays as the
 * source has it, no Unicode normalisation is applied (NFC/NFKC could rewrite CJK compatibility
 * ideographs and full-width forms), whitespace inside the text is kept.
 *
 * (b) Mangled characters, replaced first from an explicit table (`MANGLED`). Each entry is a
 *     byte-level corruption of one character (plus any pinyin the converter appended to it):
 *       `?,F(xiàn)`   → `。現`  "人口?,F(xiàn)已開工" stands for "人口。現已開工" (DESIGN.md);
 *       `?yàn)?zāi)` → `災`    因災致貧, poverty through natural disasters (the article lists the
 *                             causes illness, lack of funds, disasters, lack of labour, schooling);
 *       `?qū)W`      → `學`    因學致貧, poverty through the cost of schooling (0x57 'W' is the
 *                             trail byte of 學 in GBK).
 *     The table runs before (a) because its entries contain pinyin readings themselves.
 * (a) Pinyin readings in parentheses after a Han character: `個(gè)` → `個`, `內(nèi)` → `內`.
 *     Only a parenthesised single lowercase pinyin syllable is removed: latin lowercase letters and
 *     ü, with at least one tone-marked vowel (precomposed ā á ǎ à …, or a combining tone mark),
 *     directly after a Han character. Chinese parentheticals such as `(大病集中救治一批、…)` or
 *     `(供稿單位:…)` never match, nor does latin text without tone marks. A leftover `(` followed
 *     by latin letters, or a `?`, after normalisation means an artifact this table does not know.
 * (c) The scraper's trailing `endprint` marker (and whitespace before it) at the very end.
 *
 * The function is idempotent: normalising normalised text changes nothing.
 */

/** Mangled sequences and the characters they stand for; applied in order, before pinyin removal. */
export const MANGLED: ReadonlyArray<readonly [mangled: string, restored: string]> = [
  ['?,F(xiàn)', '。現'],
  ['?yàn)?zāi)', '災'],
  ['?qū)W', '學'],
];

/** Tone-marked vowels (precomposed) and combining tone marks (macron, acute, caron, grave). */
const TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ\u0304\u0301\u030C\u0300';
const PINYIN_LETTER = `a-zü\u0308${TONED}`;
const PINYIN_READING = new RegExp(
  `(?<=\\p{Script=Han})\\((?=[${PINYIN_LETTER}]*[${TONED}])[${PINYIN_LETTER}]{1,8}\\)`,
  'gu',
);
const END_MARKER = /\s*endprint\s*$/u;

export const NORMALISATION_NOTE =
  'The stored text is the scraped article with three conversion artifacts removed and nothing ' +
  'else changed: (1) mangled characters are restored from an explicit table before anything ' +
  'else ("?,F(xiàn)" → "。現", "?yàn)?zāi)" → "災" in 因災致貧, "?qū)W" → "學" in 因學致貧); (2) the ' +
  'pinyin reading the converter put in parentheses after some characters is dropped ("個(gè)" → ' +
  '"個"): only a single lowercase pinyin syllable with a tone mark directly after a Han ' +
  'character is removed, so Chinese parentheticals such as "(供稿單位:…)" stay; (3) the ' +
  'trailing scraper marker "endprint" is cut. Punctuation, whitespace and character forms are ' +
  'otherwise as scraped (no Unicode normalisation). Citation offsets count Unicode code points ' +
  'of this text.';

export function normaliseText(raw: string): string {
  let text = raw;
  for (const [mangled, restored] of MANGLED) text = text.replaceAll(mangled, restored);
  text = text.replace(PINYIN_READING, '');
  return text.replace(END_MARKER, '');
}
