import { combineQualifiers } from '@fundtrace/schema/money';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../db/database.js';
import { pause } from './steps.js';
import type { Direction, Qualifier, TraceFlow } from './trace-types.js';
import { toUnits } from './units.js';

/** Rows turned into flows between two turns of the event loop. */
const ROWS_PER_SLICE = 4096;

export interface SubgraphFilter {
  year: number | null;
  statuses: readonly string[] | null;
  unit: string;
}

/** A pair of actors whose pooled flows (no parent, no children) are traced as one. */
export interface PooledPair {
  source: number;
  target: number;
  flowCount: number;
}

export interface Subgraph {
  flows: TraceFlow[];
  /** Keyed by the negative id standing for the pair's pooled flows in `flows`. */
  pooled: Map<number, PooledPair>;
  /** The version of the in-memory flow graph it was cut from; none when loaded by SQL. */
  graphVersion?: number;
}

/** A flow that a pooled pair stands for. */
export interface PooledMember {
  id: number;
  source: number;
  target: number;
  amount: bigint;
}

/** The filter as conditions on flows aliased `alias`. */
export function conditions(alias: string, filter: SubgraphFilter): RawBuilder<boolean> {
  const t = sql.raw(alias);
  return sql<boolean>`${t}.unit = ${filter.unit}
    and (${filter.year}::int is null or ${t}.year = ${filter.year}::int)
    and (${filter.statuses}::text[] is null or ${t}.status = any(${filter.statuses}::text[]))`;
}

/** Flows (aliased f) that take part in an earmark under the filter, or are wanted one by one. */
function earmarked(filter: SubgraphFilter, individually: readonly number[]) {
  // The parents are few: one pass over the parent index, then a hashed lookup per flow.
  return sql`(f.parent_id is not null or f.id = any(${individually}::int[])
    or f.id in (select c.parent_id from flows c where c.parent_id is not null and ${conditions('c', filter)}))`;
}

/** The flows a pooled pair stands for, for the pairs a trace view lists. */
export async function pooledMembers(
  db: Kysely<Database>,
  pairs: readonly PooledPair[],
  filter: SubgraphFilter,
  individually: readonly number[],
): Promise<PooledMember[]> {
  if (pairs.length === 0) return [];
  const { rows } = await sql<{ id: number; source_id: number; target_id: number; amount: string }>`
    select f.id, f.source_id, f.target_id, f.amount::text as amount from flows f
    join unnest(${pairs.map((p) => p.source)}::int[], ${pairs.map((p) => p.target)}::int[]) as p(s, t)
      on f.source_id = p.s and f.target_id = p.t
    where ${conditions('f', filter)} and not ${earmarked(filter, individually)}`.execute(db);
  return rows.map((r) => ({
    id: r.id,
    source: r.source_id,
    target: r.target_id,
    amount: toUnits(r.amount),
  }));
}

/**
 * The actors reachable from `start` within `maxDepth` hops, found over the distinct edges of
 * the flow graph (`flow_edges`), then every flow touching them. Flows that take part in an
 * earmark (a child, or a parent with children) come one by one; all other flows between the
 * same two actors are pooled alike by the tracing rule, so they come summed, one row per pair.
 */
export async function loadSubgraph(
  db: Kysely<Database>,
  start: number,
  direction: Direction,
  maxDepth: number,
  filter: SubgraphFilter,
  /** Flows that must come one by one (a trace that starts from a flow). */
  individually: readonly number[] = [],
  /** How long each statement may run, in place of the pool's statement timeout. */
  statementMs?: number,
): Promise<Subgraph> {
  const run = statementRunner(db, statementMs);
  const from = sql.ref(direction === 'DOWNSTREAM' ? 'e.source_id' : 'e.target_id');
  const to = sql.ref(direction === 'DOWNSTREAM' ? 'e.target_id' : 'e.source_id');
  const reached = await run(sql<{ id: number }>`
    with recursive reach(id, depth) as (
      select ${start}::int, 0
      union
      select ${to}, r.depth + 1 from reach r join flow_edges e on ${from} = r.id
      where r.depth < ${maxDepth} and ${conditions('e', filter)}
    )
    select distinct id from reach`);
  const ids = reached.rows.map((r) => r.id);
  const touching = sql`(f.source_id = any(${ids}::int[]) or f.target_id = any(${ids}::int[]))
    and ${conditions('f', filter)}`;
  const earmark = earmarked(filter, individually);
  const [single, pairs] = await Promise.all([
    run(sql<SingleRow>`
      select f.id, f.source_id, f.target_id, f.amount::text as amount, f.qualifier, f.parent_id
      from flows f where ${touching} and ${earmark}`),
    run(sql<PairRow>`
      select f.source_id, f.target_id, sum(f.amount)::text as amount,
             array_agg(distinct f.qualifier) as qualifiers, count(*)::int as n
      from flows f where ${touching} and not ${earmark}
      group by f.source_id, f.target_id`),
  ]);
  return toSubgraph(single.rows, pairs.rows);
}

/** A flow that takes part in an earmark, loaded one by one. */
interface SingleRow {
  id: number;
  source_id: number;
  target_id: number;
  amount: string;
  qualifier: Qualifier;
  parent_id: number | null;
}

/** The other flows between two actors, summed. */
interface PairRow {
  source_id: number;
  target_id: number;
  amount: string;
  qualifiers: Qualifier[];
  n: number;
}

/**
 * The flows a recorded overlap names that are traced pooled (no parent, no children) under the
 * filter: overlaps are few, so one statement over them.
 */
export async function pooledOverlapFlows(
  db: Kysely<Database>,
  filter: SubgraphFilter,
): Promise<TraceFlow[]> {
  const { rows } = await sql<SingleRow>`
    select distinct f.id, f.source_id, f.target_id, f.amount::text as amount, f.qualifier, f.parent_id
    from flow_overlaps o join flows f on f.id in (o.flow_a_id, o.flow_b_id)
    where f.parent_id is null and ${conditions('f', filter)}
      and not exists (select 1 from flows c where c.parent_id = f.id)
    order by f.id`.execute(db);
  return rows.map((r) => ({
    id: r.id,
    source: r.source_id,
    target: r.target_id,
    amount: toUnits(r.amount),
    qualifier: r.qualifier,
    parent: null,
  }));
}

/** Runs a statement, under its own statement timeout when one is given. */
function statementRunner(db: Kysely<Database>, statementMs: number | undefined) {
  return <T>(query: RawBuilder<T>) =>
    statementMs === undefined
      ? query.execute(db)
      : db.transaction().execute(async (trx) => {
          const ms = String(Math.max(1, Math.ceil(statementMs)));
          await sql`select set_config('statement_timeout', ${ms}, true)`.execute(trx);
          return query.execute(trx);
        });
}

/** The loaded rows as trace flows: earmarked flows one by one, the other pairs pooled. */
async function toSubgraph(
  single: readonly SingleRow[],
  pairs: readonly PairRow[],
): Promise<Subgraph> {
  // A national trace brings a quarter of a million rows: converted in slices, so that other
  // requests go on meanwhile.
  const flows: TraceFlow[] = [];
  for (const [i, r] of single.entries()) {
    if (i % ROWS_PER_SLICE === ROWS_PER_SLICE - 1) await pause();
    flows.push({
      id: r.id,
      source: r.source_id,
      target: r.target_id,
      amount: toUnits(r.amount),
      qualifier: r.qualifier,
      parent: r.parent_id,
    });
  }
  const pooled = new Map<number, PooledPair>();
  for (const [i, r] of pairs.entries()) {
    if (i % ROWS_PER_SLICE === ROWS_PER_SLICE - 1) await pause();
    const id = -(i + 1);
    pooled.set(id, { source: r.source_id, target: r.target_id, flowCount: r.n });
    flows.push({
      id,
      source: r.source_id,
      target: r.target_id,
      amount: toUnits(r.amount),
      qualifier: combineQualifiers(r.qualifiers),
      parent: null,
    });
  }
  return { flows, pooled };
}
