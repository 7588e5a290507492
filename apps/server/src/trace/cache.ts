import type { Kysely } from 'kysely';
import { LRUCache } from 'lru-cache';
import { anyOf } from '../db/any-of.js';
import { dataVersion } from '../db/data-version.js';
import type { Database } from '../db/database.js';
import {
  computeTrace,
  type TraceComputation,
  type TraceRequest,
  traceBudget,
  withinBudget,
} from './compute.js';
import { traceMembers } from './graph-store.js';
import type { WorkBudget } from './steps.js';
import { type ListedRows, type TraceView, traceView } from './view.js';
import { type Listing, listedPairs, listTrace } from './view-listing.js';

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

function viewSize(v: TraceView): number {
  return (
    1 +
    v.nodes.length +
    v.links.length +
    v.others.length +
    v.outcomes.length +
    v.outcomeTotals.length +
    v.residuals.length +
    v.residualTotals.length
  );
}

function cachesFor(db: Kysely<Database>): Caches {
  let c = caches.get(db);
  if (!c) {
    c = {
      computations: new LRUCache({ maxSize: 4_000_000, sizeCalculation: () => 1 }),
      // sized by the rows a view lists: a national trace's view is far from a county's
      views: new LRUCache({ maxSize: 500_000, sizeCalculation: viewSize }),
    };
    caches.set(db, c);
  }
  return c;
}

async function computation(
  db: Kysely<Database>,
  key: string,
  request: TraceRequest,
  budget: WorkBudget,
) {
  const { computations } = cachesFor(db);
  const hit = computations.get(key);
  if (hit) return hit;
  const pending = computeTrace(db, request, budget);
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

/**
 * A trace's view, from the cache or computed within `timeoutMs`: a trace that would take
 * longer fails with a TooMuchWorkError that says what to narrow.
 */
export async function cachedTraceView(
  db: Kysely<Database>,
  request: TraceRequest,
  limit: number,
  timeoutMs: number,
): Promise<TraceView> {
  const key = `${await dataVersion(db)}|${JSON.stringify(request)}`;
  const { views } = cachesFor(db);
  const viewKey = `${key}|${limit}`;
  const hit = views.get(viewKey);
  if (hit) return hit;
  const budget = traceBudget(request, timeoutMs);
  const computed = await computation(db, key, request, budget);
  const view = await withinBudget(request, budget, () => viewOf(db, computed, limit, budget));
  views.set(viewKey, view);
  return view;
}

/** A computed trace trimmed to `limit` items, with its one read, within the trace's budget. */
export async function viewOf(
  db: Kysely<Database>,
  computed: TraceComputation,
  limit: number,
  budget: WorkBudget,
): Promise<TraceView> {
  const listing = await budget.steps(listTrace(computed, limit));
  return traceView(computed, listing, await loadListed(db, computed, listing));
}

/**
 * The loading phase of a view: the flows behind the pooled pairs it lists, and the rows of the
 * outcomes it lists (a trace reads only what it computes with).
 */
async function loadListed(
  db: Kysely<Database>,
  computed: TraceComputation,
  listing: Listing,
): Promise<ListedRows> {
  const pairs = listedPairs(computed, listing);
  const ids = listing.outcomes.map((o) => o.observation.id);
  const [members, rows] = await Promise.all([
    traceMembers(db, computed.graphVersion, pairs, computed.request, computed.individually),
    ids.length
      ? db.selectFrom('observations').selectAll().where('id', '=', anyOf(ids, 'int')).execute()
      : [],
  ]);
  return { members, observations: new Map(rows.map((o) => [o.id, o])) };
}
