import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { serveExport } from '../exports/http.js';
import { createTestDb } from './test-db.js';

/** The export route alone on a loopback port: its base URL and how to close it. */
export async function listenExports(db: Kysely<Database>, maxTotalRows?: number) {
  const server = createServer((req, res) => void serveExport(db, req, res, { maxTotalRows }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/**
 * What export tests share: a seeded test database with the export route listening on it (its
 * base URL), and `close` for afterAll, which ends both.
 */
export async function exportHarness() {
  const ctx = await createTestDb();
  const exports = await listenExports(ctx.db);
  const close = async () => {
    await exports.close();
    await ctx.close();
  };
  return { ctx, base: exports.base, close };
}
