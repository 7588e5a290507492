import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Registry } from 'prom-client';
import { sameSecret } from '../auth/tokens.js';

export async function writeMetrics(res: ServerResponse, registry: Registry) {
  res.writeHead(200, { 'content-type': registry.contentType });
  res.end(await registry.metrics());
}

/**
 * `/metrics` on the application port: only with `Authorization: Bearer <METRICS_TOKEN>`, and
 * not at all (404) when no token is set, so the public never reads the process's internals.
 */
export async function serveMetricsWithToken(
  req: IncomingMessage,
  res: ServerResponse,
  registry: Registry,
  token: string | undefined,
) {
  if (!token) return void res.writeHead(404).end();
  const given = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1] ?? '';
  if (!sameSecret(given, token)) {
    return void res.writeHead(401, { 'www-authenticate': 'Bearer' }).end();
  }
  await writeMetrics(res, registry);
}

/** A listener of its own (METRICS_PORT) that answers `/metrics` and nothing else. */
export function createMetricsServer(registry: Registry) {
  return createServer((req, res) => {
    if ((req.url ?? '/').split('?')[0] !== '/metrics') return void res.writeHead(404).end();
    writeMetrics(res, registry).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
}
