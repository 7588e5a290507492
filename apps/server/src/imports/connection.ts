import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from '../db/database.js';

const INT8 = 20;
const DATE = 1082;

/**
 * Runs `fn` on one PostgreSQL connection of its own, seen both as a Kysely instance and as the
 * raw client, so that an import can stream rows by COPY inside its Kysely transaction.
 */
export async function withOwnConnection<T>(
  databaseUrl: string,
  fn: (db: Kysely<Database>, client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({
    connectionString: databaseUrl,
    types: {
      getTypeParser: ((oid: number, format?: string) =>
        oid === INT8
          ? (v: string) => Number(v)
          : oid === DATE
            ? (v: string) => v
            : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
    },
  });
  await client.connect();
  // A pool of exactly this client: Kysely's transaction runs on the connection COPY uses.
  const pool = {
    connect: async () => Object.assign(client, { release: () => {} }),
    end: async () => {},
  };
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: pool as unknown as pg.Pool }),
  });
  try {
    return await fn(db, client);
  } finally {
    await db.destroy();
    await client.end();
  }
}
