import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import sirv from 'sirv';
import type { Config } from './config.js';
import { createDb } from './db/create-db.js';
import type { Database } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { poolOf } from './db/pool-of.js';
import { databaseState } from './db/readiness.js';
import { serveExport } from './exports/http.js';
import { createEvents, type Events } from './mutations/events.js';
import { createLogger } from './observability/logger.js';
import { createMetricsRegistry } from './observability/metrics.js';
import { createMetricsServer, serveMetricsWithToken } from './observability/metrics-endpoint.js';
import { withRequestLog } from './observability/request-log.js';
import { explorerPolicy, readIndexHtml, setSecurityHeaders } from './security-headers.js';
import { seedIfEmpty } from './seed/load.js';
import { SESSION_PATH } from './session-http.js';
import {
  DEFAULT_GRAPH_MAX_FLOWS,
  flowGraphState,
  limitTraceGraph,
  warmTraceGraph,
} from './trace/graph-store.js';
import { createYogaServer } from './yoga.js';

const EXPLORER_DIST = fileURLToPath(new URL('../../explorer/dist/', import.meta.url));

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/**
 * Migrations and the seed may run longer than a request's statement may: on PostgreSQL they
 * run on a pool of their own, and the server's pool gets the statement and connect timeouts.
 */
async function openDatabase(config: Config) {
  const setup = await createDb({ databaseUrl: config.databaseUrl, pgliteDir: config.pgliteDir });
  await migrateToLatest(setup);
  const seeded = await seedIfEmpty(setup);
  if (!config.databaseUrl) return { db: setup, seeded };
  await setup.destroy();
  const db = await createDb({
    databaseUrl: config.databaseUrl,
    statementTimeoutMs: config.statementTimeoutMs,
    connectTimeoutMs: config.connectTimeoutMs,
  });
  return { db, seeded };
}

/**
 * A GraphQL request still unanswered after `ms` gets 503; one whose response has started is cut
 * off. Returns what cancels the deadline (for subscriptions, which stream).
 */
function deadline(res: ServerResponse, ms: number): () => void {
  const timer = setTimeout(() => {
    if (res.headersSent) return void res.destroy();
    res.setHeader('connection', 'close');
    json(res, 503, {
      errors: [{ message: 'The request took too long.', extensions: { code: 'REQUEST_TIMEOUT' } }],
    });
  }, ms);
  const cancel = () => clearTimeout(timer);
  res.once('close', cancel);
  return cancel;
}

const STREAM_TYPE = /^\s*text\/event-stream/i;

/**
 * Calls `fn` when the response's head goes out as an event stream (a subscription). Yoga
 * answers a subscription with a stream whenever the client accepts one, `Accept: *\/*` and no
 * Accept at all included, so the request's headers cannot tell; the response's can. The stream
 * also tells proxies not to hold its events back (nginx buffers responses unless told so).
 */
function whenStreaming(res: ServerResponse, fn: () => void) {
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    res.writeHead = writeHead;
    // writeHead(status, [message], [headers]): headers set before, or given here as an object.
    const given = args.find((a) => typeof a === 'object' && a !== null && !Array.isArray(a));
    const type = Object.entries((given ?? {}) as Record<string, unknown>).find(
      ([name]) => name.toLowerCase() === 'content-type',
    )?.[1];
    if (STREAM_TYPE.test(String(type ?? this.getHeader('content-type') ?? ''))) {
      this.setHeader('x-accel-buffering', 'no');
      fn();
    }
    return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as ServerResponse['writeHead'];
}

/** The GraphQL server, with the settings it takes from the environment. */
function yogaOf(
  db: Kysely<Database>,
  config: Config,
  logger: Logger,
  metrics: Registry,
  events: Events,
) {
  return createYogaServer(db, {
    logLevel: config.logLevel,
    logger,
    production: config.production,
    development: config.development,
    fieldSuggestions: config.fieldSuggestions,
    introspection: config.introspection,
    corsOrigins: config.corsOrigins,
    rateLimits: config.rateLimits,
    subscriptions: { ...config.subscriptions, trustProxy: config.rateLimits.trustProxy },
    metrics,
    metricsOperations: config.metricsOperations,
    adminToken: config.adminToken,
    maxBodyBytes: config.maxBodyBytes,
    maxUploadBytes: config.maxUploadBytes,
    databaseUrl: config.databaseUrl,
    events,
    traceTimeoutMs: config.traceTimeoutMs,
    maxTotalRows: config.maxTotalRows,
  });
}

/** The built explorer, compressed assets included; null when it is not built. */
function explorerHandler() {
  if (!existsSync(EXPLORER_DIST)) return null;
  return sirv(EXPLORER_DIST, {
    single: true,
    etag: true,
    // The explorer's build writes .br and .gz beside each asset (scripts/precompress.mjs).
    brotli: true,
    gzip: true,
    // Hashed file names change with their content: browsers may keep them for good.
    setHeaders: (res, pathname) => {
      if (pathname.startsWith('/assets/')) {
        res.setHeader('cache-control', 'public, max-age=31536000, immutable');
      }
    },
  });
}

/** The HTTP server around `handle`: access log, no crash on a failed handler, socket deadlines. */
function httpServer(
  config: Config,
  logger: Logger,
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<unknown>,
) {
  const server = createServer(
    {
      // Slow clients hold no connection long: headers, then the whole request, have a deadline
      // (enforced by a sweep every connectionsCheckingInterval, 30 s by default).
      connectionsCheckingInterval: 1_000,
      headersTimeout: config.headersTimeoutMs,
      requestTimeout: config.bodyTimeoutMs,
    },
    withRequestLog(logger, (req, res) => {
      handle(req, res).catch((error: unknown) => {
        // Never a crash, never a stack trace to the client.
        logger.error({ err: error }, 'request handler failed');
        if (!res.headersSent) json(res, 500, { error: 'internal error' });
        else res.destroy();
      });
    }),
  );
  // Past the cap, new connections are closed at once: a flood cannot exhaust file descriptors.
  server.maxConnections = config.maxConnections;
  return server;
}

export interface App {
  server: ReturnType<typeof createServer>;
  /** Serves only /metrics, to be listened on METRICS_PORT; null when that is unset. */
  metricsServer: ReturnType<typeof createServer> | null;
  db: Kysely<Database>;
  seeded: boolean;
  logger: Logger;
  /** Ends the open event streams (subscriptions), which would otherwise hold a shutdown. */
  endStreams(): void;
  /** Closes what the server holds besides its sockets: the subscription listener and the pool. */
  close(): Promise<void>;
}

/** Opens the database, migrates it, seeds it when empty, and returns the HTTP server (not yet listening). */
export async function createApp(
  config: Config,
  logger = createLogger(config.logLevel),
): Promise<App> {
  if (config.production && config.adminToken) {
    logger.warn(
      'ADMIN_TOKEN is set in production: it holds every scope and never expires; create a token with `pnpm fundtrace token create` and unset it',
    );
  }
  const { db, seeded } = await openDatabase(config);
  limitTraceGraph(db, config.traceGraph ? DEFAULT_GRAPH_MAX_FLOWS : 0);
  // loaded ahead of the first trace; until it is, traces load their flows by SQL
  warmTraceGraph(db).catch((error) => logger.warn({ err: error }, 'trace graph not loaded'));
  const pool = poolOf(db);
  const metrics = createMetricsRegistry(pool);
  const events = createEvents(config.databaseUrl);
  const yoga = yogaOf(db, config, logger, metrics, events);
  const explorer = explorerHandler();
  const policy = explorer ? explorerPolicy(readIndexHtml(EXPLORER_DIST)) : null;

  // Open subscriptions (event streams) never finish on their own: shutdown ends them first.
  const streams = new Set<ServerResponse>();
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    // GraphiQL (at /graphql) runs inline scripts: it gets no explorer policy, only no framing.
    setSecurityHeaders(res, path === '/graphql' ? null : policy);
    if (path === '/graphql' || path === SESSION_PATH) {
      const cancel = deadline(res, config.requestTimeoutMs);
      whenStreaming(res, () => {
        cancel();
        streams.add(res);
        res.once('close', () => streams.delete(res));
      });
      return yoga(req, res);
    }
    if (path?.startsWith('/export/')) {
      return serveExport(db, req, res, { maxTotalRows: config.maxTotalRows }).catch(
        (error: unknown) => {
          logger.error({ err: error }, 'export failed');
          if (!res.headersSent) json(res, 500, { error: 'export failed' });
          else res.destroy();
        },
      );
    }
    if (path === '/healthz') return json(res, 200, { status: 'ok' });
    if (path === '/readyz') {
      const state = await databaseState(db, pool);
      return json(res, state.database === 'up' ? 200 : 503, {
        status: state.database === 'up' ? 'ready' : 'unavailable',
        ...state,
        ...flowGraphState(db),
      });
    }
    if (path === '/metrics') return serveMetricsWithToken(req, res, metrics, config.metricsToken);
    // The explorer is a single-page app: sirv answers its routes with index.html.
    if (explorer) return explorer(req, res);
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(
      'fundtrace API: GraphQL at /graphql. Build the explorer (pnpm build) to browse here.\n',
    );
  };

  const server = httpServer(config, logger, handle);
  return {
    server,
    metricsServer: config.metricsPort === undefined ? null : createMetricsServer(metrics),
    db,
    seeded,
    logger,
    endStreams() {
      for (const res of streams) res.end();
    },
    async close() {
      await events.close();
      await db.destroy();
    },
  };
}
