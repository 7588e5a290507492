import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../app.js';
import { readConfig } from '../config.js';
import { startTcpProxy } from '../test/tcp-proxy.js';
import { createTestDb } from '../test/test-db.js';
import { createDb } from './create-db.js';
import { poolOf } from './pool-of.js';

const url = process.env.DATABASE_URL;
const silent = pino({ level: 'silent' });

/** The server, on its own schema, reaching PostgreSQL through a proxy the tests cut. */
async function serveThroughProxy(env: Record<string, string> = {}) {
  const ctx = await createTestDb();
  const target = new URL(ctx.url as string);
  const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
  const proxied = new URL(target);
  proxied.hostname = '127.0.0.1';
  proxied.port = String(proxy.port);
  const app = await createApp(
    readConfig({ DATABASE_URL: proxied.toString(), PGLITE_DIR: 'memory://', ...env }),
    silent,
  );
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  return {
    app,
    proxy,
    base,
    async close() {
      await new Promise((resolve) => app.server.close(resolve));
      await app.close();
      await proxy.close();
      await ctx.close();
    },
  };
}

/** A read that reaches the database every time; returns status, body and how long it took. */
async function read(base: string) {
  const started = Date.now();
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ flows(first: 3) { totalCount } }' }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: { message: string }[] };
  return { status: response.status, body, ms: Date.now() - started };
}

const masked = (body: unknown) => {
  const text = JSON.stringify(body);
  expect(text).toContain('Unexpected error.');
  expect(text).not.toMatch(/select|terminated|ECONN|stack|at \S+ \(/i);
};

/** Eight clients reading in a loop until stopped, counting successes and keeping failures. */
function startLoad(base: string) {
  let stopped = false;
  const load = {
    failures: [] as { ms: number; body: unknown }[],
    successes: 0,
    stop: async () => {
      stopped = true;
      await Promise.all(workers);
    },
  };
  const worker = async () => {
    while (!stopped) {
      const result = await read(base);
      if (result.body.errors) load.failures.push(result);
      else load.successes++;
    }
  };
  const workers = Array.from({ length: 8 }, worker);
  return load;
}

/** Milliseconds until a read succeeds again (within 10 s), or -1. */
async function recovery(base: string): Promise<number> {
  const restored = Date.now();
  while (Date.now() - restored < 10_000) {
    if (!(await read(base)).body.errors) return Date.now() - restored;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return -1;
}

describe.skipIf(!url)('database faults (PostgreSQL only: PGlite runs in-process)', () => {
  let server: Awaited<ReturnType<typeof serveThroughProxy>>;
  let app: App;
  beforeAll(async () => {
    server = await serveThroughProxy();
    app = server.app;
  });
  afterAll(() => server.close());

  it('a dropped idle connection does not crash the process; the next request works', async () => {
    expect((await read(server.base)).body.errors).toBeUndefined();
    expect(poolOf(app.db)?.idleCount).toBeGreaterThan(0);
    server.proxy.dropConnections();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const after = await read(server.base);
    expect(after.body.errors).toBeUndefined();
  });

  it('an outage under load: fast masked errors, readyz down, recovery within 5 s', async () => {
    const load = startLoad(server.base);
    const { failures } = load;
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(load.successes).toBeGreaterThan(0);

    await server.proxy.cut();
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(failures.length).toBeGreaterThan(0);
    for (const failure of failures) {
      masked(failure.body);
      expect(failure.ms).toBeLessThan(2_500);
    }
    const down = await fetch(`${server.base}/readyz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ status: 'unavailable', database: 'down' });

    await server.proxy.restore();
    const recoveredMs = await recovery(server.base);
    await load.stop();
    const slowest = Math.max(...failures.map((f) => f.ms));
    console.log(
      `outage: ${failures.length} masked failures, slowest ${slowest} ms; recovered ${recoveredMs} ms after return`,
    );
    expect(recoveredMs).toBeGreaterThanOrEqual(0);
    expect(recoveredMs).toBeLessThan(5_000);
    expect((await fetch(`${server.base}/readyz`)).status).toBe(200);
  });

  it('an exhausted pool fails a request within 2 s instead of hanging', async () => {
    const pool = poolOf(app.db);
    if (!pool) throw new Error('expected a pg pool');
    // Hold every connection the pool may open.
    const held = [];
    for (let i = 0; i < (pool.options.max ?? 10); i++) held.push(await pool.connect());
    try {
      const result = await read(server.base);
      console.log(`exhausted pool: request failed after ${result.ms} ms`);
      masked(result.body);
      expect(result.ms).toBeLessThan(2_000);
      const ready = await (await fetch(`${server.base}/readyz`)).json();
      expect(ready).toMatchObject({ database: 'down', pool: { total: held.length } });
    } finally {
      for (const client of held) client.release();
    }
    expect((await read(server.base)).body.errors).toBeUndefined();
  });

  it('statements are cancelled after the statement timeout (5 s on the server pool)', async () => {
    const { rows } = await sql<{ statement_timeout: string }>`show statement_timeout`.execute(
      app.db,
    );
    expect(rows[0]?.statement_timeout).toBe('5s');
    const db = await createDb({ databaseUrl: url, statementTimeoutMs: 200 });
    try {
      await expect(sql`select pg_sleep(2)`.execute(db)).rejects.toMatchObject({ code: '57014' });
    } finally {
      await db.destroy();
    }
  });
});

describe.skipIf(!url)('request timeout (PostgreSQL only)', () => {
  it('answers 503 REQUEST_TIMEOUT when a request outlives REQUEST_TIMEOUT_MS', async () => {
    const server = await serveThroughProxy({ REQUEST_TIMEOUT_MS: '500' });
    const pool = poolOf(server.app.db);
    const held = [];
    try {
      for (let i = 0; i < (pool?.options.max ?? 10); i++) held.push(await pool?.connect());
      const result = await read(server.base);
      expect(result.status).toBe(503);
      expect(result.body.errors?.[0]).toMatchObject({ extensions: { code: 'REQUEST_TIMEOUT' } });
      expect(result.ms).toBeLessThan(1_500);
    } finally {
      for (const client of held) client?.release();
      await server.close();
    }
  });
});
