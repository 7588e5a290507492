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
}

/** 32 MiB: room for an inline import of a few hundred thousand rows; larger files use the CLI. */
export const DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;

function positiveInt(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`${name} must be a positive integer`);
  return n;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer from 0 to 65535, got ${env.PORT}`);
  }
  const dir = env.PGLITE_DIR ?? '.data/pglite';
  return {
    port,
    databaseUrl: env.DATABASE_URL || undefined,
    pgliteDir: dir.startsWith('memory://') ? dir : resolve(repoRoot, dir),
    logLevel: env.LOG_LEVEL ?? 'info',
    production: env.NODE_ENV === 'production',
    adminToken: env.ADMIN_TOKEN || undefined,
    maxBodyBytes: positiveInt(env.MAX_BODY_BYTES, DEFAULT_MAX_BODY_BYTES, 'MAX_BODY_BYTES'),
  };
}
