import { type Kysely, sql } from 'kysely';
import { builder } from '../builder.js';
import type { Database } from '../db/database.js';
import { InputError } from '../domain/errors.js';
import { overlapsOf } from '../domain/flow/flow-overlaps.js';
import {
  type FlowGroup,
  groupFlows,
  type RankLargest,
  sourceFor,
  totalsConditions,
} from '../domain/flow/flow-totals.js';
import { MAX_TOTAL_ROWS, tooManyTotalRows } from '../domain/flow/total-rows.js';
import { DIMENSIONS, type Dimension } from '../domain/flow/total-sources.js';
import { decodeGlobalId } from '../domain/records/global-id.js';
import { largestInMemory } from '../trace/largest-groups.js';
import { type InMemory, MEMORY_DIMENSIONS, type MemoryDimension } from '../trace/rank-groups.js';
import { FlowFilter, FlowStatus, Instrument } from './flow.js';
import { MoneyTotals } from './flow-totals.js';
import { Overlap } from './overlap.js';
import { firstComplexity, MAX_PAGE, pageSize } from './pagination.js';
import { Program } from './program.js';
import { Actor, Region } from './refs.js';

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

/** The in-memory ranking of these totals' largest groups, when it can rank them (trace/). */
function inMemoryOf(
  db: Kysely<Database>,
  dims: Dimension[],
  filter: typeof FlowFilter.$inferInput | null | undefined,
): RankLargest | undefined {
  const memory = rankable(dims, filter);
  return memory && ((keys, where, largest) => largestInMemory(db, keys, where, largest, memory));
}

/** The grouping and filter as the in-memory ranking takes them, or undefined. */
function rankable(
  dims: Dimension[],
  filter: typeof FlowFilter.$inferInput | null | undefined,
): InMemory | undefined {
  const { year, status, instrument, unit, programId, ...others } = filter ?? {};
  if (Object.values(others).some((v) => v != null)) return undefined;
  if (!dims.every((d) => (MEMORY_DIMENSIONS as readonly string[]).includes(d))) return undefined;
  return {
    dims: dims as MemoryDimension[],
    filter: {
      year,
      status,
      instrument,
      unit,
      programId: programId == null ? null : decodeGlobalId(String(programId), ['Program']).id,
    },
  };
}

type TotalRowShape = FlowGroup & { dims: Dimension[] };
const key = (r: TotalRowShape, d: Dimension) => {
  const i = r.rest ? -1 : r.dims.indexOf(d);
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
      description:
        'The recorded overlaps among this group’s flows (what lowers its low), by id: the `first` of them, 1 to 100 (100 by default; more is refused); `overlapCount` counts them all.',
      complexity: firstComplexity,
      args: { first: t.arg.int({ defaultValue: MAX_PAGE }) },
      resolve: (r, args) => {
        const first = pageSize(args.first ?? MAX_PAGE);
        return [...overlapsOf(r.overlaps)].sort((a, b) => a.id - b.id).slice(0, first);
      },
    }),
    overlapCount: t.int({
      description: 'The recorded overlaps among this group’s flows, all of them.',
      resolve: (r) => overlapsOf(r.overlaps).length,
    }),
    rest: t.boolean({
      description:
        'True on the one row that sums the groups `largest` left out: its grouped fields are null.',
      resolve: (r) => r.rest === true,
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
    description: `Flow totals grouped by the given dimensions. Qualifiers carry through sums: a total that includes an at-least figure is itself at least. At most ${MAX_TOTAL_ROWS.toLocaleString('en')} rows (MAX_TOTAL_ROWS): with more groups the query fails with TOO_MUCH_WORK, saying what to narrow.`,
    args: {
      groupBy: t.arg({ type: [TotalDimension], required: true }),
      filter: t.arg({ type: FlowFilter }),
      largest: t.arg.int({
        description: `Only the largest groups by public money, at most this many (1 to ${MAX_TOTAL_ROWS.toLocaleString('en')}), and when there are more, one last row (\`rest\`) summing all the others: totals of any size, never TOO_MUCH_WORK.`,
      }),
    },
    resolve: async (_root, { groupBy, filter, largest }, { db, maxTotalRows }) => {
      const dims = [...new Set(groupBy)] as Dimension[];
      if (
        largest != null &&
        (!Number.isInteger(largest) || largest < 1 || largest > maxTotalRows)
      ) {
        throw new InputError(
          `largest must be between 1 and ${maxTotalRows}, got ${largest}`,
          'largest',
        );
      }
      const groups = await groupFlows(
        db,
        dims.map((d) => DIMENSIONS[d]),
        await totalsConditions(db, filter),
        sql``,
        sourceFor({ source: dims.includes('SOURCE'), target: dims.includes('TARGET') }, filter),
        largest != null
          ? { largest }
          : { max: maxTotalRows, tooMany: () => tooManyTotalRows(maxTotalRows, dims, filter) },
        inMemoryOf(db, dims, filter),
      );
      return groups.map((g) => ({ ...g, dims }));
    },
  }),
);
