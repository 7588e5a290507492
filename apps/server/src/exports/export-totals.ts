import { amountToStrings } from '@fundtrace/schema/money';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../db/database.js';
import { bucketSum, type GroupLimit, groupFlows } from '../domain/flow/flow-totals.js';
import { DIMENSIONS } from '../domain/flow/total-sources.js';
import { BOM, csvLine, type ExportFormat } from './export-format.js';

/** The API's dimensions (total-sources.ts), with programs and actors named by their keys. */
export const TOTAL_DIMENSIONS = {
  ...DIMENSIONS,
  PROGRAM: sql`(select p.key from programs p where p.id = f.program_id)`,
  SOURCE: sql`(select a.key from actors a where a.id = f.source_id)`,
  TARGET: sql`(select a.key from actors a where a.id = f.target_id)`,
} as const;
export type TotalDimension = keyof typeof TOTAL_DIMENSIONS;

const BUCKETS = [
  ['public_money', 'PUBLIC'],
  ['loan_principal', 'LOAN'],
  ['leveraged', 'LEVERAGED'],
  ['planned', 'PLANNED'],
] as const;

/**
 * Totals by the chosen dimensions: each money bucket with its value, qualifier and bounds. At
 * most `max` groups, as in the API: with more, TOO_MUCH_WORK names what to narrow, before any
 * group is built.
 */
export async function* totals(
  db: Kysely<Database>,
  format: ExportFormat,
  where: RawBuilder<unknown>,
  groupBy: TotalDimension[],
  limit: GroupLimit,
): AsyncGenerator<string> {
  const groups = await groupFlows(
    db,
    groupBy.map((d) => TOTAL_DIMENSIONS[d]),
    where,
    sql``,
    'flows',
    limit,
  );
  const bucketColumns = BUCKETS.flatMap(([name]) =>
    ['value', 'qualifier', 'low', 'high'].map((part) => `${name}_${part}`),
  );
  const columns = [
    ...groupBy.map((d) => d.toLowerCase()),
    ...bucketColumns,
    'currency',
    'flow_count',
  ];
  const records = groups.map((g) => {
    const sums = BUCKETS.map(
      ([name, bucket]) => [name, amountToStrings(bucketSum(g, bucket))] as const,
    );
    return { keys: g.keys, sums, flowCount: g.flowCount };
  });
  if (format === 'csv') {
    let out = BOM + csvLine(columns);
    for (const r of records) {
      out += csvLine([
        ...r.keys,
        ...r.sums.flatMap(([, s]) => [s.value, s.qualifier, s.low, s.high]),
        'CNY',
        r.flowCount,
      ]);
    }
    yield out;
    return;
  }
  yield `${JSON.stringify(
    records.map((r) => ({
      ...Object.fromEntries(groupBy.map((d, i) => [d.toLowerCase(), r.keys[i] ?? null])),
      ...Object.fromEntries(r.sums.map(([name, s]) => [name, { ...s, currency: 'CNY' }])),
      flowCount: r.flowCount,
    })),
    null,
    1,
  )}\n`;
}
