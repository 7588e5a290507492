import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** apps/server/src or apps/server/dist → the repository root. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export interface Config {
  port: number;
  databaseUrl: string | undefined;
  pgliteDir: string;
  logLevel: string;
  production: boolean;
  /** Bearer token with every scope, for administering a fresh deployment; unset when empty. */
  adminToken: string | undefined;
  /** Largest request body accepted (bytes); larger ones get 413. */
  maxBodyBytes: number;
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
  /** SIGTERM waits this long for in-flight requests. */
  shutdownTimeoutMs: number;
  rateLimits: RateLimitConfig;
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

/** 32 MiB: room for an inline import of a few hundred thousand rows; larger files use the CLI. */
export const DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;

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

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer from 0 to 65535, got ${env.PORT}`);
  }
  const dir = env.PGLITE_DIR ?? '.data/pglite';
  const production = env.NODE_ENV === 'production';
  return {
    port,
    databaseUrl: env.DATABASE_URL || undefined,
    pgliteDir: dir.startsWith('memory://') ? dir : resolve(repoRoot, dir),
    logLevel: env.LOG_LEVEL ?? 'info',
    production,
    adminToken: env.ADMIN_TOKEN || undefined,
    maxBodyBytes: positiveInt(env.MAX_BODY_BYTES, DEFAULT_MAX_BODY_BYTES, 'MAX_BODY_BYTES'),
    development: env.NODE_ENV === 'development',
    fieldSuggestions: flag(env.FIELD_SUGGESTIONS, !production, 'FIELD_SUGGESTIONS'),
    introspection: flag(env.INTROSPECTION, !production, 'INTROSPECTION'),
    corsOrigins: (env.CORS_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    statementTimeoutMs: positiveInt(env.STATEMENT_TIMEOUT_MS, 5_000, 'STATEMENT_TIMEOUT_MS'),
    connectTimeoutMs: positiveInt(env.DB_CONNECT_TIMEOUT_MS, 1_500, 'DB_CONNECT_TIMEOUT_MS'),
    requestTimeoutMs: positiveInt(env.REQUEST_TIMEOUT_MS, 60_000, 'REQUEST_TIMEOUT_MS'),
    shutdownTimeoutMs: positiveInt(env.SHUTDOWN_TIMEOUT_MS, 10_000, 'SHUTDOWN_TIMEOUT_MS'),
    rateLimits: {
      writes: positiveInt(env.RATE_LIMIT_WRITES, 60, 'RATE_LIMIT_WRITES'),
      expensive: positiveInt(env.RATE_LIMIT_EXPENSIVE, 120, 'RATE_LIMIT_EXPENSIVE'),
      windowSeconds: positiveInt(env.RATE_LIMIT_WINDOW_SECONDS, 60, 'RATE_LIMIT_WINDOW_SECONDS'),
      trustProxy: flag(env.TRUST_PROXY, false, 'TRUST_PROXY'),
    },
  };
}
