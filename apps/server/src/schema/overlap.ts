import { CNY, decimal } from '@fundtrace/schema/money';
import { sql } from 'kysely';
import { builder } from '../builder.js';
import { flowConditions } from '../domain/flow/flow.queries.js';
import {
  type OverlapShape,
  overlapsByIds,
  overlapsPage,
  overlapsTouching,
} from '../domain/overlap/overlap.queries.js';
import { FlowFilter } from './flow.js';
import { Money } from './money.js';
import { connectionOf, keysetPage, pageComplexity } from './pagination.js';
import { citationsOf, Flow, notesOf } from './refs.js';

const exactMoney = (value: string, unit: string | null) => ({
  value: decimal(value),
  qualifier: 'EXACT' as const,
  low: null,
  high: null,
  unit: unit ?? CNY,
});

export const OverlapCertainty = builder.enumType('OverlapCertainty', {
  values: {
    STATED: {
      description:
        'A source says so: one flow includes the other, or a total it states for both is less than their sum.',
    },
    PROBABLE: { description: 'Most likely shared money, though no source says so.' },
    POSSIBLE: { description: 'May share money.' },
  } as const,
});

export const Overlap = builder.loadableNodeRef('Overlap', {
  id: { resolve: (o: OverlapShape) => o.id },
  load: (ids: string[], ctx) => overlapsByIds(ctx.db, ids),
  sort: (o) => String(o.id),
});

Overlap.implement({
  description:
    'Two flows that may share money: totals that sum both give the least they can be (Money.low).',
  fields: (t) => ({
    key: t.exposeString('key'),
    flows: t.field({
      type: [Flow],
      resolve: (o) => [String(o.flow_a_id), String(o.flow_b_id)],
    }),
    certainty: t.field({
      type: OverlapCertainty,
      resolve: (o) => o.certainty,
    }),
    maxShared: t.field({
      type: Money,
      description: "The most the two can share: a stated figure, else the smaller flow's amount.",
      resolve: (o) => exactMoney(o.shared, o.unit),
    }),
    statedTotal: t.field({
      type: Money,
      nullable: true,
      description:
        'A total a source states for the two flows together (often another document than theirs).',
      resolve: (o) => (o.stated_total === null ? null : exactMoney(o.stated_total, o.unit)),
    }),
    minShared: t.field({
      type: Money,
      nullable: true,
      description:
        'The least the two share when a total is stated for both: their sum minus it. Totals summing both are at most their plain sum minus this (Money.high).',
      resolve: (o) => (o.leastShared === null ? null : exactMoney(o.leastShared, o.unit)),
    }),
    ...notesOf(t),
    citations: citationsOf(t, 'overlap_id'),
  }),
});

export const OverlapConnection = connectionOf<OverlapShape>(Overlap, 'OverlapConnection');

builder.queryField('overlaps', (t) =>
  t.field({
    type: OverlapConnection,
    description: 'Recorded overlaps having at least one flow that matches the filter.',
    complexity: pageComplexity,
    args: { filter: t.arg({ type: FlowFilter }), first: t.arg.int(), after: t.arg.string() },
    resolve: (_root, { filter, ...args }, { db }) =>
      keysetPage(args, async (after, limit) => {
        const where = sql.join(await flowConditions(db, filter), sql` and `);
        return overlapsPage(db, where, after, limit);
      }),
  }),
);

builder.objectField(Flow, 'overlaps', (t) =>
  t.loadableList({
    type: Overlap,
    description: 'Recorded overlaps this flow takes part in.',
    // one statement for every flow of a page
    load: async (ids: number[], { db }) => {
      const rows = await overlapsTouching(db, ids);
      return ids.map((id) => rows.filter((o) => o.flow_a_id === id || o.flow_b_id === id));
    },
    resolve: (f) => f.id,
  }),
);
