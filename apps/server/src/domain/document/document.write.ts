import type { Insertable } from 'kysely';
import type { CitationRow, DocumentRow, DocumentTable } from '../../db/database.js';
import type { AddCitationValue } from '../citation/citation.rules.js';
import { writeCitations } from '../citation/citation.write.js';
import { ConflictError } from '../errors.js';
import { type Db, INPUT, newKey } from '../records/record.write.js';
import { mustExist } from '../records/record-exists.js';
import { citedColumnOf } from '../records/record-types.js';
import { type Author, appendRevision, snapshot } from '../records/revisions.js';
import type { AddDocumentValue } from './document.rules.js';

// The writes of documents and their citations.

type DocumentInsert = Insertable<DocumentTable>;

export async function addDocument(
  db: Db,
  by: Author,
  input: AddDocumentValue,
  source: Pick<DocumentInsert, 'source_sha256' | 'source_format' | 'page_offsets'> = {},
): Promise<DocumentRow> {
  const key = await newKey(db, 'Document', input.key);
  const row = await db
    .insertInto('documents')
    .values({
      key,
      title: input.title,
      title_en: input.titleEn ?? null,
      publisher: input.publisher ?? null,
      published_on: input.publishedOn ?? null,
      language: input.language,
      url: input.url ?? null,
      text: input.text,
      normalisation: input.normalisation ?? null,
      ...source,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendRevision(db, {
    type: 'Document',
    id: row.id,
    action: 'CREATE',
    by,
    reason: input.reason,
    before: null,
  });
  return row;
}

/** Adds a citation to a record: an update of that record, with its revision. */
export async function addCitation(
  db: Db,
  by: Author,
  input: AddCitationValue,
): Promise<CitationRow> {
  const type = input.recordId.typename;
  const column = citedColumnOf(type);
  const recordId = await mustExist(db, input.recordId, [...INPUT, 'recordId']);
  const before = await snapshot(db, type, recordId);
  const cite = { documentId: input.documentId, start: input.start, end: input.end };
  const duplicate = await db
    .selectFrom('citations')
    .select('id')
    .where(column, '=', recordId)
    .where('document_id', '=', cite.documentId.id)
    .where('start_offset', '=', cite.start)
    .where('end_offset', '=', cite.end)
    .executeTakeFirst();
  if (duplicate)
    throw new ConflictError('the record already cites that passage', [...INPUT, 'start']);
  // The citation is the input itself, not an item of a list.
  await writeCitations(db, column, recordId, [cite], () => INPUT);
  await appendRevision(db, {
    type,
    id: recordId,
    action: 'UPDATE',
    by,
    reason: input.reason,
    before,
  });
  return db
    .selectFrom('citations')
    .selectAll()
    .where(column, '=', recordId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
}
