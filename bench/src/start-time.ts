/**
 * pnpm --filter @fundtrace/bench start-time: how long the embedded server takes from
 * `node apps/server/dist/index.js` to the first answered GraphQL query, on a new PGlite
 * directory (migrated and seeded on the way) and on an existing one. Targets: ≤ 10 s new,
 * ≤ 3 s existing. Needs the built server (pnpm build).
 *
 *   START_RUNS=3 pnpm --filter @fundtrace/bench start-time
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './servers.js';

const RUNS = Number(process.env.START_RUNS ?? 3);
const TARGETS = { newMs: 10_000, existingMs: 3_000 };
const QUERY = '{ programs(first: 10) { edges { node { key } } } }';
const PORT = Number(process.env.START_PORT ?? 4731);

/** Milliseconds from spawn to the first answer with data; the server is stopped afterwards. */
async function timeStart(pgliteDir: string, port: number): Promise<number> {
  const started = performance.now();
  const child = spawn('node', ['apps/server/dist/index.js'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      DATABASE_URL: '',
      PGLITE_DIR: pgliteDir,
      PORT: String(port),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-2000);
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}: ${stderr}`);
      if (performance.now() - started > 60_000) throw new Error(`no answer in 60 s: ${stderr}`);
      try {
        const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: QUERY }),
        });
        const body = (await response.json()) as { data?: { programs?: { edges?: unknown[] } } };
        if (response.ok && (body.data?.programs?.edges?.length ?? 0) > 0)
          return performance.now() - started;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  } finally {
    await new Promise<void>((done) => {
      if (child.exitCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
    });
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' / ');
const loadAtStart = load();
const fresh: number[] = [];
const existing: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const dir = mkdtempSync(join(tmpdir(), 'fundtrace-start-'));
  try {
    fresh.push(await timeStart(join(dir, 'pglite'), PORT));
    existing.push(await timeStart(join(dir, 'pglite'), PORT));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
console.log(
  `new PGlite directory (migrate + seed): ${fresh.map(fmt).join(', ')}; median ${fmt(median(fresh))} (target ≤ ${fmt(TARGETS.newMs)})`,
);
console.log(
  `existing directory: ${existing.map(fmt).join(', ')}; median ${fmt(median(existing))} (target ≤ ${fmt(TARGETS.existingMs)})`,
);
console.log(`load average ${loadAtStart} at start, ${load()} at end (the machine is shared)`);
if (median(fresh) > TARGETS.newMs || median(existing) > TARGETS.existingMs) process.exitCode = 1;
