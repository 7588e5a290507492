import { sql } from 'kysely';
import { builder } from '../builder.js';
import type { FlowRow } from '../db/database.js';
import { flowFilterSql } from '../domain/flow/flow.queries.js';
import { FLOW_STATUSES, INSTRUMENTS } from '../domain/flow/flow.rules.js';
import { amountFromColumns } from '../domain/money/amount-columns.js';
import {
  type FlowWithRelations,
  primeRelations,
  relationColumns,
  withChecks,
} from './flow-relations.js';
import { inferredOf } from './inference.js';
import { Money } from './money.js';
import {
  connectionOf,
  decodeCursor,
  pageComplexity,
  pageSize,
  toConnection,
} from './pagination.js';
import { Program } from './program.js';
import { Actor, citationsOf, Flow, notesOf } from './refs.js';

/** A flow row with the relations its page fetched in its own statement, where it did. */
const fetched = (f: FlowRow) => f as FlowWithRelations;

export const FlowStatus = builder.enumType('FlowStatus', { values: FLOW_STATUSES });
export const Instrument = builder.enumType('Instrument', { values: INSTRUMENTS });

Flow.implement({
  description: 'Money (or another resource) moving from a source actor to a target actor.',
  fields: (t) => ({
    source: t.field({ type: Actor, resolve: (f) => fetched(f)._source ?? String(f.source_id) }),
    target: t.field({ type: Actor, resolve: (f) => fetched(f)._target ?? String(f.target_id) }),
    amount: t.field({ type: Money, resolve: (f) => amountFromColumns(f) }),
    year: t.exposeInt('year'),
    status: t.field({ type: FlowStatus, resolve: (f) => f.status as typeof FlowStatus.$inferType }),
    instrument: t.field({
      type: Instrument,
      resolve: (f) => f.instrument as typeof Instrument.$inferType,
    }),
    program: t.field({
      type: Program,
      nullable: true,
      resolve: (f) => (f.program_id == null ? null : (fetched(f)._program ?? String(f.program_id))),
    }),
    parent: t.field({
      type: Flow,
      nullable: true,
      resolve: (f) => (f.parent_id == null ? null : String(f.parent_id)),
    }),
    ...notesOf(t),
    inferred: inferredOf(t),
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
      const { conditions, checks } = await flowFilterSql(db, filter);
      const where = sql.join(conditions, sql` and `);
      const page = sql`select f.* ${relationColumns(info)} from flows f
        where ${where} and f.id > ${afterId ?? 0} order by f.id limit ${size + 1}`;
      // The filter's ids are checked in the page's own statement: one round trip, not two.
      const rows = checks.length
        ? await withChecks(db, checks, page)
        : (await sql<FlowWithRelations>`${page}`.execute(db)).rows;
      return toConnection(primeRelations(context, rows), size, async () => {
        const counted = await sql<{
          n: number;
        }>`select count(*)::int as n from flows f where ${where}`.execute(db);
        return counted.rows[0]?.n ?? 0;
      });
    },
  }),
);
