import { type Amount, sumAmounts } from '@fundtrace/schema/money';
import { sql } from 'kysely';
import { builder } from '../builder.js';
import { Actor } from './actor.js';
import { FlowFilter, FlowStatus, flowConditions, Instrument } from './flow.js';
import { Money, toAmount } from './money.js';
import { Program } from './program.js';
import { Region } from './region.js';

const DIMENSIONS = {
  YEAR: sql`f.year::text`,
  PROGRAM: sql`f.program_id::text`,
  SOURCE: sql`f.source_id::text`,
  TARGET: sql`f.target_id::text`,
  REGION: sql`(select a.region_code from actors a where a.id = f.target_id)`,
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

/**
 * Which total a flow counts towards. Public money leaves out loan principal, leveraged money and
 * planned amounts; resources that are not money (cadres) are never summed with money.
 */
const BUCKET = sql<string>`case
  when f.unit <> 'CNY' then 'UNIT:' || f.unit
  when f.status = 'PLANNED' then 'PLANNED'
  when f.instrument = 'LOAN' then 'LOAN'
  when f.instrument = 'LEVERAGED' then 'LEVERAGED'
  else 'PUBLIC' end`;

interface Total {
  keys: Partial<Record<Dimension, string | null>>;
  buckets: Map<string, Amount[]>;
  flowCount: number;
}

const sum = (total: Total, bucket: string) => sumAmounts(total.buckets.get(bucket) ?? []);

const TotalRow = builder.objectRef<Total>('TotalRow').implement({
  description: 'Totals of one group of flows. Only `publicMoney` is public money.',
  fields: (t) => ({
    year: t.int({ nullable: true, resolve: (r) => (r.keys.YEAR ? Number(r.keys.YEAR) : null) }),
    program: t.field({ type: Program, nullable: true, resolve: (r) => r.keys.PROGRAM ?? null }),
    source: t.field({ type: Actor, nullable: true, resolve: (r) => r.keys.SOURCE ?? null }),
    target: t.field({ type: Actor, nullable: true, resolve: (r) => r.keys.TARGET ?? null }),
    region: t.field({ type: Region, nullable: true, resolve: (r) => r.keys.REGION ?? null }),
    instrument: t.field({
      type: Instrument,
      nullable: true,
      resolve: (r) => (r.keys.INSTRUMENT ?? null) as typeof Instrument.$inferType | null,
    }),
    status: t.field({
      type: FlowStatus,
      nullable: true,
      resolve: (r) => (r.keys.STATUS ?? null) as typeof FlowStatus.$inferType | null,
    }),
    unit: t.string({ nullable: true, resolve: (r) => r.keys.UNIT ?? null }),
    publicMoney: t.field({
      type: Money,
      description:
        'Committed, disbursed and spent public money: no loans, leveraged or planned money.',
      resolve: (r) => sum(r, 'PUBLIC'),
    }),
    loanPrincipal: t.field({ type: Money, resolve: (r) => sum(r, 'LOAN') }),
    leveraged: t.field({ type: Money, resolve: (r) => sum(r, 'LEVERAGED') }),
    planned: t.field({
      type: Money,
      description: 'Planned money, listed but not counted.',
      resolve: (r) => sum(r, 'PLANNED'),
    }),
    otherResources: t.field({
      type: [Money],
      description: 'Resources that are not money (cadres sent), one total per unit.',
      resolve: (r) =>
        [...r.buckets.keys()]
          .filter((b) => b.startsWith('UNIT:'))
          .sort()
          .map((b) => sumAmounts(r.buckets.get(b) ?? [], b.slice(5))),
    }),
    flowCount: t.exposeInt('flowCount'),
  }),
});

interface AggregateRow {
  keys: (string | null)[];
  bucket: string;
  qualifier: string;
  unit: string;
  amount: string;
  low: string | null;
  high: string | null;
  n: number;
}

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
      const keyExprs = dims.map((d) => DIMENSIONS[d]);
      const keys = keyExprs.length ? sql`array[${sql.join(keyExprs)}]` : sql`array[]::text[]`;
      const where = sql.join(await flowConditions(db, filter), sql` and `);
      // Sums per group, bucket and qualifier in SQL; qualifiers then combine exactly in TypeScript.
      const { rows } = await sql<AggregateRow>`
        select ${keys} as keys, ${BUCKET} as bucket, f.qualifier, f.unit,
               sum(f.amount)::text as amount, sum(f.low)::text as low, sum(f.high)::text as high,
               count(*)::int as n
        from flows f where ${where}
        group by 1, 2, 3, 4 order by 1, 2, 3`.execute(db);
      const groups = new Map<string, Total>();
      for (const row of rows) {
        const id = JSON.stringify(row.keys);
        let total = groups.get(id);
        if (!total) {
          total = {
            keys: Object.fromEntries(dims.map((d, i) => [d, row.keys[i] ?? null])),
            buckets: new Map(),
            flowCount: 0,
          };
          groups.set(id, total);
        }
        total.flowCount += row.n;
        const list = total.buckets.get(row.bucket) ?? [];
        list.push(toAmount(row));
        total.buckets.set(row.bucket, list);
      }
      return [...groups.values()];
    },
  }),
);
