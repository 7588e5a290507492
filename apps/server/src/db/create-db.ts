import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, type KyselyConfig, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database.js';
import { registerPool } from './pool-of.js';

export interface DbOptions {
  /** PostgreSQL connection string; when absent the embedded PGlite is used. */
  databaseUrl?: string | undefined;
  /** PGlite data directory, or `memory://` to keep everything in memory. */
  pgliteDir?: string | undefined;
  log?: KyselyConfig['log'];
  /** The server's pool only (migrations, seeding and bulk jobs may take longer): PostgreSQL
   * cancels a statement after this long, and a query waiting for a connection (pool exhausted,
   * database unreachable) fails after connectTimeoutMs instead of queueing forever. */
  statementTimeoutMs?: number | undefined;
  connectTimeoutMs?: number | undefined;
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
      connectionTimeoutMillis: options.connectTimeoutMs ?? 0,
      // Detects a peer that vanished without closing the connection.
      keepAlive: true,
      ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
      types: {
        getTypeParser: ((oid: number, format?: string) =>
          parsers[oid as keyof typeof parsers] ??
          pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
      },
    });
    // A client that loses its connection must not crash the process: the pool reports idle
    // ones here; a checked-out one emits on itself (its query fails, and Kysely reports that).
    pool.on('error', () => {});
    pool.on('connect', (client) => {
      client.on('error', () => {});
      // JIT compiling cost 250-330 ms per national totals query and saved nothing: our queries
      // are many and short. Queued before the client's first query.
      client.query('set jit = off').catch(() => {});
      // A parallel plan for a keyset page (flows of a year in a region, by id) read 20× the rows
      // of the serial one (each worker runs ahead of the merge) and took 1.7 s instead of 0.1 s;
      // on a server answering many requests at once the cores are busy anyway.
      client.query('set max_parallel_workers_per_gather = 0').catch(() => {});
    });
    return registerPool(
      new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log: options.log }),
      pool,
    );
  }
  const dir = options.pgliteDir ?? 'memory://';
  if (!dir.startsWith('memory://')) mkdirSync(dir, { recursive: true });
  const pglite = await PGlite.create(dir, { parsers });
  return new Kysely<Database>({ dialect: new PGliteDialect({ pglite }), log: options.log });
}
