import { randomBytes } from 'node:crypto';
import type { Kysely, LogEvent } from 'kysely';
import pg from 'pg';
import { createDb } from '../db/create-db.js';
import type { Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { seedIfEmpty } from '../seed/load.js';
import { createYogaServer, type YogaOptions } from '../yoga.js';

/**
 * A migrated (and by default seeded) database for one test file: in-memory PGlite, or, when
 * DATABASE_URL is set, a schema of its own in that PostgreSQL database, dropped afterwards.
 */
export async function createTestDb(
  options: { seed?: boolean; onQuery?: (sql: string) => void } = {},
) {
  const log = options.onQuery
    ? (event: LogEvent) => {
        if (event.level === 'query') options.onQuery?.(event.query.sql);
      }
    : undefined;
  const url = process.env.DATABASE_URL;
  let db: Kysely<Database>;
  let dropSchema = async () => {};
  let scopedUrl: string | undefined;
  let schema = '';
  if (url) {
    schema = `test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const scoped = new URL(url);
    scoped.searchParams.set('options', `-c search_path=${schema}`);
    scopedUrl = scoped.toString();
    db = await createDb({ databaseUrl: scopedUrl, log });
    dropSchema = async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`drop schema ${schema} cascade`);
      await client.end();
    };
  } else {
    db = await createDb({ pgliteDir: 'memory://', log });
  }
  await migrateBesideOtherTests(db, schema);
  if (options.seed !== false) await seedIfEmpty(db);
  return {
    db,
    /** PostgreSQL only: the connection string of this test's schema. */
    url: scopedUrl,
    async close() {
      await db.destroy();
      await dropSchema();
    },
  };
}

/**
 * Migrates this test's schema. Kysely's migrator lists every table of the database, resolving
 * each by name; when another test file drops its schema at that moment, the listing fails with
 * 42P01 naming a table of that other schema, or 3F000 naming the schema itself (both seen in CI
 * on PostgreSQL). Only that is tried again.
 */
async function migrateBesideOtherTests(db: Kysely<Database>, schema: string) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await migrateToLatest(db);
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const message = cause?.message ?? '';
      const other =
        (cause?.code === '42P01' && /"test_[0-9a-f]+\./.test(message)) ||
        (cause?.code === '3F000' && /schema "test_[0-9a-f]+"/.test(message));
      const elsewhere =
        other && !message.includes(`"${schema}.`) && !message.includes(`"${schema}"`);
      if (!schema || !elsewhere || attempt >= 3) throw error;
    }
  }
}

export interface GraphQLResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown>; path?: string[] }[];
}

/** Runs an operation through the real Yoga server, without a socket. */
export function graphqlClient(db: Kysely<Database>, options: YogaOptions = {}) {
  const yoga = createYogaServer(db, options);
  return async <T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResult<T> & { status: number }> => {
    const response = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, ...((await response.json()) as GraphQLResult<T>) };
  };
}
