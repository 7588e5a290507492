import type { ObjectFieldBuilder } from '@pothos/core';
import { builder } from '../builder.js';
import { anyOf } from '../db/any-of.js';
import type {
  ActorRow,
  CitationRow,
  DocumentRow,
  FlowRow,
  ObservationRow,
  PairingRow,
  RegionRow,
} from '../db/database.js';
import { OBSERVATION_KINDS } from '../domain/observation/observation.rules.js';
import { loadByIds } from '../domain/records/load-by-ids.js';
import type { CitedColumn } from '../domain/records/record-types.js';

/**
 * The refs of the node types (and what several type files share), declared apart from the files
 * that implement them: types refer to each other (an actor's flows, a flow's actors), and
 * through this file their files need not import each other.
 */

export const ObservationKind = builder.enumType('ObservationKind', { values: OBSERVATION_KINDS });

export const Actor = builder.loadableNodeRef('Actor', {
  id: { resolve: (a: ActorRow) => a.id },
  load: (ids: string[], ctx) => loadByIds(ctx.db, 'actors', ids),
  sort: (a) => String(a.id),
});

export const Document = builder.loadableNodeRef('Document', {
  id: { resolve: (d: DocumentRow) => d.id },
  load: (ids: string[], ctx) => loadByIds(ctx.db, 'documents', ids),
  sort: (d) => String(d.id),
});

export const Flow = builder.loadableNodeRef('Flow', {
  id: { resolve: (f: FlowRow) => f.id },
  load: (ids: string[], ctx) => loadByIds(ctx.db, 'flows', ids),
  sort: (f) => String(f.id),
});

export const Observation = builder.loadableNodeRef('Observation', {
  id: { resolve: (o: ObservationRow) => o.id },
  load: (ids: string[], ctx) => loadByIds(ctx.db, 'observations', ids),
  sort: (o) => String(o.id),
});

export const Pairing = builder.loadableNodeRef('Pairing', {
  id: { resolve: (p: PairingRow) => p.id },
  load: (ids: string[], ctx) => loadByIds(ctx.db, 'pairings', ids),
  sort: (p) => String(p.id),
});

export const Region = builder.loadableNodeRef('Region', {
  id: { resolve: (r: RegionRow) => r.code },
  load: async (codes: string[], { db }) => {
    const valid = codes.filter((c) => /^[1-9]\d{5}$/.test(c));
    return valid.length
      ? db.selectFrom('regions').selectAll().where('code', '=', anyOf(valid, 'text')).execute()
      : [];
  },
  sort: (r) => r.code,
});

export const Citation = builder.objectRef<CitationRow>('Citation');

/** A record's citations, loaded for every record of a page in one statement. */
export function citationsOf<T extends { id: number }>(
  // biome-ignore lint/suspicious/noExplicitAny: shared by the builders of several object types
  t: ObjectFieldBuilder<any, T>,
  column: CitedColumn,
) {
  return t.loadableGroup({
    type: Citation,
    load: (ids: number[], { db }) =>
      db
        .selectFrom('citations')
        .selectAll()
        .where(column, '=', anyOf(ids, 'int'))
        .orderBy('start_offset')
        .orderBy('id')
        .execute(),
    group: (c: CitationRow) => c[column] as number,
    resolve: (record: T) => record.id,
  });
}

/** A record's note, in English and (when recorded) in Chinese. */
export function notesOf<T extends { note: string | null; note_zh: string | null }>(
  // biome-ignore lint/suspicious/noExplicitAny: shared by the builders of several object types
  t: ObjectFieldBuilder<any, T>,
): Record<'note' | 'noteZh', ReturnType<typeof t.string>> {
  return {
    note: t.string({ nullable: true, resolve: (r: T) => r.note }),
    noteZh: t.string({
      nullable: true,
      description: 'The note in Chinese, when one is recorded.',
      resolve: (r: T) => r.note_zh,
    }),
  };
}
