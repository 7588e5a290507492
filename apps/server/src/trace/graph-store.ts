import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/database.js';
import type { Columns, GraphRow } from './flow-columns.js';
import { FlowGraph } from './flow-graph.js';
import {
  loadSubgraph,
  type PooledMember,
  type PooledPair,
  pooledMembers,
  type Subgraph,
  type SubgraphFilter,
} from './load-subgraph.js';
import type { Direction } from './trace-types.js';

/** Rows read per statement while the graph loads. */
const PAGE = 20_000;
/** Below this many flows a trace waits for the graph to load; above, SQL answers meanwhile. */
const WAIT_BELOW = 200_000;
/** Past this many flows no graph is kept (memory), and every trace loads its subgraph by SQL. */
export const DEFAULT_GRAPH_MAX_FLOWS = 20_000_000;

interface Store {
  maxFlows: number;
  current?: { version: number; graph: FlowGraph };
  loading?: { version: number; graph: Promise<FlowGraph | null> };
  /** Why the last load kept no graph: more flows than allowed, or an error. */
  refused?: 'too-many' | 'failed';
}
const stores = new WeakMap<Kysely<Database>, Store>();

function storeOf(db: Kysely<Database>): Store {
  let store = stores.get(db);
  if (!store) {
    store = { maxFlows: DEFAULT_GRAPH_MAX_FLOWS };
    stores.set(db, store);
  }
  return store;
}

/** How many flows a graph may hold for this database (TRACE_GRAPH_MAX_FLOWS; 0: no graph). */
export function limitTraceGraph(db: Kysely<Database>, maxFlows: number) {
  storeOf(db).maxFlows = maxFlows;
}

/** The version of the flows table, which every write to it bumps (see data_scopes). */
export async function flowsVersion(db: Kysely<Database>): Promise<number> {
  const { rows } = await sql<{ version: string }>`
    select version from data_scopes where scope = 'flows'`.execute(db);
  return Number(rows[0]?.version ?? 0);
}

/**
 * Every flow, read in pages inside one repeatable-read transaction together with the version,
 * so the graph is exactly the flows of that version. Null when there are more than allowed.
 */
async function load(db: Kysely<Database>, maxFlows: number) {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const version = await flowsVersion(trx);
      const columns = FlowGraph.columns();
      for (let after = 0; ; ) {
        const { rows } = await sql<GraphRow>`
          select id, source_id, target_id, year, status, instrument, program_id, unit, qualifier,
                 amount::text as amount, parent_id
          from flows where id > ${after} order by id limit ${PAGE}`.execute(trx);
        for (const r of rows) columns.add(r);
        if (columns.length > maxFlows) return null;
        if (rows.length < PAGE) break;
        after = (rows.at(-1) as GraphRow).id;
      }
      return { version, graph: await FlowGraph.build(columns) };
    });
}

/** Starts loading the graph of the given version, unless that is already under way. */
function startLoading(db: Kysely<Database>, store: Store, version: number) {
  if (store.loading?.version === version) return store.loading.graph;
  const graph = load(db, store.maxFlows).then(
    (loaded) => {
      if (loaded) store.current = loaded;
      store.refused = loaded ? undefined : 'too-many';
      if (store.loading?.graph === graph) store.loading = undefined;
      return loaded && loaded.version === version ? loaded.graph : null;
    },
    () => {
      if (store.loading?.graph === graph) store.loading = undefined;
      store.refused = 'failed';
      return null;
    },
  );
  store.loading = { version, graph };
  return graph;
}

/**
 * The graph of the flows as they are now, or null when it is not ready: a small one is waited
 * for, a large one loads in the background while SQL answers.
 */
async function currentGraph(
  db: Kysely<Database>,
): Promise<{ version: number; graph: FlowGraph } | null> {
  const store = storeOf(db);
  if (store.maxFlows <= 0) return null;
  const version = await flowsVersion(db);
  if (store.current?.version === version) return store.current;
  const loading = startLoading(db, store, version);
  const flows = store.current?.graph.size ?? (await estimatedFlows(db));
  if (flows > WAIT_BELOW) return null;
  const graph = await loading;
  return graph ? { version, graph } : null;
}

/**
 * What /readyz says of the in-memory flows: loaded (how many; a newer version may be loading),
 * loading, kept off, or not kept (too many flows, or the load failed; tried again on a write).
 */
export function flowGraphState(db: Kysely<Database>) {
  const store = storeOf(db);
  if (store.maxFlows <= 0) return { flowGraph: 'off' as const };
  if (store.current) return { flowGraph: 'loaded' as const, flows: store.current.graph.size };
  if (store.loading) return { flowGraph: 'loading' as const };
  return { flowGraph: store.refused ?? ('none' as const) };
}

/** The in-memory columns of every flow as they are now, with their version; null when not ready. */
export async function currentFlowColumns(
  db: Kysely<Database>,
): Promise<{ version: number; columns: Columns } | null> {
  const current = await currentGraph(db);
  return current && { version: current.version, columns: current.graph.c };
}

/** PostgreSQL's estimate of the number of flows, a row count (a count where it has none yet). */
async function estimatedFlows(db: Kysely<Database>): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select reltuples::bigint as n from pg_class where oid = 'flows'::regclass`.execute(db);
  const n = Number(rows[0]?.n ?? -1);
  if (n >= 0) return n;
  const counted = await sql<{ n: number }>`select count(*)::int as n from flows`.execute(db);
  return counted.rows[0]?.n ?? 0;
}

/** Loads the graph ahead of the first trace (on start). */
export async function warmTraceGraph(db: Kysely<Database>): Promise<void> {
  const store = storeOf(db);
  if (store.maxFlows > 0) await startLoading(db, store, await flowsVersion(db));
}

/**
 * A trace's subgraph: cut out of the in-memory graph of every flow when it holds the current
 * data version, else loaded by SQL (`loadSubgraph`). Both give the same flows.
 */
export async function traceSubgraph(
  db: Kysely<Database>,
  start: number,
  direction: Direction,
  maxDepth: number,
  filter: SubgraphFilter,
  individually: readonly number[],
  statementMs?: number,
): Promise<Subgraph> {
  const current = await currentGraph(db);
  if (current) {
    const cut = await current.graph.subgraph(start, direction, maxDepth, filter, individually);
    return { ...cut, graphVersion: current.version };
  }
  return loadSubgraph(db, start, direction, maxDepth, filter, individually, statementMs);
}

/**
 * The flows behind some pooled pairs of a subgraph: from the graph it was cut from while that is
 * still the current one, else read by SQL. Both give the same flows.
 */
export function traceMembers(
  db: Kysely<Database>,
  graphVersion: number | undefined,
  pairs: readonly PooledPair[],
  filter: SubgraphFilter,
  individually: readonly number[],
): Promise<PooledMember[]> {
  const current = storeOf(db).current;
  if (pairs.length > 0 && current && current.version === graphVersion) {
    return Promise.resolve(current.graph.members(pairs, filter, individually));
  }
  return pooledMembers(db, pairs, filter, individually);
}
