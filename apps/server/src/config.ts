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
  };
}
