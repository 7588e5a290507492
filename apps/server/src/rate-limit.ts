import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import {
  type DocumentNode,
  GraphQLError,
  getOperationAST,
  Kind,
  type SelectionSetNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { RateLimitConfig } from './config.js';

/** Root query fields that cost real database work on every call (the trace when not cached). */
export const EXPENSIVE_FIELDS = new Set(['trace', 'totals', 'boundaryTotals']);

type Bucket = 'writes' | 'expensive';

/** Root fields of the selection, through fragments, as the executor would collect them. */
function rootFields(selectionSet: SelectionSetNode, document: DocumentNode): string[] {
  const names: string[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) names.push(selection.name.value);
    else if (selection.kind === Kind.INLINE_FRAGMENT) {
      names.push(...rootFields(selection.selectionSet, document));
    } else {
      const fragment = document.definitions.find(
        (d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value,
      );
      if (fragment?.kind === Kind.FRAGMENT_DEFINITION) {
        names.push(...rootFields(fragment.selectionSet, document));
      }
    }
  }
  return names;
}

/** Fields below the root that do an aggregate's work (as boundaryTotals does), per occurrence. */
const NESTED_EXPENSIVE_FIELDS = new Set(['boundary', 'balance']);
/** A trace over every year reaches the whole graph: it costs this many points, one year's one. */
export const ALL_YEARS_TRACE_POINTS = 4;

/** Points of the expensive fields at any depth of a selection, through fragments. */
function expensivePoints(
  selectionSet: SelectionSetNode,
  document: DocumentNode,
  root: boolean,
  seen = new Set<string>(),
): number {
  let points = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const name = selection.name.value;
      if (root && name === 'trace') {
        const year = selection.arguments?.find((a) => a.name.value === 'year');
        points += year && year.value.kind !== Kind.NULL ? 1 : ALL_YEARS_TRACE_POINTS;
      } else if (root ? EXPENSIVE_FIELDS.has(name) : NESTED_EXPENSIVE_FIELDS.has(name)) points++;
      if (selection.selectionSet) {
        points += expensivePoints(selection.selectionSet, document, false, seen);
      }
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      points += expensivePoints(selection.selectionSet, document, root, seen);
    } else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = document.definitions.find(
        (d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value,
      );
      if (fragment?.kind === Kind.FRAGMENT_DEFINITION) {
        points += expensivePoints(fragment.selectionSet, document, root, seen);
      }
    }
  }
  return points;
}

/**
 * What an operation costs: one point per mutation field; for a query, one per expensive field
 * at its root or below it (Region.boundary, Actor.balance), and a trace over every year
 * ALL_YEARS_TRACE_POINTS.
 */
export function operationCost(
  document: DocumentNode,
  operationName?: string | null,
): { bucket: Bucket; points: number } | null {
  const operation = getOperationAST(document, operationName);
  if (!operation) return null;
  if (operation.operation === 'mutation') {
    return { bucket: 'writes', points: rootFields(operation.selectionSet, document).length };
  }
  if (operation.operation !== 'query') return null;
  const points = expensivePoints(operation.selectionSet, document, true);
  return points > 0 ? { bucket: 'expensive', points } : null;
}

/** The peer's address, or behind a trusted proxy the address the proxy saw (its last hop). */
export function clientIp(request: Request, req: IncomingMessage | undefined, trustProxy: boolean) {
  if (trustProxy) {
    const forwarded = request.headers.get('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  return req?.socket?.remoteAddress ?? 'unknown';
}

/** Tokens are keyed by a hash: the limiter's memory never holds a secret. */
function tokenKey(request: Request): string | null {
  const secret = /^Bearer\s+(\S+)/i.exec(request.headers.get('authorization') ?? '')?.[1];
  return secret ? createHash('sha256').update(secret).digest('base64url').slice(0, 22) : null;
}

interface Verdict {
  limit: number;
  remaining: number;
  resetSeconds: number;
}

/**
 * Rate limits for writes and expensive queries, per client IP and per bearer token (both apply:
 * a client cannot escape its IP's limit by inventing tokens, nor a token its limit by moving).
 * In memory: each server counts its own clients, so N replicas allow N times the limit.
 */
export function rateLimitPlugin(config: RateLimitConfig): Plugin {
  const limiters = {
    writes: new RateLimiterMemory({ points: config.writes, duration: config.windowSeconds }),
    expensive: new RateLimiterMemory({ points: config.expensive, duration: config.windowSeconds }),
  };
  const verdicts = new WeakMap<Request, Verdict>();

  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const cost = operationCost(args.document, args.operationName);
      if (!cost || cost.points === 0) return;
      const context = args.contextValue as { request: Request; req?: IncomingMessage };
      const { request } = context;
      const token = tokenKey(request);
      const keys = [`ip:${clientIp(request, context.req, config.trustProxy)}`];
      if (token) keys.push(`token:${token}`);
      const limiter = limiters[cost.bucket];
      const limit = config[cost.bucket];
      const results = await Promise.all(
        keys.map((key) =>
          limiter.consume(key, cost.points).then(
            (res) => ({ ok: true, res }),
            (res: unknown) => {
              if (res instanceof RateLimiterRes) return { ok: false, res };
              throw res;
            },
          ),
        ),
      );
      // Headers describe the tightest of the two limits; a refusal by either refuses.
      const worst =
        results.find((r) => !r.ok) ??
        results.reduce((a, b) => (b.res.remainingPoints < a.res.remainingPoints ? b : a));
      const resetSeconds = Math.max(1, Math.ceil(worst.res.msBeforeNext / 1000));
      verdicts.set(request, {
        limit,
        remaining: Math.max(0, worst.res.remainingPoints),
        resetSeconds,
      });
      if (worst.ok) return;
      const what = cost.bucket === 'writes' ? 'writes' : 'trace and totals queries';
      setResultAndStopExecution({
        errors: [
          new GraphQLError(
            `Too many ${what}: at most ${limit} per ${config.windowSeconds} s. Retry in ${resetSeconds} s.`,
            {
              extensions: {
                code: 'RATE_LIMITED',
                retryAfter: resetSeconds,
                http: { status: 429, headers: { 'Retry-After': String(resetSeconds) } },
              },
            },
          ),
        ],
      });
    },
    onResponse({ request, response }) {
      const verdict = verdicts.get(request);
      if (!verdict) return;
      response.headers.set('RateLimit-Limit', String(verdict.limit));
      response.headers.set('RateLimit-Remaining', String(verdict.remaining));
      response.headers.set('RateLimit-Reset', String(verdict.resetSeconds));
    },
  };
}
