import type { ObjectFieldBuilder } from '@pothos/core';
import { builder } from '../builder.js';
import type { CitationRow } from '../db/database.js';
import { Actor } from './actor.js';
import { Document } from './document.js';
import { Flow } from './flow.js';
import { Observation } from './observation.js';
import { Pairing } from './pairing.js';

type CitedBy = 'flow_id' | 'observation_id' | 'actor_id' | 'pairing_id';

export const Citation = builder.objectRef<CitationRow>('Citation').implement({
  description: 'The words of a document that state a record: its text at [start, end).',
  fields: (t) => ({
    document: t.field({ type: Document, resolve: (c) => String(c.document_id) }),
    quote: t.exposeString('quote'),
    start: t.int({ description: 'Offset in Unicode code points.', resolve: (c) => c.start_offset }),
    end: t.int({ description: 'Exclusive end offset.', resolve: (c) => c.end_offset }),
    recordType: t.string({
      description: 'Which record the citation supports: Flow, Observation, Actor or Pairing.',
      resolve: (c) =>
        c.flow_id ? 'Flow' : c.observation_id ? 'Observation' : c.actor_id ? 'Actor' : 'Pairing',
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

function idOrNull(id: number | null): string | null {
  return id == null ? null : String(id);
}

/** A record's citations, loaded for every record of a page in one statement. */
export function citationsOf<T extends { id: number }>(
  // biome-ignore lint/suspicious/noExplicitAny: shared by the builders of several object types
  t: ObjectFieldBuilder<any, T>,
  column: CitedBy,
) {
  return t.loadableGroup({
    type: Citation,
    load: (ids: number[], { db }) =>
      db
        .selectFrom('citations')
        .selectAll()
        .where(column, 'in', ids)
        .orderBy('start_offset')
        .orderBy('id')
        .execute(),
    group: (c: CitationRow) => c[column] as number,
    resolve: (record: T) => record.id,
  });
}
