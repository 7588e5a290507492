import { sql } from 'kysely';
import { builder } from '../builder.js';
import { overlapsOf } from '../domain/flow/flow-overlaps.js';
import {
  type FlowGroup,
  groupFlows,
  sourceFor,
  totalsConditions,
} from '../domain/flow/flow-totals.js';
import { FlowFilter, FlowStatus, Instrument } from './flow.js';
import { MoneyTotals } from './flow-totals.js';
import { Overlap } from './overlap.js';
import { Program } from './program.js';
import { Actor, Region } from './refs.js';

const DIMENSIONS = {
  YEAR: sql`f.year::text`,
  PROGRAM: sql`f.program_id::text`,
  SOURCE: sql`f.source_id::text`,
  TARGET: sql`f.target_id::text`,
  REGION: sql`f.target_region`,
  INSTRUMENT: sql`f.instrument`,
  STATUS: sql`f.status`,
  UNIT: sql`f.unit`,
} as const;
type Dimension = keyof typeof DIMENSIONS;

export const TotalDimension = builder.enumType('TotalDimension', {
  values: {
    YEAR: {},
    PROGRAM: {},
    SOURCE: {},
    TARGET: {},
    REGION: { description: "The target actor's region." },
    INSTRUMENT: {},
    STATUS: {},
    UNIT: {},
  } as const,
});

type TotalRowShape = FlowGroup & { dims: Dimension[] };
const key = (r: TotalRowShape, d: Dimension) => {
  const i = r.dims.indexOf(d);
  return i < 0 ? null : (r.keys[i] ?? null);
};

const TotalRow = builder.objectRef<TotalRowShape>('TotalRow').implement({
  description: 'Totals of one group of flows. Only `publicMoney` is public money.',
  interfaces: [MoneyTotals],
  isTypeOf: () => true,
  fields: (t) => ({
    year: t.int({
      nullable: true,
      resolve: (r) => (key(r, 'YEAR') ? Number(key(r, 'YEAR')) : null),
    }),
    program: t.field({ type: Program, nullable: true, resolve: (r) => key(r, 'PROGRAM') }),
    source: t.field({ type: Actor, nullable: true, resolve: (r) => key(r, 'SOURCE') }),
    target: t.field({ type: Actor, nullable: true, resolve: (r) => key(r, 'TARGET') }),
    region: t.field({ type: Region, nullable: true, resolve: (r) => key(r, 'REGION') }),
    instrument: t.field({
      type: Instrument,
      nullable: true,
      resolve: (r) => key(r, 'INSTRUMENT') as typeof Instrument.$inferType | null,
    }),
    status: t.field({
      type: FlowStatus,
      nullable: true,
      resolve: (r) => key(r, 'STATUS') as typeof FlowStatus.$inferType | null,
    }),
    unit: t.string({ nullable: true, resolve: (r) => key(r, 'UNIT') }),
    overlaps: t.field({
      type: [Overlap],
      description: 'The recorded overlaps among this group’s flows: what lowers its low.',
      resolve: (r) => overlapsOf(r.overlaps),
    }),
    overlappingFlowCount: t.int({
      description: 'Flows of this group that take part in a recorded overlap (with any flow).',
      resolve: (r) =>
        new Set([...(r.overlaps?.amounts.values() ?? [])].flatMap((m) => [...m.keys()])).size,
    }),
  }),
});

builder.queryField('totals', (t) =>
  t.field({
    type: [TotalRow],
    description:
      'Flow totals grouped by the given dimensions. Qualifiers carry through sums: a total that includes an at-least figure is itself at least.',
    args: {
      groupBy: t.arg({ type: [TotalDimension], required: true }),
      filter: t.arg({ type: FlowFilter }),
    },
    resolve: async (_root, { groupBy, filter }, { db }) => {
      const dims = [...new Set(groupBy)] as Dimension[];
      const groups = await groupFlows(
        db,
        dims.map((d) => DIMENSIONS[d]),
        await totalsConditions(db, filter),
        sql``,
        sourceFor({ source: dims.includes('SOURCE'), target: dims.includes('TARGET') }, filter),
      );
      return groups.map((g) => ({ ...g, dims }));
    },
  }),
);
