import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from './db/create-db.js';
import { migrateToLatest } from './db/migrate.js';
import { encodeGlobalId } from './domain/records/global-id.js';
import { generateFanOut } from './test/fan-out.js';
import { type SpawnedServer, spawnServer } from './test/spawn-server.js';
import { createTestDb } from './test/test-db.js';

/**
 * Deadlines hold while work is heavy: a server (a child process, as deployed) on a generated
 * set large enough that a trace of every year computes for a good while. The trace's own
 * deadline answers with what to narrow, the request's deadline fires, health checks answer
 * meanwhile, and SIGTERM ends the heavy work and exits within its deadline.
 */

// 60 governments × 150 household cohorts × 2 years: 18,120 flows, 9,061 actors reached.
const SHAPE = { mids: 60, leaves: 150, years: [2016, 2017] };
const SLOW = 180_000;

let database: Record<string, string> = {};
let root = 0;
let cleanUp = async () => {};
beforeAll(async () => {
  if (process.env.DATABASE_URL) {
    const ctx = await createTestDb({ seed: false });
    root = await generateFanOut(ctx.db, SHAPE);
    database = { DATABASE_URL: ctx.url as string };
    cleanUp = () => ctx.close();
  } else {
    // The child opens the same PGlite directory once this process has closed it.
    const dir = mkdtempSync(join(tmpdir(), 'fundtrace-heavy-'));
    const db = await createDb({ pgliteDir: dir });
    await migrateToLatest(db);
    root = await generateFanOut(db, SHAPE);
    await db.destroy();
    database = { PGLITE_DIR: dir };
    cleanUp = async () => rmSync(dir, { recursive: true, force: true });
  }
}, SLOW);
afterAll(() => cleanUp());

const children: SpawnedServer[] = [];
afterEach(() => {
  for (const { child } of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});
const spawned = async (env: Record<string, string>) => {
  const server = await spawnServer({ ...database, ...env });
  children.push(server);
  return server;
};

/** The trace of every year from the root, as the explorer asks for it. */
function traceAllYears(port: number) {
  return fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: `query($from: ID!) { trace(from: $from, maxDepth: 6) { nodeCount total { value } } }`,
      variables: { from: encodeGlobalId('Actor', root) },
    }),
  }).then(async (r) => ({
    status: r.status,
    body: (await r.json()) as {
      data?: { trace: { nodeCount: number } | null } | null;
      errors?: { message: string; extensions?: Record<string, unknown> }[];
    },
  }));
}

/** /healthz, answered while the trace computes: the event loop is free between slices. */
async function healthWhile(port: number, busy: Promise<unknown>) {
  let done = false;
  void busy.finally(() => {
    done = true;
  });
  let answered = 0;
  await new Promise((resolve) => setTimeout(resolve, 50));
  while (!done) {
    const r = await fetch(`http://127.0.0.1:${port}/healthz`);
    if (r.status === 200 && !done) answered += 1;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return answered;
}

describe('heavy work under deadlines', () => {
  it(
    'a trace past TRACE_TIMEOUT_MS answers TOO_MUCH_WORK, naming what to narrow; health answers meanwhile',
    async () => {
      const server = await spawned({ TRACE_TIMEOUT_MS: '100' });
      const answer = traceAllYears(server.port);
      const healthy = await healthWhile(server.port, answer);
      const { status, body } = await answer;
      expect(status).toBe(200);
      expect(body.data?.trace ?? null).toBeNull();
      expect(body.errors?.[0]?.extensions).toMatchObject({
        code: 'TOO_MUCH_WORK',
        narrow: ['year', 'maxDepth'],
      });
      expect(body.errors?.[0]?.message).toMatch(/choose a year/);
      // On PGlite a statement runs on the event loop itself: only PostgreSQL leaves it free.
      if (process.env.DATABASE_URL) expect(healthy).toBeGreaterThan(0);
    },
    SLOW,
  );

  it(
    'the request deadline fires while the trace computes',
    async () => {
      const server = await spawned({ TRACE_TIMEOUT_MS: '120000', REQUEST_TIMEOUT_MS: '40' });
      const { status, body } = await traceAllYears(server.port);
      expect(status).toBe(503);
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'REQUEST_TIMEOUT' });
    },
    SLOW,
  );

  it(
    'SIGTERM during a heavy trace: the trace stops unfinished and the process exits 0 in time',
    async () => {
      const server = await spawned({ TRACE_TIMEOUT_MS: '120000', SHUTDOWN_TIMEOUT_MS: '2000' });
      const answer = traceAllYears(server.port).catch(() => null);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const signalled = Date.now();
      server.child.kill('SIGTERM');
      // Hurried to a quarter of the shutdown deadline, the trace answers TOO_MUCH_WORK; on
      // PGlite, whose statements run on the event loop, the deadline may cut it first, or its
      // loading may have ended before the signal was handled, and then it answers in full.
      const answered = await answer;
      if (answered?.body.errors) {
        expect(answered.body.errors[0]?.extensions).toMatchObject({ code: 'TOO_MUCH_WORK' });
      } else if (answered) {
        expect(answered.body.data?.trace).toBeTruthy();
      }
      expect(await server.exited).toEqual({ code: 0, signal: null });
      const exitMs = Date.now() - signalled;
      console.log(`SIGTERM during a heavy trace, 2 s deadline: exited 0 after ${exitMs} ms`);
      expect(exitMs).toBeLessThan(10_000);
    },
    SLOW,
  );
});
