import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../db/database.js';
import type { Direction, Qualifier, TraceFlow } from './propagate.js';

export interface SubgraphFilter {
  year: number | null;
  statuses: readonly string[] | null;
  unit: string;
}

function conditions(filter: SubgraphFilter): RawBuilder<boolean> {
  return sql<boolean>`f.unit = ${filter.unit}
    and (${filter.year}::int is null or f.year = ${filter.year}::int)
    and (${filter.statuses}::text[] is null or f.status = any(${filter.statuses}::text[]))`;
}

/** Decimal text (numeric(24,4)) → integer base units of 1e-4. */
export function toUnits(text: string): bigint {
  const negative = text.startsWith('-');
  const [int = '0', frac = ''] = (negative ? text.slice(1) : text).split('.');
  const units = BigInt(int) * 10_000n + BigInt(frac.slice(0, 4).padEnd(4, '0'));
  return negative ? -units : units;
}

/**
 * The actors reachable from `start` within `maxDepth` hops, found by a recursive query that
 * keeps one row per (actor, depth), then every flow touching them: their onward flows and,
 * for the pool denominators, all their inflows and outflows.
 */
export async function loadSubgraph(
  db: Kysely<Database>,
  start: number,
  direction: Direction,
  maxDepth: number,
  filter: SubgraphFilter,
): Promise<TraceFlow[]> {
  const from = sql.ref(direction === 'DOWNSTREAM' ? 'f.source_id' : 'f.target_id');
  const to = sql.ref(direction === 'DOWNSTREAM' ? 'f.target_id' : 'f.source_id');
  const where = conditions(filter);
  const { rows } = await sql<{
    id: number;
    source_id: number;
    target_id: number;
    amount: string;
    qualifier: Qualifier;
    parent_id: number | null;
  }>`
    with recursive reach(id, depth) as (
      select ${start}::int, 0
      union
      select ${to}, r.depth + 1 from reach r join flows f on ${from} = r.id
      where r.depth < ${maxDepth} and ${where}
    ), actors as (select distinct id from reach)
    select f.id, f.source_id, f.target_id, f.amount::text as amount, f.qualifier, f.parent_id
    from flows f
    where (f.source_id in (select id from actors) or f.target_id in (select id from actors))
      and ${where}
    order by f.id`.execute(db);
  return rows.map((r) => ({
    id: r.id,
    source: r.source_id,
    target: r.target_id,
    amount: toUnits(r.amount),
    qualifier: r.qualifier,
    parent: r.parent_id,
  }));
}
