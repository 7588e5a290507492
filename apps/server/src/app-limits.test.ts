import type { AddressInfo } from 'node:net';
import { connect, type Socket } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { readConfig } from './config.js';
import { createLogger } from './observability/logger.js';

// The real HTTP server on a socket, configured as production with small limits.
const lines: Record<string, unknown>[] = [];
const logger = createLogger('info', { write: (line: string) => lines.push(JSON.parse(line)) });
const app = await createApp(
  readConfig({
    PGLITE_DIR: 'memory://',
    NODE_ENV: 'production',
    ADMIN_TOKEN: 'a'.repeat(32),
    MAX_CONNECTIONS: '4',
    HEADERS_TIMEOUT_MS: '800',
    BODY_TIMEOUT_MS: '1600',
    METRICS_PORT: '0',
  }),
  logger,
);
const listen = (server: NonNullable<typeof app.metricsServer>) =>
  new Promise<string>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    ),
  );
const base = await listen(app.server);
afterAll(async () => {
  app.server.closeAllConnections();
  app.metricsServer?.close();
  await new Promise((resolve) => app.server.close(resolve));
  await app.close();
});

/** A raw socket to the server; resolves once connected. */
function open(): Promise<Socket> {
  const { port } = app.server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.on('error', () => {});
    socket.once('error', reject);
  });
}

/** How long until the server closes the socket (ms), and what it wrote before. */
function closedAfter(socket: Socket): Promise<{ ms: number; reply: string }> {
  const start = Date.now();
  let reply = '';
  socket.on('data', (chunk) => {
    reply += chunk;
  });
  return new Promise((resolve) =>
    socket.once('close', () => resolve({ ms: Date.now() - start, reply })),
  );
}

describe('production start', () => {
  it('warns that ADMIN_TOKEN is set in production', () => {
    const warning = lines.find((l) => l.level === 40 && String(l.msg).includes('ADMIN_TOKEN'));
    expect(warning?.msg).toMatch(/production/);
  });
});

describe('security headers', () => {
  it('the explorer (/) gets a CSP, nosniff, no framing and no referrer', async () => {
    const response = await fetch(`${base}/`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    // Built or not, the explorer's page may run no script but its own.
    if (csp.includes('script-src')) expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
  });

  it('the API answers with nosniff and no framing too', async () => {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ region(code: "150000") { name } }' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });
});

describe('/metrics is not public', () => {
  it('is absent from the application port without METRICS_TOKEN', async () => {
    const response = await fetch(`${base}/metrics`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('process_');
  });

  it('is served on METRICS_PORT, which serves nothing else', async () => {
    if (!app.metricsServer) throw new Error('METRICS_PORT gave no metrics server');
    const metricsBase = await listen(app.metricsServer);
    expect(await (await fetch(`${metricsBase}/metrics`)).text()).toMatch(/^process_cpu/m);
    expect((await fetch(`${metricsBase}/graphql`)).status).toBe(404);
  });
});

describe('GraphiQL', () => {
  it('is not served where introspection is off (production)', async () => {
    const response = await fetch(`${base}/graphql`, { headers: { accept: 'text/html' } });
    expect(await response.text()).not.toMatch(/graphiql/i);
  });
});

describe('connections', () => {
  it('a client that sends its headers too slowly is cut off after HEADERS_TIMEOUT_MS', async () => {
    const socket = await open();
    const closed = closedAfter(socket);
    socket.write('POST /graphql HTTP/1.1\r\nhost: x\r\n');
    const { ms, reply } = await closed;
    // The timeout is checked every second: 800 ms plus at most one sweep.
    expect(ms).toBeLessThan(3_000);
    expect(reply).toMatch(/^HTTP\/1\.1 408/);
  });

  it('a client that sends its body too slowly is cut off after BODY_TIMEOUT_MS', async () => {
    const socket = await open();
    const closed = closedAfter(socket);
    socket.write(
      'POST /graphql HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{"query"',
    );
    const { ms } = await closed;
    expect(ms).toBeLessThan(4_000);
  });

  it('refuses connections past MAX_CONNECTIONS at once, and serves again once they close', async () => {
    app.server.closeIdleConnections();
    const held = [await open(), await open(), await open(), await open()];
    await new Promise((resolve) => setTimeout(resolve, 100));
    const extra = await open().catch(() => null);
    if (extra) expect((await closedAfter(extra)).ms).toBeLessThan(500);
    for (const socket of held) socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});
