import { type DocumentNode, getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Kysely } from 'kysely';
import { LRUCache } from 'lru-cache';
import { Counter, type Registry } from 'prom-client';
import type { Database } from '../db/database.js';
import { operationCost } from '../rate-limit.js';
import { type DataVersions, dataVersions } from './data-version.js';

/**
 * Whole responses to read queries, cached per data version: the same query text, variables and
 * operation name get the same bytes until any write bumps the version (data-version.ts). Written
 * here rather than taken from @graphql-yoga/plugin-response-cache because that plugin
 * invalidates by entity type and id, or by TTL, while our reads (totals, traces, searches) depend
 * on more than the entities they return; one global version is exact and needs no bookkeeping.
 *
 * - Requests with an Authorization header are never cached (reads are public; this keeps any
 *   token-dependent answer out for sure), nor responses with errors, nor subscriptions.
 * - A hit for an ordinary query is answered before parsing (onParams), as yoga's own cache
 *   does. A hit for an operation the rate limiter counts (trace, totals, writes) is answered in
 *   onExecute, after the limiter has counted it, so limits mean the same with the cache.
 * - A mutation through this server forgets the version at once, without waiting for the NOTIFY.
 *
 * RESPONSE_CACHE=off turns it off (to measure the uncached path). With a metrics registry it
 * counts reads by outcome (`fundtrace_response_cache_total{result}`): hit, miss (executed and
 * kept), bypass (not cacheable: a token, a long query, errors).
 */
interface Entry {
  version: number;
  /** Counted by the rate limiter: served only after it. */
  limited: boolean;
  json: string;
  data: Record<string, unknown> | null | undefined;
}

interface Pending {
  key: string;
  version: number;
}

const MAX_QUERY = 20_000;
const MAX_BYTES = 64 * 1024 * 1024;

const cachedResult = (entry: Entry) => ({ data: entry.data, stringify: () => entry.json });

function isMutation(document: DocumentNode, operationName?: string | null) {
  return getOperationAST(document, operationName ?? undefined)?.operation !== 'query';
}

type Outcome = 'hit' | 'miss' | 'bypass';

/** Counts the outcomes of read queries in `registry`, or nowhere; each series starts at 0. */
function outcomeCounter(registry: Registry | undefined) {
  if (!registry) return () => {};
  const counter = new Counter({
    name: 'fundtrace_response_cache_total',
    help: 'Read queries by response cache outcome: hit, miss (executed and kept), bypass (not cacheable)',
    labelNames: ['result'],
    registers: [registry],
  });
  for (const result of ['hit', 'miss', 'bypass'] as const) counter.inc({ result }, 0);
  return (result: Outcome) => counter.inc({ result });
}

export function responseCachePlugin(
  db: Kysely<Database>,
  options: { databaseUrl?: string | undefined; versions?: DataVersions; registry?: Registry } = {},
): Plugin {
  if (process.env.RESPONSE_CACHE === 'off') return {};
  const versions = options.versions ?? dataVersions(db, options.databaseUrl);
  const count = outcomeCounter(options.registry);
  const entries = new LRUCache<string, Entry>({
    maxSize: MAX_BYTES,
    sizeCalculation: (e) => e.json.length * 2 + 200,
  });
  const pending = new WeakMap<Request, Pending>();

  return {
    async onParams({ params, request, setResult }) {
      // Not cacheable; counted as a bypass once it runs as a read (onExecute).
      if (typeof params.query !== 'string') return;
      if (params.query.length > MAX_QUERY || request.headers.has('authorization')) return;
      const key = JSON.stringify([
        params.query,
        params.variables ?? null,
        params.operationName ?? null,
      ]);
      const version = await versions.current();
      const entry = entries.get(key);
      if (entry && entry.version === version && !entry.limited) {
        count('hit');
        setResult(cachedResult(entry));
        return;
      }
      pending.set(request, { key, version });
    },
    onExecute({ args, setResultAndStopExecution }) {
      const request = (args.contextValue as { request?: Request }).request;
      const job = request ? pending.get(request) : undefined;
      if (isMutation(args.document, args.operationName)) {
        return { onExecuteDone: () => versions.invalidate() };
      }
      if (!job) return void count('bypass');
      const entry = entries.get(job.key);
      if (entry && entry.version === job.version) {
        count('hit');
        setResultAndStopExecution(cachedResult(entry));
        return;
      }
      return {
        onExecuteDone({ result }) {
          if (Symbol.asyncIterator in result || result.errors?.length) return void count('bypass');
          count('miss');
          entries.set(job.key, {
            version: job.version,
            limited: operationCost(args.document, args.operationName) !== null,
            json: JSON.stringify(result),
            data: result.data,
          });
        },
      };
    },
  };
}
