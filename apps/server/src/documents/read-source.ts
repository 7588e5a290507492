import { createHash } from 'node:crypto';
import { ValidationError } from '../domain/errors.js';
import { htmlToText } from './extract-html.js';
import { pdfPageTexts } from './extract-pdf.js';
import { normaliseForCiting } from './normalise-for-citing.js';

/** The largest document file accepted by default (docs/curation.md); MAX_DOCUMENT_BYTES sets it. */
export const MAX_DOCUMENT_FILE_BYTES = 20 * 1024 * 1024;

export function documentFileLimit(env: NodeJS.ProcessEnv = process.env): number {
  const set = Number(env.MAX_DOCUMENT_BYTES);
  return Number.isSafeInteger(set) && set > 0 ? set : MAX_DOCUMENT_FILE_BYTES;
}

export type SourceFormat = 'TEXT' | 'HTML' | 'PDF';

/** A document's text as it will be stored, and what it was made from. */
export interface SourceText {
  text: string;
  format: SourceFormat;
  /** SHA-256 (hex) of the file as uploaded; null for pasted text. */
  sha256: string | null;
  /** Code-point offset in `text` where each page starts (PDFs only). */
  pageOffsets: number[] | null;
  /** An HTML page's <title>, used when the input gives none. */
  title: string | null;
}

const FILE = ['input', 'file'];
const refuse = (message: string) => new ValidationError([{ path: FILE, message }]);

export function pastedSource(text: string): SourceText {
  return {
    text: normaliseForCiting(text),
    format: 'TEXT',
    sha256: null,
    pageOffsets: null,
    title: null,
  };
}

export async function readSourceFile(
  file: File,
  maxBytes = documentFileLimit(),
): Promise<SourceText> {
  if (file.size > maxBytes) {
    throw refuse(`is ${file.size} bytes; a document file may have at most ${maxBytes} bytes`);
  }
  const bytes = await readAll(file, maxBytes);
  if (bytes.length === 0) throw refuse('is empty');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const format = formatOf(file, bytes);
  if (format === 'PDF') return { ...(await pdfSource(bytes)), sha256 };
  const decoded = decode(bytes);
  if (format === 'HTML') {
    const { text, title } = htmlToText(decoded);
    return { text: normaliseForCiting(text), format, sha256, pageOffsets: null, title };
  }
  return { text: normaliseForCiting(decoded), format, sha256, pageOffsets: null, title: null };
}

/** The file's bytes, read as a stream (and cut off once past the limit, whatever size it claims). */
async function readAll(file: File, maxBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of file.stream() as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.length;
    if (size > maxBytes)
      throw refuse(`has more than ${maxBytes} bytes, the most a document file may have`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function formatOf(file: File, bytes: Uint8Array): SourceFormat {
  const name = file.name.toLowerCase();
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512)).trimStart().toLowerCase();
  if (head.startsWith('%pdf-')) return 'PDF';
  if (name.endsWith('.pdf') || file.type === 'application/pdf')
    throw refuse('is not a readable PDF');
  if (/\.html?$/.test(name) || file.type === 'text/html' || /^<(!doctype html|html)/.test(head)) {
    return 'HTML';
  }
  if (name.endsWith('.txt') || file.type.startsWith('text/plain') || !/\.[a-z0-9]+$/.test(name)) {
    return 'TEXT';
  }
  throw refuse('must be a .txt, .html or .pdf file');
}

/** UTF-8, or UTF-16 with a byte-order mark; anything else (or binary data) is unreadable. */
function decode(bytes: Uint8Array): string {
  const utf16 =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? 'utf-16le'
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? 'utf-16be'
        : null;
  let text: string;
  try {
    text = new TextDecoder(utf16 ?? 'utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw refuse('is not UTF-8 text (save it as UTF-8, or paste the text)');
  }
  if (text.includes('\u0000')) throw refuse('holds binary data, not text');
  return text;
}

async function pdfSource(bytes: Uint8Array): Promise<Omit<SourceText, 'sha256'>> {
  let pages: string[];
  try {
    pages = await pdfPageTexts(bytes);
  } catch {
    throw refuse('is not a readable PDF');
  }
  const texts = pages.map(normaliseForCiting);
  if (texts.every((t) => t === '')) {
    throw refuse('has no text layer (a scan?): recognise its text first, or paste the text');
  }
  const pageOffsets: number[] = [];
  let text = '';
  for (const [i, page] of texts.entries()) {
    if (i > 0) text += '\n\n';
    pageOffsets.push([...text].length);
    text += page;
  }
  return { text, format: 'PDF', pageOffsets, title: null };
}
