import { sql } from 'kysely';
import { builder } from '../builder.js';
import type { CitationRow, DocumentRow } from '../db/database.js';
import { CitationConnection } from './citation.js';
import { connectionOf, pageComplexity, tablePage } from './pagination.js';
import { Document } from './refs.js';

/** One point per 2,000 characters a document text may hold (at most 2,000,000). */
const TEXT_COMPLEXITY = 1_000;

Document.implement({
  description: 'A source. `text` is normalised; every citation quote is verbatim in it.',
  fields: (t) => ({
    key: t.exposeString('key'),
    title: t.exposeString('title'),
    titleEn: t.exposeString('title_en', { nullable: true }),
    publisher: t.exposeString('publisher', { nullable: true }),
    publishedOn: t.exposeString('published_on', { nullable: true }),
    language: t.exposeString('language'),
    url: t.exposeString('url', { nullable: true }),
    normalisation: t.exposeString('normalisation', {
      nullable: true,
      description: 'How the stored text was normalised from the source.',
    }),
    text: t.exposeString('text', {
      description: 'Up to 2,000,000 characters: priced by what it can hold.',
      complexity: TEXT_COMPLEXITY,
    }),
    citations: t.field({
      type: CitationConnection,
      description: 'The citations of this document, by ascending id; `first` from 1 to 100.',
      complexity: pageComplexity,
      args: { first: t.arg.int(), after: t.arg.string() },
      resolve: (d, args, { db }) =>
        tablePage<CitationRow>(db, 'citations', sql`t.document_id = ${d.id}`, args),
    }),
  }),
});

export const DocumentConnection = connectionOf<DocumentRow>(Document, 'DocumentConnection');

builder.queryField('documents', (t) =>
  t.field({
    type: DocumentConnection,
    description: 'Documents by ascending id; `first` from 1 to 100.',
    complexity: pageComplexity,
    args: { first: t.arg.int(), after: t.arg.string() },
    resolve: (_root, args, { db }) => tablePage<DocumentRow>(db, 'documents', sql`true`, args),
  }),
);
