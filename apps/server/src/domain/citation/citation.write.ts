import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/database.js';
import { type FieldPath, NotFoundError, ValidationError } from '../errors.js';
import type { CitedColumn } from '../records/record-types.js';
import type { CitationValue } from './citation.rules.js';

/**
 * Writes citations of one record: each quote is the document's text at [start, end), in code
 * points, taken by the database (which also checks it, by trigger).
 */
export async function writeCitations(
  db: Kysely<Database>,
  column: CitedColumn,
  recordId: number,
  cites: (Omit<CitationValue, 'gloss'> & { gloss?: string | null })[],
  path: FieldPath | ((index: number) => FieldPath),
): Promise<void> {
  for (const [i, cite] of cites.entries()) {
    const at = typeof path === 'function' ? path(i) : [...path, i];
    const doc = await db
      .selectFrom('documents')
      .select(['id', sql<number>`char_length(text)`.as('length')])
      .where('id', '=', cite.documentId.id)
      .executeTakeFirst();
    if (!doc) throw new NotFoundError([...at, 'documentId'], cite.documentId.raw, 'Document');
    if (cite.end > doc.length) {
      throw new ValidationError([
        {
          path: [...at, 'end'],
          message: `is past the end of the document (${doc.length} characters)`,
        },
      ]);
    }
  }
  if (cites.length === 0) return;
  await sql`insert into citations
      (document_id, start_offset, end_offset, quote, gloss, ${sql.ref(column)})
    select d.id, c.s, c.e, substr(d.text, c.s + 1, c.e - c.s), c.g, ${recordId}
    from unnest(${cites.map((c) => c.documentId.id)}::int[], ${cites.map((c) => c.start)}::int[],
                ${cites.map((c) => c.end)}::int[], ${cites.map((c) => c.gloss ?? null)}::text[])
      as c(doc, s, e, g)
    join documents d on d.id = c.doc`.execute(db);
}

export async function replaceCitations(
  db: Kysely<Database>,
  column: CitedColumn,
  recordId: number,
  cites: CitationValue[] | null | undefined,
  path: FieldPath,
) {
  if (cites == null) return;
  await db.deleteFrom('citations').where(column, '=', recordId).execute();
  await writeCitations(db, column, recordId, cites, path);
}
