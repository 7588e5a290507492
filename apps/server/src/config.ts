import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAX_TOTAL_ROWS } from './limits.js';
import { DEFAULT_TRACE_TIMEOUT_MS } from './trace/compute.js';

/** apps/server/src or apps/server/dist → the repository root. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export interface Config {
  port: number;
  /** The address to listen on: loopback unless told otherwise (compose sets 0.0.0.0). */
  host: string;
  databaseUrl: string | undefined;
  pgliteDir: string;
  logLevel: string;
  production: boolean;
  /** Bearer token with every scope, for administering a fresh deployment; unset when empty. */
  adminToken: string | undefined;
  /** Largest request body accepted (bytes), file uploads aside; larger ones get 413. */
  maxBodyBytes: number;
  /** Largest multipart request (a file upload) accepted (bytes). */
  maxUploadBytes: number;
  /** NODE_ENV=development: masked errors carry the original message (never in production). */
  development: boolean;
  /** Field suggestions ("did you mean …?") and introspection; off in production by default. */
  fieldSuggestions: boolean;
  introspection: boolean;
  /** Origins allowed to call the API from a browser on another origin; `*` for any. */
  corsOrigins: string[];
  /** PostgreSQL cancels a statement after this long. */
  statementTimeoutMs: number;
  /** A query waiting for a pooled connection fails after this long. */
  connectTimeoutMs: number;
  /** A GraphQL request (not a subscription) is answered 503 after this long. */
  requestTimeoutMs: number;
  /** A trace that computes longer fails with TOO_MUCH_WORK (keep it below requestTimeoutMs). */
  traceTimeoutMs: number;
  /** Rows one `totals` answer may hold; more is TOO_MUCH_WORK (MAX_TOTAL_ROWS). */
  maxTotalRows: number;
  /** Traces cut their subgraph out of an in-memory graph of every flow (TRACE_GRAPH=off: SQL). */
  traceGraph: boolean;
  /** A client must send its request headers within this long, and the whole request within
   * bodyTimeoutMs; otherwise its socket is closed (slow clients hold no connection long). */
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
  /** Open connections beyond this are refused at once. */
  maxConnections: number;
  /** `/metrics` on the application port answers only with this bearer token; unset: 404 there. */
  metricsToken: string | undefined;
  /** A listener of its own that serves only `/metrics`, on metricsHost; unset: none. */
  metricsPort: number | undefined;
  metricsHost: string;
  /** Operation names labelled in metrics besides the explorer's (others count as "unknown"). */
  metricsOperations: string[];
  /** SIGTERM waits this long for in-flight requests. */
  shutdownTimeoutMs: number;
  rateLimits: RateLimitConfig;
  /** Open subscriptions: per client IP, and in total on this server. */
  subscriptions: { perClient: number; total: number };
}

export interface RateLimitConfig {
  /** Points per window, per client IP and per bearer token: one per mutation field, and one
   * per trace, totals or boundaryTotals field. */
  writes: number;
  expensive: number;
  windowSeconds: number;
  /** Behind a proxy: the client IP is the last X-Forwarded-For entry. */
  trustProxy: boolean;
}

/** 1 MiB: far more than any query or write needs; files travel as uploads. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
/** 64 MiB: an import of several hundred thousand rows; larger files use the CLI. */
export const DEFAULT_MAX_UPLOAD_BYTES = 64 * 1024 * 1024;
/** An admin token guessable in fewer than 2^128 tries is refused (hex: 32 characters). */
export const MIN_ADMIN_TOKEN_LENGTH = 32;

function positiveInt(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`${name} must be a positive integer`);
  return n;
}

function flag(value: string | undefined, fallback: boolean, name: string): boolean {
  if (value === undefined || value === '') return fallback;
  if (/^(1|true|on|yes)$/i.test(value)) return true;
  if (/^(0|false|off|no)$/i.test(value)) return false;
  throw new Error(`${name} must be true or false`);
}

const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

function portOf(value: string | undefined, fallback: number, name: string): number {
  const port = Number(value ?? fallback);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`${name} must be an integer from 0 to 65535, got ${value}`);
  }
  return port;
}

function adminTokenOf(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (value.length < MIN_ADMIN_TOKEN_LENGTH) {
    throw new Error(
      `ADMIN_TOKEN must be at least ${MIN_ADMIN_TOKEN_LENGTH} characters (openssl rand -hex 32 makes one)`,
    );
  }
  return value;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = portOf(env.PORT, 4000, 'PORT');
  const dir = env.PGLITE_DIR ?? '.data/pglite';
  const headersTimeoutMs = positiveInt(env.HEADERS_TIMEOUT_MS, 10_000, 'HEADERS_TIMEOUT_MS');
  const bodyTimeoutMs = positiveInt(env.BODY_TIMEOUT_MS, 30_000, 'BODY_TIMEOUT_MS');
  // Node refuses a request deadline shorter than the headers' one.
  if (bodyTimeoutMs < headersTimeoutMs) {
    throw new Error('BODY_TIMEOUT_MS must be at least HEADERS_TIMEOUT_MS');
  }
  const production = env.NODE_ENV === 'production';
  const requestTimeoutMs = positiveInt(env.REQUEST_TIMEOUT_MS, 60_000, 'REQUEST_TIMEOUT_MS');
  // Below the explorer's own 30 s deadline and the request's, so that a trace that runs out of
  // time answers with what to narrow rather than a 503.
  const traceTimeoutMs = positiveInt(
    env.TRACE_TIMEOUT_MS,
    Math.min(DEFAULT_TRACE_TIMEOUT_MS, Math.ceil(requestTimeoutMs / 2)),
    'TRACE_TIMEOUT_MS',
  );
  return {
    port,
    host: env.HOST || '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    pgliteDir: dir.startsWith('memory://') ? dir : resolve(repoRoot, dir),
    logLevel: env.LOG_LEVEL ?? 'info',
    production,
    adminToken: adminTokenOf(env.ADMIN_TOKEN),
    maxBodyBytes: positiveInt(env.MAX_BODY_BYTES, DEFAULT_MAX_BODY_BYTES, 'MAX_BODY_BYTES'),
    maxUploadBytes: positiveInt(env.MAX_UPLOAD_BYTES, DEFAULT_MAX_UPLOAD_BYTES, 'MAX_UPLOAD_BYTES'),
    development: env.NODE_ENV === 'development',
    fieldSuggestions: flag(env.FIELD_SUGGESTIONS, !production, 'FIELD_SUGGESTIONS'),
    introspection: flag(env.INTROSPECTION, !production, 'INTROSPECTION'),
    corsOrigins: list(env.CORS_ORIGINS),
    statementTimeoutMs: positiveInt(env.STATEMENT_TIMEOUT_MS, 5_000, 'STATEMENT_TIMEOUT_MS'),
    connectTimeoutMs: positiveInt(env.DB_CONNECT_TIMEOUT_MS, 1_500, 'DB_CONNECT_TIMEOUT_MS'),
    requestTimeoutMs,
    traceTimeoutMs,
    maxTotalRows: positiveInt(env.MAX_TOTAL_ROWS, MAX_TOTAL_ROWS, 'MAX_TOTAL_ROWS'),
    traceGraph: flag(env.TRACE_GRAPH, true, 'TRACE_GRAPH'),
    headersTimeoutMs,
    bodyTimeoutMs,
    maxConnections: positiveInt(env.MAX_CONNECTIONS, 1_000, 'MAX_CONNECTIONS'),
    metricsToken: env.METRICS_TOKEN || undefined,
    metricsPort: env.METRICS_PORT ? portOf(env.METRICS_PORT, 0, 'METRICS_PORT') : undefined,
    metricsHost: env.METRICS_HOST || '127.0.0.1',
    metricsOperations: list(env.METRICS_OPERATIONS),
    shutdownTimeoutMs: positiveInt(env.SHUTDOWN_TIMEOUT_MS, 10_000, 'SHUTDOWN_TIMEOUT_MS'),
    rateLimits: {
      writes: positiveInt(env.RATE_LIMIT_WRITES, 60, 'RATE_LIMIT_WRITES'),
      expensive: positiveInt(env.RATE_LIMIT_EXPENSIVE, 120, 'RATE_LIMIT_EXPENSIVE'),
      windowSeconds: positiveInt(env.RATE_LIMIT_WINDOW_SECONDS, 60, 'RATE_LIMIT_WINDOW_SECONDS'),
      trustProxy: flag(env.TRUST_PROXY, false, 'TRUST_PROXY'),
    },
    subscriptions: {
      perClient: positiveInt(env.SUBSCRIPTIONS_PER_CLIENT, 5, 'SUBSCRIPTIONS_PER_CLIENT'),
      total: positiveInt(env.SUBSCRIPTIONS_MAX, 200, 'SUBSCRIPTIONS_MAX'),
    },
  };
}
