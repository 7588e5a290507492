import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, type KyselyConfig, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database.js';

export interface DbOptions {
  /** PostgreSQL connection string; when absent the embedded PGlite is used. */
  databaseUrl?: string | undefined;
  /** PGlite data directory, or `memory://` to keep everything in memory. */
  pgliteDir?: string | undefined;
  log?: KyselyConfig['log'];
}

const INT8 = 20;
const DATE = 1082;

/** Counts come back as numbers and dates as ISO strings on both engines. */
const parsers = { [INT8]: (v: string) => Number(v), [DATE]: (v: string) => v };

export async function createDb(options: DbOptions): Promise<Kysely<Database>> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: Number(process.env.PG_POOL_MAX ?? 10),
      types: {
        getTypeParser: ((oid: number, format?: string) =>
          parsers[oid as keyof typeof parsers] ??
          pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
      },
    });
    // An idle client that loses its connection must not crash the process.
    pool.on('error', () => {});
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log: options.log });
  }
  const dir = options.pgliteDir ?? 'memory://';
  if (!dir.startsWith('memory://')) mkdirSync(dir, { recursive: true });
  const pglite = await PGlite.create(dir, { parsers });
  return new Kysely<Database>({ dialect: new PGliteDialect({ pglite }), log: options.log });
}
