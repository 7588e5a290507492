import type { CitationRow } from '../db/database.js';
import { citedTypename } from '../domain/records/record-types.js';
import { connectionOf } from './pagination.js';
import { Actor, Citation, Document, Flow, Observation, Pairing } from './refs.js';

Citation.implement({
  description: 'The words of a document that state a record: its text at [start, end).',
  fields: (t) => ({
    document: t.field({ type: Document, resolve: (c) => String(c.document_id) }),
    quote: t.exposeString('quote'),
    gloss: t.string({
      nullable: true,
      // A column of the row already read: no work of its own (page queries stay under the limit).
      complexity: 0,
      description: 'A short English gloss of the quote, when one is recorded.',
      resolve: (c) => c.gloss ?? null,
    }),
    start: t.int({ description: 'Offset in Unicode code points.', resolve: (c) => c.start_offset }),
    end: t.int({ description: 'Exclusive end offset.', resolve: (c) => c.end_offset }),
    recordType: t.string({
      description:
        'Which record the citation supports: Flow, Observation, Actor, Pairing or Overlap.',
      resolve: (c) => citedTypename(c),
    }),
    flow: t.field({ type: Flow, nullable: true, resolve: (c) => idOrNull(c.flow_id) }),
    observation: t.field({
      type: Observation,
      nullable: true,
      resolve: (c) => idOrNull(c.observation_id),
    }),
    actor: t.field({ type: Actor, nullable: true, resolve: (c) => idOrNull(c.actor_id) }),
    pairing: t.field({ type: Pairing, nullable: true, resolve: (c) => idOrNull(c.pairing_id) }),
  }),
});

export const CitationConnection = connectionOf<CitationRow>(Citation, 'CitationConnection');

function idOrNull(id: number | null): string | null {
  return id == null ? null : String(id);
}
