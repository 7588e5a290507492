import type { Kysely } from 'kysely';
import { builder } from '../builder.js';
import { anyOf } from '../db/any-of.js';
import type { Database, RevisionRow } from '../db/database.js';
import { decodeGlobalId, encodeGlobalId } from '../domain/records/global-id.js';
import {
  latestRevisions,
  type RecordType,
  withCreatedSnapshots,
} from '../domain/records/revisions.js';
import { Overlap } from './overlap.js';
import { Actor, Document, Flow, Observation, Pairing } from './refs.js';

builder.scalarType('JSON', {
  description: 'A JSON value. Amounts in revision snapshots are decimal strings.',
  serialize: (value) => value,
  parseValue: (value) => value,
});

const RevisionAction = builder.enumType('RevisionAction', {
  values: ['CREATE', 'UPDATE', 'RETRACT'] as const,
});

/** Fields whose values differ between two snapshots. */
function changedFields(row: RevisionRow): string[] {
  const before = row.before ?? {};
  const after = row.after ?? {};
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k])).sort();
}

export const Revision = builder.objectRef<RevisionRow>('Revision').implement({
  description:
    'One write to a record: who, when, why, and the record before and after. Every write appends one.',
  fields: (t) => ({
    id: t.id({ resolve: (r) => String(r.id) }),
    recordType: t.exposeString('record_type'),
    recordId: t.id({
      description: 'Global id of the record (it may be retracted).',
      resolve: (r) => encodeGlobalId(r.record_type, r.record_id),
    }),
    recordKey: t.exposeString('record_key', { description: 'The external id of the record.' }),
    action: t.field({ type: RevisionAction, resolve: (r) => r.action }),
    author: t.exposeString('author', { description: "The token's label, or admin." }),
    at: t.string({ description: 'ISO 8601 time.', resolve: (r) => new Date(r.at).toISOString() }),
    reason: t.exposeString('reason', { nullable: true }),
    before: t.field({ type: 'JSON', nullable: true, resolve: (r) => r.before }),
    after: t.field({ type: 'JSON', nullable: true, resolve: (r) => r.after }),
    changedFields: t.stringList({
      description: 'Top-level fields that differ between before and after.',
      resolve: changedFields,
    }),
  }),
});

/** A record's revisions, oldest first, for every record of the response in one statement. */
function loadHistory(type: RecordType) {
  return async (ids: number[], { db }: { db: Kysely<Database> }) =>
    withCreatedSnapshots(
      db,
      type,
      await db
        .selectFrom('revisions')
        .selectAll()
        .where('record_type', '=', type)
        .where('record_id', '=', anyOf(ids, 'int'))
        .orderBy('id')
        .execute(),
    );
}
const HISTORY = 'Every write to this record, oldest first.';
const byRecord = (r: RevisionRow) => r.record_id;

// The same field on each record type with a history; one loader per type.
for (const [ref, type] of [
  [Flow, 'Flow'],
  [Actor, 'Actor'],
  [Observation, 'Observation'],
  [Document, 'Document'],
  [Overlap, 'Overlap'],
  [Pairing, 'Pairing'],
] as const) {
  // biome-ignore lint/suspicious/noExplicitAny: the four refs share only what the field needs
  builder.objectField(ref as any, 'history', (t) =>
    t.loadableGroup({
      type: Revision,
      description: HISTORY,
      load: loadHistory(type),
      group: byRecord,
      resolve: (r: { id: number }) => r.id,
    }),
  );
}

// The revision an edit is based on, on each record type an update can change.
for (const [ref, type] of [
  [Flow, 'Flow'],
  [Actor, 'Actor'],
  [Observation, 'Observation'],
] as const) {
  // biome-ignore lint/suspicious/noExplicitAny: the three refs share only what the field needs
  builder.objectField(ref as any, 'revision', (t) =>
    t.loadable({
      type: 'ID',
      description:
        'The revision this record is at: the id of its newest revision ("0" when none is recorded). Send it as `expectedRevision` when updating the record.',
      load: async (ids: number[], { db }: { db: Kysely<Database> }) => {
        const latest = await latestRevisions(db, type, ids);
        return ids.map((id) => latest.get(id) ?? '0');
      },
      resolve: (r: { id: number }) => r.id,
    }),
  );
}

builder.queryField('history', (t) =>
  t.field({
    type: [Revision],
    description:
      'The revisions of any record by its global id, retracted records included (they leave every other read).',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, { db }) => {
      const decoded = decodeGlobalId(
        String(id),
        ['Actor', 'Flow', 'Observation', 'Document', 'Overlap', 'Pairing'],
        'id',
      );
      return withCreatedSnapshots(
        db,
        decoded.typename,
        await db
          .selectFrom('revisions')
          .selectAll()
          .where('record_type', '=', decoded.typename)
          .where('record_id', '=', decoded.id)
          .orderBy('id')
          .execute(),
      );
    },
  }),
);
