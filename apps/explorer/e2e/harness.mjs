// Shared by the e2e checks and the benchmark: the built server on a free port, and Chromium.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const SERVER = join(ROOT, 'apps/server/dist/index.js');
const EXPLORER = join(ROOT, 'apps/explorer/dist/index.html');
/** Accepted by the e2e server as a token with every scope (for checks that write). */
export const ADMIN_TOKEN = 'e2e-admin-token-0123456789abcdef';
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts the built API + explorer on embedded in-memory PGlite, or on `databaseUrl` when given;
 * resolves once /readyz answers.
 */
export async function startServer({ databaseUrl = '' } = {}) {
  for (const [file, what] of [
    [SERVER, 'the server'],
    [EXPLORER, 'the explorer'],
  ]) {
    if (!existsSync(file)) throw new Error(`${what} is not built (${file}): run pnpm build first`);
  }
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [...(process.env.E2E_NODE_FLAGS?.split(' ').filter(Boolean) ?? []), SERVER],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        PGLITE_DIR: 'memory://',
        DATABASE_URL: databaseUrl,
        LOG_LEVEL: 'warn',
        ADMIN_TOKEN,
        // The suite, one address, asks more than the default 120 traces and totals a minute on
        // a quiet machine (pages then fail with 429): no check here is about rate limits.
        RATE_LIMIT_EXPENSIVE: process.env.RATE_LIMIT_EXPENSIVE ?? '100000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let log = '';
  child.stdout.on('data', (d) => {
    log += d;
  });
  child.stderr.on('data', (d) => {
    log += d;
  });
  const url = `http://127.0.0.1:${port}`;
  // A loaded machine (several engineers share two cores) may need longer: E2E_READY_MS.
  const deadline = Date.now() + Number(process.env.E2E_READY_MS ?? 60_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${log}`);
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server not ready in time:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    log: () => log,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

export async function launchBrowser() {
  if (!existsSync(CHROMIUM))
    throw new Error(`no Chromium at ${CHROMIUM} (apt-get install chromium)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

/** A GraphQL request the page sent (POST body or GET query string), or null for any other. */
export function graphqlRequest(request) {
  const url = new URL(request.url());
  if (url.pathname !== '/graphql') return null;
  const body = request.postData();
  if (body) return { query: '', variables: {}, ...JSON.parse(body) };
  const param = (name) => url.searchParams.get(name);
  return {
    query: param('query') ?? '',
    operationName: param('operationName'),
    variables: JSON.parse(param('variables') ?? '{}'),
  };
}
