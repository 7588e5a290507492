import { z } from 'zod';
import { builder } from '../builder.js';
import { addCitationInput } from '../domain/citation/citation.rules.js';
import { addDocumentInput } from '../domain/document/document.rules.js';
import { addCitation, addDocument } from '../domain/document/document.write.js';
import { inWrite } from '../mutations/write.js';
import { Citation, Document } from './refs.js';
import { reasonField } from './write-inputs.js';
import { writeMutation } from './write-result.js';

export const AddDocumentInput = builder.inputType('AddDocumentInput', {
  fields: (t) => ({
    key: t.string({ description: 'External id; generated when absent.' }),
    title: t.string({ required: true }),
    titleEn: t.string(),
    publisher: t.string(),
    publishedOn: t.string({ description: 'YYYY-MM-DD' }),
    language: t.string({ required: true, description: 'A language tag, e.g. zh-Hant.' }),
    url: t.string(),
    text: t.string({
      required: true,
      description: 'The normalised text; citations count offsets in its Unicode code points.',
    }),
    normalisation: t.string({ description: 'How the text was normalised from the source.' }),
    reason: t.string({ description: reasonField }),
  }),
});

export const AddCitationInput = builder.inputType('AddCitationInput', {
  description: 'A passage of a document that states a record (a flow, an observation or an actor).',
  fields: (t) => ({
    recordId: t.id({ required: true }),
    documentId: t.id({ required: true }),
    start: t.int({ required: true }),
    end: t.int({ required: true, description: 'Exclusive; offsets in Unicode code points.' }),
    reason: t.string({ description: reasonField }),
  }),
});

builder.mutationFields((t) => ({
  addDocument: t.field({
    type: Document,
    description: 'Stores a source document, to be cited.',
    ...writeMutation('AddDocument', 'document'),
    args: t.validate(
      { input: t.arg({ type: AddDocumentInput, required: true }) },
      z.object({ input: addDocumentInput }),
    ),
    resolve: (_root, { input }, ctx) => inWrite(ctx, (trx, by) => addDocument(trx, by, input)),
  }),
  addCitation: t.field({
    type: Citation,
    description:
      'Cites a passage for a record; the quote is the document text there. Recorded as an update of the record.',
    ...writeMutation('AddCitation', 'citation'),
    args: t.validate(
      { input: t.arg({ type: AddCitationInput, required: true }) },
      z.object({ input: addCitationInput }),
    ),
    resolve: (_root, { input }, ctx) => inWrite(ctx, (trx, by) => addCitation(trx, by, input)),
  }),
}));
