import { builder } from '../builder.js';
import { CITING_NORMALISATION } from '../documents/normalise-for-citing.js';
import { pastedSource, readSourceFile, type SourceText } from '../documents/read-source.js';
import { addDocumentInput } from '../domain/document/document.rules.js';
import { addDocument } from '../domain/document/document.write.js';
import { type FieldPath, ValidationError } from '../domain/errors.js';
import { inTransaction } from '../domain/records/transaction.js';
import { authorOf } from '../mutations/write.js';
import { FileScalar } from './file-scalar.js';
import { Document } from './refs.js';
import { reasonField } from './write-inputs.js';
import { writeMutation } from './write-result.js';

const ImportDocumentInput = builder.inputType('ImportDocumentInput', {
  description:
    'A document to add from a file (.txt, .html or .pdf, as a multipart upload) or pasted text; its text is normalised for citing (docs/curation.md).',
  fields: (t) => ({
    file: t.field({ type: FileScalar, description: 'Give this or `text`.' }),
    text: t.string({ description: 'Pasted text. Give this or `file`.' }),
    key: t.string({ description: 'External id; generated when absent.' }),
    title: t.string({ description: "Absent: an HTML page's <title>, else the file's name." }),
    titleEn: t.string(),
    publisher: t.string(),
    publishedOn: t.string({ description: 'YYYY-MM-DD' }),
    language: t.string({ required: true, description: 'A language tag, e.g. zh-Hant.' }),
    url: t.string({ description: 'Where the document is published.' }),
    reason: t.string({ description: reasonField }),
  }),
});

type ImportInput = typeof ImportDocumentInput.$inferInput;

async function sourceOf(input: ImportInput): Promise<SourceText> {
  if ((input.file == null) === (input.text == null)) {
    throw new ValidationError([
      { path: ['input', 'file'], message: 'give a file or text, not both' },
    ]);
  }
  return input.file ? readSourceFile(input.file) : pastedSource(input.text ?? '');
}

function fileTitle(file: File | null | undefined): string | undefined {
  return file?.name.replace(/\.[A-Za-z0-9]+$/, '').trim() || undefined;
}

builder.mutationField('importDocument', (t) =>
  t.field({
    type: Document,
    description:
      'Adds a document from a file or pasted text: the file is read (PDF text with its page offsets), hashed and normalised for citing, and stored with its metadata.',
    ...writeMutation('ImportDocument', 'document'),
    args: { input: t.arg({ type: ImportDocumentInput, required: true }) },
    resolve: async (_root, { input }, { db, credentials }) => {
      const by = authorOf(credentials);
      const source = await sourceOf(input);
      const parsed = addDocumentInput.safeParse({
        ...input,
        file: undefined,
        title: input.title ?? source.title ?? fileTitle(input.file),
        text: source.text,
        normalisation: CITING_NORMALISATION,
      });
      if (!parsed.success) {
        throw new ValidationError(
          parsed.error.issues.map((issue) => ({
            path: ['input', ...(issue.path as FieldPath)],
            message: issue.message,
          })),
        );
      }
      return inTransaction(db, (trx) =>
        addDocument(trx, by, parsed.data, {
          source_sha256: source.sha256,
          source_format: source.format,
          page_offsets: source.pageOffsets,
        }),
      );
    },
  }),
);

builder.objectFields(Document, (t) => ({
  sourceSha256: t.exposeString('source_sha256', {
    nullable: true,
    description: 'SHA-256 (hex) of the file the document was added from; null for pasted text.',
  }),
  sourceFormat: t.exposeString('source_format', {
    nullable: true,
    description: 'TEXT, HTML or PDF for documents added through importDocument.',
  }),
  pageOffsets: t.exposeIntList('page_offsets', {
    nullable: true,
    description: 'For a PDF: the offset (code points) in `text` where each page starts.',
  }),
}));
