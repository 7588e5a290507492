import { type Kysely, sql } from 'kysely';
import { builder } from '../builder.js';
import type { Database, FlowRow } from '../db/database.js';
import { loadByIds } from '../db/load-by-ids.js';
import { FLOW_STATUSES, INSTRUMENTS } from '../mutations/inputs.js';
import { Actor } from './actor.js';
import { citationsOf } from './citation.js';
import { existingId, existingRegionPrefix, validateYear } from './filters.js';
import { type FlowWithRelations, primeRelations, relationColumns } from './flow-relations.js';
import { Money, toAmount } from './money.js';
import {
  connectionOf,
  decodeCursor,
  pageComplexity,
  pageSize,
  toConnection,
} from './pagination.js';
import { Program } from './program.js';

export const FlowStatus = builder.enumType('FlowStatus', { values: FLOW_STATUSES });
export const Instrument = builder.enumType('Instrument', { values: INSTRUMENTS });

export const Flow = builder.loadableNodeRef('Flow', {
  id: { resolve: (f: FlowRow) => f.id },
  load: (ids: string[], ctx) => loadByIds(ctx.db, 'flows', ids),
  sort: (f) => String(f.id),
});

Flow.implement({
  description: 'Money (or another resource) moving from a source actor to a target actor.',
  fields: (t) => ({
    source: t.field({ type: Actor, resolve: (f) => String(f.source_id) }),
    target: t.field({ type: Actor, resolve: (f) => String(f.target_id) }),
    amount: t.field({ type: Money, resolve: (f) => toAmount(f) }),
    year: t.exposeInt('year'),
    status: t.field({ type: FlowStatus, resolve: (f) => f.status as typeof FlowStatus.$inferType }),
    instrument: t.field({
      type: Instrument,
      resolve: (f) => f.instrument as typeof Instrument.$inferType,
    }),
    program: t.field({
      type: Program,
      nullable: true,
      resolve: (f) => (f.program_id == null ? null : String(f.program_id)),
    }),
    parent: t.field({
      type: Flow,
      nullable: true,
      resolve: (f) => (f.parent_id == null ? null : String(f.parent_id)),
    }),
    note: t.exposeString('note', { nullable: true }),
    citations: citationsOf(t, 'flow_id'),
  }),
});

export const FlowConnection = connectionOf<FlowRow>(Flow, 'FlowConnection');

export const FlowFilter = builder.inputType('FlowFilter', {
  fields: (t) => ({
    year: t.int(),
    status: t.field({ type: FlowStatus }),
    instrument: t.field({ type: Instrument }),
    programId: t.id(),
    sourceId: t.id(),
    targetId: t.id(),
    actorId: t.id({ description: 'Flows with this actor as source or target.' }),
    regionCode: t.string({ description: 'Flows whose source or target lies in this region.' }),
    unit: t.string({ description: '"CNY" for money; other units for resources such as cadres.' }),
  }),
});

export type FlowFilterInput = typeof FlowFilter.$inferInput;

/** The filter as SQL conditions on `flows` (aliased f); unknown ids raise typed errors. */
export async function flowConditions(
  db: Kysely<Database>,
  filter: FlowFilterInput | null | undefined,
) {
  const conditions = [sql<boolean>`true`];
  if (!filter) return conditions;
  if (filter.year != null) conditions.push(sql`f.year = ${validateYear(filter.year)}`);
  if (filter.status != null) conditions.push(sql`f.status = ${filter.status}`);
  if (filter.instrument != null) conditions.push(sql`f.instrument = ${filter.instrument}`);
  if (filter.unit != null) conditions.push(sql`f.unit = ${filter.unit}`);
  if (filter.programId != null) {
    conditions.push(
      sql`f.program_id = ${await existingId(db, 'programs', filter.programId, 'programId')}`,
    );
  }
  if (filter.sourceId != null) {
    conditions.push(
      sql`f.source_id = ${await existingId(db, 'actors', filter.sourceId, 'sourceId')}`,
    );
  }
  if (filter.targetId != null) {
    conditions.push(
      sql`f.target_id = ${await existingId(db, 'actors', filter.targetId, 'targetId')}`,
    );
  }
  if (filter.actorId != null) {
    const id = await existingId(db, 'actors', filter.actorId, 'actorId');
    conditions.push(sql`(f.source_id = ${id} or f.target_id = ${id})`);
  }
  if (filter.regionCode != null) {
    const prefix = `${await existingRegionPrefix(db, filter.regionCode)}%`;
    conditions.push(sql`exists (select 1 from actors a
      where a.id in (f.source_id, f.target_id) and a.region_code like ${prefix})`);
  }
  return conditions;
}

builder.queryField('flows', (t) =>
  t.field({
    type: FlowConnection,
    description: 'Flows matching the filter, by ascending id; `first` from 1 to 100.',
    complexity: pageComplexity,
    args: {
      filter: t.arg({ type: FlowFilter }),
      first: t.arg.int(),
      after: t.arg.string(),
    },
    resolve: async (_root, { filter, first, after }, context, info) => {
      const { db } = context;
      const size = pageSize(first);
      const afterId = decodeCursor(after);
      const where = sql.join(await flowConditions(db, filter), sql` and `);
      const rows = await sql<FlowWithRelations>`select f.* ${relationColumns(info)} from flows f
        where ${where} and f.id > ${afterId ?? 0}
        order by f.id limit ${size + 1}`.execute(db);
      return toConnection(primeRelations(context, rows.rows), size, async () => {
        const counted = await sql<{
          n: number;
        }>`select count(*)::int as n from flows f where ${where}`.execute(db);
        return counted.rows[0]?.n ?? 0;
      });
    },
  }),
);
