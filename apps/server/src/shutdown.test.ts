import { request } from 'node:http';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { type SpawnedServer, spawnServer } from './test/spawn-server.js';
import { createTestDb } from './test/test-db.js';

// On PostgreSQL the child serves this test's own schema; on PGlite, a database in memory.
const ctx = process.env.DATABASE_URL ? await createTestDb() : null;
afterAll(() => ctx?.close());
const database: Record<string, string> = ctx?.url
  ? { DATABASE_URL: ctx.url }
  : { PGLITE_DIR: 'memory://' };

const QUERY = JSON.stringify({ query: '{ programs { edges { node { id } } } }' });

/** A POST whose body is sent in two halves: it is in flight until `finish` is called. */
function slowRequest(port: number) {
  const half = Math.floor(QUERY.length / 2);
  let finish = () => {};
  let received = () => {};
  // The server answers `Expect: 100-continue` once it has read the headers: from then on the
  // request is in flight (before, the connection is idle, and shutdown may close it at once).
  const started = new Promise<void>((resolve) => {
    received = resolve;
  });
  const done = new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      {
        port,
        host: '127.0.0.1',
        method: 'POST',
        path: '/graphql',
        headers: {
          'content-type': 'application/json',
          'content-length': QUERY.length,
          expect: '100-continue',
        },
      },
      (res) => {
        let body = '';
        res.on('data', (chunk) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.on('continue', () => {
      req.write(QUERY.slice(0, half));
      received();
    });
    finish = () => req.end(QUERY.slice(half));
  });
  // Awaited by the test; a test that failed earlier must not leave it rejected unheard.
  done.catch(() => {});
  return { done, started, finish: () => finish() };
}

const refused = (port: number) =>
  fetch(`http://127.0.0.1:${port}/healthz`).then(
    () => false,
    () => true,
  );

// Starting a child (tsx, then migrations and the seed) takes a while on a busy machine.
const SLOW = 120_000;
const children: SpawnedServer[] = [];
const spawned = async (env: Record<string, string>) => {
  const server = await spawnServer(env);
  children.push(server);
  return server;
};
afterEach(() => {
  for (const { child } of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

describe('SIGTERM', () => {
  it(
    'stops accepting, ends subscriptions, finishes the requests in flight, closes the pool, exits 0',
    async () => {
      const server = await spawned(database);
      const inFlight = [slowRequest(server.port), slowRequest(server.port)];
      // An open subscription (an explorer tab) never finishes by itself: shutdown ends it.
      const subscription = await fetch(`http://127.0.0.1:${server.port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
        body: JSON.stringify({ query: 'subscription { flowRecorded { id } }' }),
      });
      const streamEnded = subscription.text().then(
        () => true,
        () => false,
      );
      await Promise.all(inFlight.map((r) => r.started));
      // And the subscription's stream is open.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const signalled = Date.now();
      server.child.kill('SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await refused(server.port)).toBe(true);
      for (const r of inFlight) r.finish();
      for (const r of inFlight) {
        const { status, body } = await r.done;
        expect(status).toBe(200);
        expect(JSON.parse(body).data.programs.edges.length).toBeGreaterThan(0);
      }
      expect(await streamEnded).toBe(true);
      expect(await server.exited).toEqual({ code: 0, signal: null });
      const exitMs = Date.now() - signalled;
      console.log(
        `SIGTERM with 2 requests in flight and a subscription: exited 0 after ${exitMs} ms`,
      );
      expect(exitMs).toBeLessThan(5_000);
      expect(server.lines.find((l) => l.msg === 'shut down')).toMatchObject({ drained: true });
    },
    SLOW,
  );

  it(
    'cuts requests still running at the deadline (SHUTDOWN_TIMEOUT_MS) and exits 0',
    async () => {
      const server = await spawned({ ...database, SHUTDOWN_TIMEOUT_MS: '1000' });
      const stalled = slowRequest(server.port);
      await stalled.started;
      const signalled = Date.now();
      server.child.kill('SIGTERM');
      await expect(stalled.done).rejects.toThrow();
      expect(await server.exited).toEqual({ code: 0, signal: null });
      const exitMs = Date.now() - signalled;
      console.log(`SIGTERM with a stalled request, 1 s deadline: exited 0 after ${exitMs} ms`);
      expect(exitMs).toBeLessThan(3_000);
      expect(server.lines.find((l) => l.msg === 'shut down')).toMatchObject({ drained: false });
    },
    SLOW,
  );
});
