/**
 * pnpm bench: our server against PostGraphile 4.14.1 on the same PostgreSQL database (the
 * synthetic national data set of `pnpm bench:generate`), for the five request shapes of issue
 * 14, with the SQL floor and the HTTP/GraphQL ceiling. Loopback only, bounded in time.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_national pnpm bench
 *   BENCH_MODE=varied|repeated|both BENCH_SEED=14 BENCH_SECONDS=10 BENCH_WARMUP=3
 *   BENCH_CONNECTIONS=10 BENCH_ROUNDS=2 BENCH_SHAPES=a,b,c,d,e BENCH_CHECKS=5
 *
 * Varied (the default): every request draws its parameters from the pools of pools.ts with a
 * seeded generator, never the same twice in a row, the same seed for every target. Repeated:
 * one parameter set over and over, which measures caches; reported apart, labelled so.
 * Needs the built server (pnpm build). It creates (or replaces) SQL functions in a schema
 * `bench` (bench-sql.ts): run it on a copy of a data set that must stay read-only. Before timing,
 * the servers must return the same data for every shape; the bench stops if they do not.
 */
import { cpus } from 'node:os';
import pg from 'pg';
import { createBenchSchema } from './bench-sql.js';
import { httpRun, mergeRuns, type RunOptions, type RunResult, sqlRun } from './load-run.js';
import { loadPools } from './pools.js';
import { precheck } from './precheck.js';
import { draws, repeats } from './random.js';
import {
  describeMachine,
  finishMachine,
  type Mode,
  markdown,
  type Report,
  type ShapeResult,
  SLOW_MS,
  SLOW_PER_CONNECTION,
  TARGETS,
  type TargetName,
  writeReport,
} from './report.js';
import { named, repoRoot, startOurs, startPostgraphile } from './servers.js';
import { type Params, type Shape, shapes } from './shapes.js';
import { type Cost, perRequest, type Watched, watch } from './usage.js';

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
const modeNames =
  process.env.BENCH_MODE === 'both' ? ['varied', 'repeated'] : [process.env.BENCH_MODE ?? 'varied'];
const SEED = Number(process.env.BENCH_SEED ?? 14);
const CHECKS = Number(process.env.BENCH_CHECKS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
/** Ours on this port, PostGraphile on the next, ours without its response cache on the one after. */
const BASE_PORT = Number(process.env.BENCH_PORT ?? 4711);
const METRICS_TOKEN = 'bench-metrics-token';
const MIN_PER_CONNECTION = 4;
const CORES = cpus().length;

const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
const floorPool = new pg.Pool({
  connectionString: named(databaseUrl, 'bench-floor'),
  max: options.connections,
});
const machine = await describeMachine(pool);
await createBenchSchema(pool);
const pools = await loadPools(pool, SEED);
const counts = await pool.query<{ flows: number; observations: number; actors: number }>(
  `select (select count(*) from flows)::int as flows, (select count(*) from observations)::int
     as observations, (select count(*) from actors)::int as actors`,
);

const ourEnv = { METRICS_TOKEN };
const ours = await startOurs(named(databaseUrl, 'bench-ours'), BASE_PORT, ourEnv);
const uncached = await startOurs(named(databaseUrl, 'bench-uncached'), BASE_PORT + 2, {
  ...ourEnv,
  RESPONSE_CACHE: 'off',
});
const postgraphile = await startPostgraphile(
  named(databaseUrl, 'bench-postgraphile'),
  BASE_PORT + 1,
);
const metrics = (url: string) => ({
  url: url.replace(/graphql$/, 'metrics'),
  token: METRICS_TOKEN,
});
const watched: Record<TargetName, Watched> = {
  ours: { pid: ours.pid, applicationName: 'bench-ours', metrics: metrics(ours.url) },
  uncached: {
    pid: uncached.pid,
    applicationName: 'bench-uncached',
    metrics: metrics(uncached.url),
  },
  postgraphile: { pid: postgraphile.pid, applicationName: 'bench-postgraphile' },
  floor: { pid: null, applicationName: 'bench-floor' },
};

/**
 * Runs by count rather than time: a request over SLOW_MS alone, or one so long that a turn
 * would answer fewer than MIN_PER_CONNECTION per connection (a timed run would end with most
 * requests in flight, and leave them running on the database during the next run).
 */
const isSlow = (ms: number) =>
  ms > SLOW_MS ||
  ms * MIN_PER_CONNECTION * options.connections > ((options.seconds * 1000) / ROUNDS) * CORES;

/** One target's supply of requests and its run. */
function runner(name: TargetName, shape: Shape, next: () => Params) {
  const body = (f: (p: Params) => unknown) => () => JSON.stringify(f(next()));
  if (name === 'floor') return (o: RunOptions) => sqlRun(floorPool, () => shape.floor(next()), o);
  const url = { ours: ours.url, uncached: uncached.url, postgraphile: postgraphile.url }[name];
  const request = name === 'postgraphile' ? shape.postgraphile : shape.ours;
  return (o: RunOptions) => httpRun(url, body(request), o);
}

async function measure(mode: Mode, shape: Shape, slowMs: Record<string, number>) {
  const pick = (seed: number) =>
    mode === 'varied' ? draws(shape.pool(pools), seed) : repeats(shape.pool(pools));
  const runs = TARGETS.map((name) => ({
    name,
    // the same seed for every target; the warm-up draws with its own
    run: runner(name, shape, pick(SEED)),
    warm: runner(name, shape, pick(SEED + 1)),
    slow: isSlow(slowMs[name === 'floor' ? 'postgraphile' : name] ?? 0),
    results: [] as RunResult[],
    costs: [] as Cost[],
  }));
  // Targets take turns (ROUNDS slices each), so a burst of load from elsewhere on the shared
  // machine falls on all of them rather than on one. A slow shape runs by count, once.
  for (let round = 0; round < ROUNDS; round++) {
    for (const t of runs) {
      if (t.slow && round > 0) continue;
      if (!t.slow && round === 0 && options.warmupSeconds > 0) {
        await t.warm({ ...options, seconds: options.warmupSeconds, warmupSeconds: 0 });
      }
      const stop = await watch(pool, watched[t.name]);
      const o: RunOptions = t.slow
        ? { ...options, warmupSeconds: 0, perConnection: SLOW_PER_CONNECTION }
        : { ...options, seconds: options.seconds / ROUNDS, warmupSeconds: 0 };
      t.results.push(await t.run(o));
      t.costs.push(await stop());
    }
  }
  const merged = Object.fromEntries(
    runs.map((t) => {
      const r = mergeRuns(t.results);
      return [t.name, { ...r, ...perRequest(t.costs, r.requests) }];
    }),
  ) as ShapeResult['targets'];
  for (const [name, r] of Object.entries(merged)) {
    console.log(
      `  ${name.padEnd(13)}${r.rps} req/s  p50 ${r.p50}  p95 ${r.p95}  p99 ${r.p99}  errors ` +
        `${r.errors}  cache hits ${r.cacheHitRate ?? '–'}  CPU/request server ` +
        `${r.serverCpuMsPerRequest ?? '–'} ms, PostgreSQL ${r.postgresCpuMsPerRequest} ms`,
    );
  }
  return merged;
}

const selected = shapes().filter((s) => only.includes(s.key));
const modes: Report['modes'] = {};
let ceiling: RunResult | undefined;
try {
  console.log('checking that the servers return the same data');
  const slow = new Map<string, Record<string, number>>();
  for (const shape of selected) {
    const next = draws(shape.pool(pools), SEED + 2);
    const params = Array.from({ length: CHECKS + 1 }, next);
    slow.set(
      shape.key,
      await precheck(shape, params, {
        ours: ours.url,
        uncached: uncached.url,
        postgraphile: postgraphile.url,
      }),
    );
  }
  for (const mode of modeNames as Mode[]) {
    const results: ShapeResult[] = [];
    for (const shape of selected) {
      console.log(`${mode}: ${shape.key}. ${shape.title}`);
      const targets = await measure(mode, shape, slow.get(shape.key) ?? {});
      const ratio = (x: RunResult) =>
        targets.postgraphile.rps === 0
          ? null
          : Math.round((x.rps / targets.postgraphile.rps) * 100) / 100;
      results.push({
        key: shape.key,
        title: shape.title,
        pool: shape.pool(pools).length,
        targets,
        ratio: ratio(targets.ours),
        ratioUncached: ratio(targets.uncached),
      });
    }
    modes[mode] = results;
  }
  const typename = JSON.stringify({ query: '{ __typename }', variables: {} });
  ceiling = await httpRun(ours.url, () => typename, options);
  console.log(
    `ceiling { __typename }: ${ceiling.rps} req/s  p50 ${ceiling.p50}  p99 ${ceiling.p99}`,
  );
} finally {
  await Promise.all([ours.stop(), uncached.stop(), postgraphile.stop()]);
}

const report: Report = {
  date: new Date().toISOString(),
  database: counts.rows[0] ?? { flows: 0, observations: 0, actors: 0 },
  options: { ...options, rounds: ROUNDS, seed: SEED },
  machine: finishMachine(machine),
  modes,
  ceiling,
};
writeReport(repoRoot, `${repoRoot}/bench/results`, report);
await Promise.all([pool.end(), floorPool.end()]);
console.log(`\n${markdown(report)}`);
