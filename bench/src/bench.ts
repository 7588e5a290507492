/**
 * pnpm bench: our server against PostGraphile 4.14.1 on the same PostgreSQL database (the
 * synthetic national data set of `pnpm bench:generate`), for the five request shapes of issue 7,
 * with the SQL floor and the HTTP/GraphQL ceiling. Loopback only, bounded in time.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/fundtrace_national pnpm bench
 *   BENCH_SECONDS=10 BENCH_WARMUP=3 BENCH_CONNECTIONS=10 BENCH_ROUNDS=2 BENCH_SHAPES=a,b,c,d,e
 *
 * Needs the built server (pnpm build). Before timing, both servers must return the same data
 * (ids, counts, sums) for every shape; the bench stops if they do not.
 */
import { isDeepStrictEqual } from 'node:util';
import pg from 'pg';
import { createBenchSchema } from './bench-sql.js';
import { httpRun, mergeRuns, type RunOptions, type RunResult, sqlRun } from './load-run.js';
import {
  describeMachine,
  finishMachine,
  markdown,
  type Report,
  type ShapeResult,
  SLOW_MS,
  SLOW_PER_CONNECTION,
  writeReport,
} from './report.js';
import { repoRoot, startOurs, startPostgraphile } from './servers.js';
import { type Shape, shapes } from './shapes.js';

const TARGETS = { ratioAtoD: 1.25, ratioE: 5, p99AtoCms: 25 };

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error('Set DATABASE_URL to a PostgreSQL database loaded by `pnpm bench:generate`.');
  process.exit(2);
}
const options: RunOptions = {
  connections: Number(process.env.BENCH_CONNECTIONS ?? 10),
  seconds: Number(process.env.BENCH_SECONDS ?? 10),
  warmupSeconds: Number(process.env.BENCH_WARMUP ?? 3),
};
const only = (process.env.BENCH_SHAPES ?? 'a,b,c,d,e').split(',');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);

async function post(url: string, request: { query: string; variables: Record<string, unknown> }) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
  const body = (await response.json()) as { data?: unknown; errors?: unknown };
  if (!response.ok || body.errors) {
    throw new Error(
      `${url}: HTTP ${response.status} ${JSON.stringify(body.errors ?? body).slice(0, 800)}`,
    );
  }
  return body.data;
}

const timed = async (f: () => Promise<unknown>) => {
  const t = performance.now();
  return { value: await f(), ms: performance.now() - t };
};

/** Checks that all answer the same; returns each one's single-request time (ms). */
async function checkSame(shape: Shape, ours: string, uncached: string, postgraphile: string) {
  const a = shape.summariseOurs(await post(ours, shape.ours));
  // timed on a second request: the first may fill a cache
  const oursMs = (await timed(() => post(ours, shape.ours))).ms;
  const unc = shape.summariseOurs(await post(uncached, shape.ours));
  // also a second request: the trace keeps its own cache without the response cache
  const u = { value: unc, ms: (await timed(() => post(uncached, shape.ours))).ms };
  const p = await timed(async () =>
    shape.summarisePostgraphile(await post(postgraphile, shape.postgraphile)),
  );
  for (const [name, other] of [
    ['PostGraphile', p.value],
    ['ours without the response cache', u.value],
  ] as const) {
    if (!isDeepStrictEqual(a, other)) {
      throw new Error(
        `shape ${shape.key}: ${name} disagrees\nours:  ${JSON.stringify(a).slice(0, 1500)}\n` +
          `other: ${JSON.stringify(other).slice(0, 1500)}`,
      );
    }
  }
  const size = Array.isArray(a) ? `${a.length} rows` : 'summary';
  console.log(
    `  ${shape.key}: same data (${size}); one request: ours ${oursMs.toFixed(0)} ms, ` +
      `without the response cache ${u.ms.toFixed(0)} ms, PostGraphile ${p.ms.toFixed(0)} ms`,
  );
  return { ours: oursMs, uncached: u.ms, postgraphile: p.ms };
}

const line = (label: string, r: RunResult) =>
  console.log(
    `  ${label.padEnd(14)}${r.rps} req/s  p50 ${r.p50}  p95 ${r.p95}  p99 ${r.p99}  errors ${r.errors}`,
  );

const pool = new pg.Pool({ connectionString: databaseUrl, max: options.connections });
const machine = await describeMachine(pool);
await createBenchSchema(pool);
const idOf = async (key: string) => {
  const { rows } = await pool.query<{ id: number }>('select id from actors where key = $1', [key]);
  if (!rows[0]) throw new Error(`no actor ${key}: generate the synthetic data set first`);
  return rows[0].id;
};
const ids = { treasury: await idOf('im-regional-treasury'), county: await idOf('syn-county-1') };
const counts = await pool.query<{ flows: number; observations: number; actors: number }>(
  `select (select count(*) from flows)::int as flows, (select count(*) from observations)::int
     as observations, (select count(*) from actors)::int as actors`,
);

const ours = await startOurs(databaseUrl, 4711);
const uncached = await startOurs(databaseUrl, 4713, { RESPONSE_CACHE: 'off' });
const postgraphile = await startPostgraphile(databaseUrl, 4712);
const results: ShapeResult[] = [];
let ceiling: Report['ceiling'];
try {
  const selected = shapes(ids).filter((s) => only.includes(s.key));
  console.log('checking that the servers return the same data');
  const single = new Map<string, Awaited<ReturnType<typeof checkSame>>>();
  for (const shape of selected) {
    single.set(shape.key, await checkSame(shape, ours.url, uncached.url, postgraphile.url));
  }

  for (const shape of selected) {
    console.log(`${shape.key}. ${shape.title}`);
    const ms = single.get(shape.key);
    const targets = [
      { slowMs: ms?.ours, run: (o: RunOptions) => httpRun(ours.url, shape.ours, o) },
      { slowMs: ms?.uncached, run: (o: RunOptions) => httpRun(uncached.url, shape.ours, o) },
      {
        slowMs: ms?.postgraphile,
        run: (o: RunOptions) => httpRun(postgraphile.url, shape.postgraphile, o),
      },
      // the floor runs PostGraphile's SQL: as slow as it is
      { slowMs: ms?.postgraphile, run: (o: RunOptions) => sqlRun(pool, shape.floor, o) },
    ];
    // Targets take turns (ROUNDS slices each), so a burst of load from elsewhere on the shared
    // machine falls on all of them rather than on one. A slow shape runs by count, once.
    const runs: RunResult[][] = targets.map(() => []);
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, target] of targets.entries()) {
        const slow = (target.slowMs ?? 0) > SLOW_MS;
        if (slow && round > 0) continue;
        const o: RunOptions = slow
          ? { ...options, perConnection: SLOW_PER_CONNECTION }
          : {
              ...options,
              seconds: options.seconds / ROUNDS,
              warmupSeconds: round === 0 ? options.warmupSeconds : 0,
            };
        runs[i]?.push(await target.run(o));
      }
    }
    const [o, u, p, f] = runs.map(mergeRuns) as [RunResult, RunResult, RunResult, RunResult];
    line('ours', o);
    line('no resp. cache', u);
    line('PostGraphile', p);
    line('SQL floor', f);
    const ratio = p.rps === 0 ? Number.POSITIVE_INFINITY : Math.round((o.rps / p.rps) * 100) / 100;
    const ratioUncached =
      p.rps === 0 ? Number.POSITIVE_INFINITY : Math.round((u.rps / p.rps) * 100) / 100;
    console.log(
      `  ratio ours/PostGraphile ${ratio}× (without the response cache ${ratioUncached}×)`,
    );
    results.push({
      key: shape.key,
      title: shape.title,
      ours: o,
      oursUncached: u,
      postgraphile: p,
      floor: f,
      ratio,
      ratioUncached,
    });
  }
  ceiling = await httpRun(ours.url, { query: '{ __typename }', variables: {} }, options);
  console.log(
    `ceiling { __typename }: ${ceiling.rps} req/s  p50 ${ceiling.p50}  p99 ${ceiling.p99}`,
  );
} finally {
  await Promise.all([ours.stop(), uncached.stop(), postgraphile.stop()]);
}

const report: Report = {
  date: new Date().toISOString(),
  database: counts.rows[0] ?? { flows: 0, observations: 0, actors: 0 },
  options,
  machine: finishMachine(machine),
  shapes: results,
  ceiling,
  targets: TARGETS,
};
writeReport(repoRoot, `${repoRoot}/bench/results`, report);
await pool.end();
console.log(`\n${markdown(report)}`);
console.log(
  'ratios ours/PostGraphile:',
  results.map((r) => `${r.key} ${r.ratio}× (no response cache ${r.ratioUncached}×)`).join(', '),
);
