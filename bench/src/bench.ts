/**
 * pnpm bench: our server against PostGraphile 4.14.1 on the same PostgreSQL database (the
 * synthetic national data set of `pnpm bench:generate`), for the five request shapes of issue 7,
 * with the SQL floor and the HTTP/GraphQL ceiling. Loopback only, bounded in time.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/fundtrace_national pnpm bench
 *   BENCH_SECONDS=10 BENCH_WARMUP=3 BENCH_CONNECTIONS=10 BENCH_SHAPES=a,b,c,d,e
 *
 * Needs the built server (pnpm build). Before timing, both servers must return the same data
 * (ids, counts, sums) for every shape; the bench stops if they do not.
 */
import { isDeepStrictEqual } from 'node:util';
import pg from 'pg';
import { createBenchSchema } from './bench-sql.js';
import { httpRun, type RunOptions, sqlRun } from './load-run.js';
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

/** Checks that both answer the same; returns each one's single-request time (ms). */
async function checkSame(shape: Shape, ours: string, postgraphile: string) {
  const a = shape.summariseOurs(await post(ours, shape.ours));
  // timed on a second request: the first may fill a cache
  let t = performance.now();
  await post(ours, shape.ours);
  const oursMs = performance.now() - t;
  t = performance.now();
  const b = shape.summarisePostgraphile(await post(postgraphile, shape.postgraphile));
  const postgraphileMs = performance.now() - t;
  if (!isDeepStrictEqual(a, b)) {
    throw new Error(
      `shape ${shape.key}: the servers disagree\nours:         ${JSON.stringify(a).slice(0, 1500)}\n` +
        `PostGraphile: ${JSON.stringify(b).slice(0, 1500)}`,
    );
  }
  const size = Array.isArray(a) ? `${a.length} rows` : 'summary';
  console.log(
    `  ${shape.key}: same data (${size}); one request: ours ${oursMs.toFixed(0)} ms, ` +
      `PostGraphile ${postgraphileMs.toFixed(0)} ms`,
  );
  return { oursMs, postgraphileMs };
}

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
const postgraphile = await startPostgraphile(databaseUrl, 4712);
const results: ShapeResult[] = [];
let ceiling: Report['ceiling'];
try {
  const selected = shapes(ids).filter((s) => only.includes(s.key));
  console.log('checking that both servers return the same data');
  const single = new Map<string, { oursMs: number; postgraphileMs: number }>();
  for (const shape of selected)
    single.set(shape.key, await checkSame(shape, ours.url, postgraphile.url));

  const slow = (ms: number | undefined): RunOptions =>
    (ms ?? 0) > SLOW_MS ? { ...options, perConnection: SLOW_PER_CONNECTION } : options;
  for (const shape of selected) {
    console.log(`${shape.key}. ${shape.title}`);
    // Ours warm (a second request): its cold first answer was the check above.
    const o = await httpRun(ours.url, shape.ours, slow(single.get(shape.key)?.oursMs));
    console.log(
      `  ours          ${o.rps} req/s  p50 ${o.p50}  p95 ${o.p95}  p99 ${o.p99}  errors ${o.errors}`,
    );
    const pgOptions = slow(single.get(shape.key)?.postgraphileMs);
    const p = await httpRun(postgraphile.url, shape.postgraphile, pgOptions);
    console.log(
      `  PostGraphile  ${p.rps} req/s  p50 ${p.p50}  p95 ${p.p95}  p99 ${p.p99}  errors ${p.errors}`,
    );
    const f = await sqlRun(pool, shape.floor, pgOptions);
    console.log(`  SQL floor     ${f.rps} req/s  p50 ${f.p50}  p95 ${f.p95}  p99 ${f.p99}`);
    const ratio = p.rps === 0 ? Number.POSITIVE_INFINITY : Math.round((o.rps / p.rps) * 100) / 100;
    console.log(`  ratio ours/PostGraphile ${ratio}×`);
    results.push({ key: shape.key, title: shape.title, ours: o, postgraphile: p, floor: f, ratio });
  }
  ceiling = await httpRun(ours.url, { query: '{ __typename }', variables: {} }, options);
  console.log(
    `ceiling { __typename }: ${ceiling.rps} req/s  p50 ${ceiling.p50}  p99 ${ceiling.p99}`,
  );
} finally {
  await Promise.all([ours.stop(), postgraphile.stop()]);
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
writeReport(`${repoRoot}/bench/results`, report);
await pool.end();
console.log(`\n${markdown(report)}`);
console.log('ratios ours/PostGraphile:', results.map((r) => `${r.key} ${r.ratio}×`).join(', '));
