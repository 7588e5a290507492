import type { Kysely } from 'kysely';
import { LRUCache } from 'lru-cache';
import type { Database } from '../db/database.js';
import { computeTrace, type TraceComputation, type TraceRequest } from './compute.js';
import { pooledMembers } from './load-subgraph.js';
import { type TraceView, traceView } from './view.js';

/**
 * Computed traces and their trimmed views, per database, keyed by the request and the data
 * version that every write bumps: a cached trace is served only while nothing it depends on has
 * changed. Concurrent identical requests share one computation. Computations are sized by the
 * flows and actors they hold; views are small.
 */
interface Caches {
  computations: LRUCache<string, Promise<TraceComputation>>;
  views: LRUCache<string, TraceView>;
}
const caches = new WeakMap<Kysely<Database>, Caches>();

function cachesFor(db: Kysely<Database>): Caches {
  let c = caches.get(db);
  if (!c) {
    c = {
      computations: new LRUCache({ maxSize: 4_000_000, sizeCalculation: () => 1 }),
      views: new LRUCache({ max: 500 }),
    };
    caches.set(db, c);
  }
  return c;
}

export async function dataVersion(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('data_version')
    .select('version')
    .where('id', '=', 1)
    .executeTakeFirst();
  return Number(row?.version ?? 0);
}

async function computation(db: Kysely<Database>, key: string, request: TraceRequest) {
  const { computations } = cachesFor(db);
  const hit = computations.get(key);
  if (hit) return hit;
  const pending = computeTrace(db, request);
  computations.set(key, pending);
  try {
    const computed = await pending;
    computations.set(key, pending, { size: 1 + computed.flows.size + computed.result.nodes.size });
    return computed;
  } catch (error) {
    computations.delete(key);
    throw error;
  }
}

export async function cachedTraceView(
  db: Kysely<Database>,
  request: TraceRequest,
  limit: number,
): Promise<TraceView> {
  const key = `${await dataVersion(db)}|${JSON.stringify(request)}`;
  const { views } = cachesFor(db);
  const viewKey = `${key}|${limit}`;
  const hit = views.get(viewKey);
  if (hit) return hit;
  const computed = await computation(db, key, request);
  const view = await traceView(computed, limit, (pairs) =>
    pooledMembers(db, pairs, request, computed.individually),
  );
  views.set(viewKey, view);
  return view;
}
