import { builder } from '../builder.js';
import type { CitationRow, DocumentRow } from '../db/database.js';
import { loadByIds } from '../db/load-by-ids.js';
import { Citation } from './citation.js';

export const Document = builder.loadableNodeRef('Document', {
  id: { resolve: (d: DocumentRow) => d.id },
  load: (ids: string[], ctx) => loadByIds(ctx.db, 'documents', ids),
  sort: (d) => String(d.id),
});

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
    text: t.exposeString('text'),
    citations: t.field({
      type: [Citation],
      resolve: (d, _args, { db }): Promise<CitationRow[]> =>
        db
          .selectFrom('citations')
          .selectAll()
          .where('document_id', '=', d.id)
          .orderBy('start_offset')
          .orderBy('id')
          .execute(),
    }),
  }),
});

builder.queryField('documents', (t) =>
  t.field({
    type: [Document],
    resolve: (_root, _args, { db }) =>
      db.selectFrom('documents').selectAll().orderBy('id').execute(),
  }),
);
