import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../domain/errors.js';
import { makePdf } from './make-pdf.js';
import { pastedSource, readSourceFile } from './read-source.js';

const file = (parts: BlobPart[], name: string, type = '') => new File(parts, name, { type });
const sha = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  const [first] = (error as ValidationError).fieldErrors;
  expect(first?.path).toEqual(['input', 'file']);
  return first?.message ?? '';
}

describe('readSourceFile', () => {
  it('reads a .txt file as UTF-8, normalised, with the hash of the bytes as sent', async () => {
    const raw = '\ufeff扶貧資金５０００萬元\r\n';
    const source = await readSourceFile(file([raw], 'notice.txt', 'text/plain'));
    expect(source).toMatchObject({ text: '扶貧資金5000萬元', format: 'TEXT', pageOffsets: null });
    expect(source.sha256).toBe(sha(new TextEncoder().encode(raw)));
  });

  it('reads an .html page: its text without markup, script or style, and its title', async () => {
    const html =
      '<!doctype html><html><head><title>縣扶貧&amp;通知</title><style>p{}</style></head>' +
      '<body><script>var x="<p>no</p>"</script><h1>通知</h1><p>投入<b>300</b>萬元</p>' +
      '<table><tr><td>甲</td><td>1</td></tr></table></body></html>';
    const source = await readSourceFile(file([html], 'page.html'));
    expect(source.format).toBe('HTML');
    expect(source.title).toBe('縣扶貧&通知');
    expect(source.text).toBe('通知\n\n投入300萬元\n\n甲 1');
  });

  it('reads a PDF page by page and keeps where each page starts', async () => {
    const pdf = makePdf([['Fund notice 2024', 'paid 5000 yuan'], null, ['page three']]);
    const source = await readSourceFile(file([pdf], 'notice.pdf', 'application/pdf'));
    expect(source.format).toBe('PDF');
    expect(source.text).toBe('Fund notice 2024\npaid 5000 yuan\n\n\n\npage three');
    expect(source.pageOffsets).toEqual([0, 33, 35]);
    expect(source.text.slice(35)).toBe('page three');
    expect(source.sha256).toBe(sha(pdf));
  });

  it.each<[string, () => File, RegExp]>([
    ['an empty file', () => file([], 'a.txt'), /empty/],
    [
      'a file that is not UTF-8',
      () => file([new Uint8Array([0xb8, 0xdf, 0xff])], 'a.txt'),
      /UTF-8/,
    ],
    ['binary data', () => file([new Uint8Array([0x41, 0, 0x42])], 'a.txt'), /binary/],
    [
      'a PDF without a text layer',
      () => file([makePdf([null, null])], 'scan.pdf'),
      /no text layer/,
    ],
    ['a broken PDF', () => file(['%PDF-1.4 nothing else'], 'broken.pdf'), /not a readable PDF/],
    ['a .pdf that is not one', () => file(['hello'], 'x.pdf'), /not a readable PDF/],
    [
      'another kind of file',
      () => file(['PK\u0003\u0004'], 'sheet.xlsx'),
      /\.txt, \.html or \.pdf/,
    ],
  ])('refuses %s, saying why', async (_name, make, reason) => {
    expect(await refusal(readSourceFile(make()))).toMatch(reason);
  });

  it('refuses a file over the limit before reading it', async () => {
    const message = await refusal(readSourceFile(file(['x'.repeat(101)], 'big.txt'), 100));
    expect(message).toBe('is 101 bytes; a document file may have at most 100 bytes');
  });
});

describe('pastedSource', () => {
  it('normalises pasted text and has no file hash', () => {
    expect(pastedSource(' 投入１００萬元 ')).toEqual({
      text: '投入100萬元',
      format: 'TEXT',
      sha256: null,
      pageOffsets: null,
      title: null,
    });
  });
});
