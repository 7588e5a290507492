import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import sirv from 'sirv';
import type { Config } from './config.js';
import { createDb } from './db/create-db.js';
import { migrateToLatest } from './db/migrate.js';
import { serveExport } from './exports/http.js';
import { seedIfEmpty } from './seed/load.js';
import { createYogaServer } from './yoga.js';

const EXPLORER_DIST = fileURLToPath(new URL('../../explorer/dist/', import.meta.url));

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/** Opens the database, migrates it, seeds it when empty, and returns the HTTP server (not yet listening). */
export async function createApp(config: Config) {
  const db = await createDb({ databaseUrl: config.databaseUrl, pgliteDir: config.pgliteDir });
  await migrateToLatest(db);
  const seeded = await seedIfEmpty(db);
  const yoga = createYogaServer(db, {
    logLevel: config.logLevel,
    production: config.production,
    adminToken: config.adminToken,
    maxBodyBytes: config.maxBodyBytes,
    databaseUrl: config.databaseUrl,
  });
  const explorer = existsSync(EXPLORER_DIST)
    ? sirv(EXPLORER_DIST, { single: true, etag: true })
    : null;

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/graphql') return yoga(req, res);
    if (path?.startsWith('/export/')) {
      return serveExport(db, req, res).catch(() => {
        if (!res.headersSent) json(res, 500, { error: 'export failed' });
        else res.destroy();
      });
    }
    if (path === '/healthz') return json(res, 200, { status: 'ok' });
    if (path === '/readyz') {
      try {
        await sql`select 1`.execute(db);
        return json(res, 200, { status: 'ready', database: 'up' });
      } catch {
        return json(res, 503, { status: 'unavailable', database: 'down' });
      }
    }
    // The explorer is a single-page app: sirv answers its routes with index.html.
    if (explorer) return explorer(req, res);
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(
      'fundtrace API: GraphQL at /graphql. Build the explorer (pnpm build) to browse here.\n',
    );
  });
  return { server, db, seeded };
}
