import { type Amount, sumAmounts } from '@fundtrace/schema/money';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { builder } from '../builder.js';
import type { Database } from '../db/database.js';
import { Money, toAmount } from './money.js';

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

/**
 * The join through which a grouping by region reads the target actor's region (`ta`): a hash
 * join, where a subquery per flow cost 4× as much over a national year of flows.
 */
export const TARGET_ACTOR_JOIN = sql`left join actors ta on ta.id = f.target_id`;

/** One group of flows with its amounts per bucket, to be summed exactly with their qualifiers. */
export interface FlowGroup {
  keys: (string | null)[];
  buckets: Map<string, Amount[]>;
  flowCount: number;
}

/**
 * Groups the flows (aliased f) matching `where` by `keys`, summing amounts per group, bucket,
 * qualifier and presence of bounds in SQL (so that no sum mixes bounded and unbounded rows);
 * qualifiers and bounds then combine exactly in TypeScript.
 */
export async function groupFlows(
  db: Kysely<Database>,
  keys: RawBuilder<unknown>[],
  where: RawBuilder<unknown>,
  join: RawBuilder<unknown> = sql``,
): Promise<FlowGroup[]> {
  const keyArray = keys.length ? sql`array[${sql.join(keys)}]::text[]` : sql`array[]::text[]`;
  const { rows } = await sql<{
    keys: (string | null)[];
    bucket: string;
    qualifier: string;
    unit: string;
    amount: string;
    low: string | null;
    high: string | null;
    n: number;
  }>`
    select ${keyArray} as keys, ${BUCKET} as bucket, f.qualifier, f.unit,
           sum(f.amount)::text as amount, sum(f.low)::text as low, sum(f.high)::text as high,
           count(*)::int as n
    from flows f ${join} where ${where}
    group by 1, 2, 3, 4, f.low is null, f.high is null order by 1, 2, 3`.execute(db);
  const groups = new Map<string, FlowGroup>();
  for (const row of rows) {
    const id = JSON.stringify(row.keys);
    let group = groups.get(id);
    if (!group) {
      group = { keys: row.keys, buckets: new Map(), flowCount: 0 };
      groups.set(id, group);
    }
    group.flowCount += row.n;
    const list = group.buckets.get(row.bucket) ?? [];
    list.push(toAmount(row));
    group.buckets.set(row.bucket, list);
  }
  return [...groups.values()];
}

export const emptyGroup = (keys: (string | null)[] = []): FlowGroup => ({
  keys,
  buckets: new Map(),
  flowCount: 0,
});

export const bucketSum = (group: FlowGroup, bucket: string) =>
  sumAmounts(group.buckets.get(bucket) ?? []);

/** The money fields of every kind of total, implemented once. */
export const MoneyTotals = builder.interfaceRef<FlowGroup>('MoneyTotals').implement({
  description: 'Totals of a set of flows. Only `publicMoney` is public money.',
  fields: (t) => ({
    publicMoney: t.field({
      type: Money,
      description:
        'Committed, disbursed and spent public money: no loans, leveraged or planned money.',
      resolve: (g) => bucketSum(g, 'PUBLIC'),
    }),
    loanPrincipal: t.field({ type: Money, resolve: (g) => bucketSum(g, 'LOAN') }),
    leveraged: t.field({ type: Money, resolve: (g) => bucketSum(g, 'LEVERAGED') }),
    planned: t.field({
      type: Money,
      description: 'Planned money, listed but not counted.',
      resolve: (g) => bucketSum(g, 'PLANNED'),
    }),
    otherResources: t.field({
      type: [Money],
      description: 'Resources that are not money (cadres sent), one total per unit.',
      resolve: (g) =>
        [...g.buckets.keys()]
          .filter((b) => b.startsWith('UNIT:'))
          .sort()
          .map((b) => sumAmounts(g.buckets.get(b) ?? [], b.slice(5))),
    }),
    flowCount: t.int({ resolve: (g) => g.flowCount }),
  }),
});

export const FlowTotals = builder.objectRef<FlowGroup>('FlowTotals').implement({
  description: 'Totals of a set of flows.',
  interfaces: [MoneyTotals],
  isTypeOf: () => true,
});
