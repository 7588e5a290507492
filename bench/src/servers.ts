/**
 * The two servers under test, each a child process on its own loopback port: our built server
 * (apps/server/dist/index.js) and PostGraphile (postgraphile-server.ts). Both get the same
 * database and the same pool size.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '../..');

export interface Running {
  url: string;
  /** The server's process (PostGraphile's runs under tsx: count its descendants too). */
  pid: number | null;
  stop: () => Promise<void>;
}

/** The database URL with an application_name, so the bench can find the server's backends. */
export function named(databaseUrl: string, applicationName: string): string {
  const url = new URL(databaseUrl);
  url.searchParams.set('application_name', applicationName);
  return url.toString();
}

const POOL_MAX = '10';

async function waitFor(url: string, init: RequestInit, child: ChildProcess, log: () => string) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${log()}`);
    try {
      const response = await fetch(url, init);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server at ${url} not ready after 120 s:\n${log()}`);
}

/**
 * Our server loads its in-memory flows once it is ready (seconds of both cores at national
 * scale): nothing is timed before that, or the load is measured instead (it once made a list
 * shape's first request take 219 ms, and the bench ran that target as a slow one).
 */
async function waitLoaded(base: string) {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    const state = (await (await fetch(`${base}/readyz`)).json()) as { flowGraph?: string };
    if (state.flowGraph !== 'loading' && state.flowGraph !== 'none') return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server at ${base} did not load its flows in 180 s`);
}

/** Refuses a port something already answers on: the bench would measure that instead. */
async function assertFree(port: number) {
  const answered = await fetch(`http://127.0.0.1:${port}/`).then(
    () => true,
    () => false,
  );
  if (answered) throw new Error(`port ${port} is taken: set BENCH_PORT to a free range`);
}

async function start(command: string[], env: Record<string, string>, cwd: string) {
  await assertFree(Number(env.PORT));
  const [bin = 'node', ...args] = command;
  const child = spawn(bin, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const stop = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
    });
  return { child, stop, log: () => output };
}

/** Our server, with the rate limits lifted: the bench is one client sending thousands a second. */
export async function startOurs(
  databaseUrl: string,
  port: number,
  extraEnv: Record<string, string> = {},
) {
  const s = await start(
    ['node', 'apps/server/dist/index.js'],
    {
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      PG_POOL_MAX: POOL_MAX,
      RATE_LIMIT_EXPENSIVE: '100000000',
      RATE_LIMIT_WRITES: '100000000',
      ...extraEnv,
    },
    repoRoot,
  );
  const url = `http://127.0.0.1:${port}/graphql`;
  await waitFor(`http://127.0.0.1:${port}/readyz`, {}, s.child, s.log);
  await waitLoaded(`http://127.0.0.1:${port}`).catch(async (error) => {
    await s.stop();
    throw error;
  });
  return { url, pid: s.child.pid ?? null, stop: s.stop } satisfies Running;
}

export async function startPostgraphile(databaseUrl: string, port: number) {
  const tsx = resolve(here, '../node_modules/.bin/tsx');
  const s = await start(
    [tsx, resolve(here, 'postgraphile-server.ts')],
    {
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      NODE_ENV: 'production',
      PG_POOL_MAX: POOL_MAX,
    },
    resolve(here, '..'),
  );
  const url = `http://127.0.0.1:${port}/graphql`;
  await waitFor(
    url,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{__typename}"}',
    },
    s.child,
    s.log,
  );
  return { url, pid: s.child.pid ?? null, stop: s.stop } satisfies Running;
}
