import { createHash } from 'node:crypto';
import { type DocumentNode, type ExecutionArgs, getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Kysely } from 'kysely';
import { LRUCache } from 'lru-cache';
import { Counter, type Registry } from 'prom-client';
import type { ScopedVersions } from '../db/data-version.js';
import type { Database } from '../db/database.js';
import { operationCost } from '../rate-limit.js';
import { type DataVersions, dataVersions } from './data-version.js';

/**
 * Whole responses to read queries, cached per data version: the same query text, variables and
 * operation name get the same bytes until a write bumps a version the answer depends on
 * (data-version.ts). An answer whose scopes are known (`scopesOf`: the tables, and the years of
 * flows, it reads) stays valid until one of those scopes is written, so a new flow of 2018 leaves
 * the 2017 overview cached; any other answer is kept until any write (the global version).
 * Written here rather than taken from @graphql-yoga/plugin-response-cache because that plugin
 * invalidates by entity type and id, or by TTL, while our reads (totals, traces, searches) depend
 * on more than the entities they return.
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
 * kept), bypass (not cacheable: a token, a long query, variables over 64 KiB, errors).
 */
interface Entry {
  /** The global version when computed: what an answer of unknown scopes depends on. */
  version: number;
  /** The scopes the answer read and their versions when computed; null when not known. */
  scopes: [string, number][] | null;
  /** Counted by the rate limiter: served only after it. */
  limited: boolean;
  /** The answer, serialised once: the only thing an entry holds besides these two fields. */
  json: string;
}

interface Pending {
  key: string;
  versions: ScopedVersions;
}

/** The scopes (see data_scopes) an operation's answer depends on; null: any write can change it. */
export type ScopesOf = (args: ExecutionArgs) => string[] | null;

function fresh(entry: Entry, now: ScopedVersions) {
  if (entry.scopes === null) return entry.version === now.version;
  return entry.scopes.every(([scope, version]) => (now.scopes.get(scope) ?? 0) === version);
}

/** An entry's bytes: its text, its scopes (two per character, and a pair each), the overhead. */
function entrySize(e: Entry) {
  const scopes = (e.scopes ?? []).reduce((n, [s]) => n + s.length * 2 + 32, 0);
  return e.json.length * 2 + scopes + ENTRY_OVERHEAD;
}

const MAX_QUERY = 20_000;
/** Requests whose variables take more are not cached (no read needs them): they are bypassed. */
const MAX_VARIABLES = 64 * 1024;
/** Everything the cache holds, keys and answers, in bytes (strings count two per character). */
export const MAX_BYTES = 64 * 1024 * 1024;
/** An entry besides its text: the key (a fixed-length hash), the object, the LRU's links. */
const ENTRY_OVERHEAD = 300;

/** A result yoga sends as the stored text; `data` is read back only if a plugin asks for it. */
function cachedResult(json: string) {
  return {
    get data() {
      return (JSON.parse(json) as { data?: Record<string, unknown> }).data;
    },
    stringify: () => json,
  };
}

/** The request's identity, hashed: a key costs the same whatever the query and variables. */
function cacheKey(params: { query: string; variables?: unknown; operationName?: unknown }) {
  const variables = JSON.stringify(params.variables ?? null);
  if (variables.length > MAX_VARIABLES) return null;
  return createHash('sha256')
    .update(JSON.stringify([params.query, variables, params.operationName ?? null]))
    .digest('base64');
}

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
  options: {
    databaseUrl?: string | undefined;
    versions?: DataVersions;
    registry?: Registry;
    scopesOf?: ScopesOf;
  } = {},
): Plugin {
  if (process.env.RESPONSE_CACHE === 'off') return {};
  const versions = options.versions ?? dataVersions(db, options.databaseUrl);
  const count = outcomeCounter(options.registry);
  const entries = new LRUCache<string, Entry>({
    maxSize: MAX_BYTES,
    sizeCalculation: entrySize,
    // an answer larger than a quarter of the cache is sent, not kept
    maxEntrySize: MAX_BYTES / 4,
  });
  const pending = new WeakMap<Request, Pending>();

  return {
    async onParams({ params, request, setResult }) {
      // Not cacheable; counted as a bypass once it runs as a read (onExecute).
      if (typeof params.query !== 'string') return;
      if (params.query.length > MAX_QUERY || request.headers.has('authorization')) return;
      const key = cacheKey(params as { query: string });
      if (key === null) return;
      const now = await versions.current();
      const entry = entries.get(key);
      if (entry && fresh(entry, now) && !entry.limited) {
        count('hit');
        setResult(cachedResult(entry.json));
        return;
      }
      pending.set(request, { key, versions: now });
    },
    onExecute({ args, setResultAndStopExecution }) {
      const request = (args.contextValue as { request?: Request }).request;
      const job = request ? pending.get(request) : undefined;
      if (isMutation(args.document, args.operationName)) {
        return { onExecuteDone: () => versions.invalidate() };
      }
      if (!job) return void count('bypass');
      const entry = entries.get(job.key);
      if (entry && fresh(entry, job.versions)) {
        count('hit');
        setResultAndStopExecution(cachedResult(entry.json));
        return;
      }
      return {
        onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in result || result.errors?.length) return void count('bypass');
          count('miss');
          // Serialised once (request-guards.ts): the response sends the text the cache keeps.
          const given = (result as { stringify?: () => string }).stringify;
          const json = given ? given() : JSON.stringify(result);
          if (!given) setResult({ ...result, stringify: () => json } as typeof result);
          const scopes = options.scopesOf?.(args);
          entries.set(job.key, {
            version: job.versions.version,
            scopes: scopes?.map((s) => [s, job.versions.scopes.get(s) ?? 0]) ?? null,
            limited: operationCost(args.document, args.operationName) !== null,
            json,
          });
        },
      };
    },
  };
}
