// biome-ignore-all lint/suspicious/noExplicitAny: the answers are untyped GraphQL JSON
/**
 * `pnpm load`: our built server (apps/server/dist) on a loopback port against DATABASE_URL (or
 * PGlite in memory when unset), 50,000 requests of a mix (a flows page, a node lookup, a trace,
 * totals) at 64 connections, bounded in count and time. Checks: no non-2xx, no transport
 * errors, no GraphQL errors in a sample of each shape before and after, RSS at the end at most
 * 1.2 times RSS after the warm-up. Exits 1 when a check fails.
 *
 * The server runs with its rate limits lifted (RATE_LIMIT_* = 100,000,000, see servers.ts):
 * the run is one client on one IP, which the default limits would throttle within a second.
 */
import autocannon from 'autocannon';
import { startOurs } from './servers.js';

const TOTAL = Number(process.env.LOAD_REQUESTS ?? 50_000);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 64);
/**
 * V8 grows its heap lazily under 64 concurrent requests, and RSS stops trending only after about
 * this many (bench/results/2026-11-29-load.md); a shorter warm-up compares the end with a heap
 * still growing to its working size.
 */
const WARMUP = Number(process.env.LOAD_WARMUP ?? 20_000);
/** The whole run must finish within this; a slower one fails rather than hangs. */
const MAX_SECONDS = Number(process.env.LOAD_MAX_SECONDS ?? 600);
const RSS_RATIO_MAX = 1.2;
const PORT = Number(process.env.LOAD_PORT ?? 4790);

type Body = { query: string; variables?: Record<string, unknown> };

async function post(url: string, body: Body) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as { data?: any; errors?: unknown[] };
  if (!response.ok || json.errors) {
    throw new Error(`${response.status} ${JSON.stringify(json.errors ?? json).slice(0, 500)}`);
  }
  return json.data;
}

/** The mix, with ids from the database it runs against. */
async function mix(url: string): Promise<Record<string, Body>> {
  const data = await post(url, {
    query: `{ actors(first: 100) { edges { node { id outflows(first: 1) { totalCount } } } } }`,
  });
  const actors = data.actors.edges.map((e: any) => e.node);
  // The trace starts where most money leaves; the lookup asks for a busy actor too.
  const origin = actors.reduce((a: any, b: any) =>
    b.outflows.totalCount > a.outflows.totalCount ? b : a,
  );
  return {
    flows: {
      query: `query LoadFlows { flows(first: 20) { totalCount edges { node { id year
        amount { value formatted } source { name } target { name } program { name } } } } }`,
    },
    node: {
      query: `query LoadNode($id: ID!) { node(id: $id) { id ... on Actor { name kind
        outflows(first: 10) { edges { node { id amount { value } target { name } } } } } } }`,
      variables: { id: origin.id },
    },
    trace: {
      query: `query LoadTrace($id: ID!) { trace(from: $id, maxDepth: 6, limit: 50) {
        total { value } nodes { depth attributed { value } actor { name } }
        links { share attributed { value } } residuals { kind amount { value } } } }`,
      variables: { id: origin.id },
    },
    totals: {
      query: `query LoadTotals { totals(groupBy: [YEAR, PROGRAM]) { year program { name }
        publicMoney { value qualifier } loanPrincipal { value } } }`,
    },
  };
}

const METRICS_TOKEN = 'load-bench-metrics-token';

async function rss(base: string): Promise<number> {
  const headers = { authorization: `Bearer ${METRICS_TOKEN}` };
  const text = await (await fetch(`${base}/metrics`, { headers })).text();
  const match = /^process_resident_memory_bytes (\d+)/m.exec(text);
  if (!match) throw new Error('no process_resident_memory_bytes in /metrics');
  return Number(match[1]);
}

/**
 * RSS under load saws up and down with V8's garbage collections, so one reading says little:
 * the server's RSS is read every 500 ms while `during` runs, and the peak of the last
 * `tail` share of the readings stands for that phase.
 */
async function peakRss<T>(base: string, tail: number, during: () => Promise<T>) {
  const readings: number[] = [];
  const timer = setInterval(() => {
    rss(base).then(
      (bytes) => readings.push(bytes),
      () => {},
    );
  }, 500);
  try {
    const result = await during();
    readings.push(await rss(base));
    return { result, peak: Math.max(...readings.slice(-Math.ceil(readings.length * tail))) };
  } finally {
    clearInterval(timer);
  }
}

function percentile(sorted: number[], p: number) {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/** `amount` requests of the mix; stopped (and failed) if it outlasts `maxSeconds`. */
function fire(url: string, bodies: Body[], amount: number, maxSeconds: number) {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let timedOut = false;
  return new Promise<{
    result: autocannon.Result;
    latencies: number[];
    statuses: Map<number, number>;
    timedOut: boolean;
  }>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: CONNECTIONS,
        amount,
        timeout: 30,
        requests: bodies.map((b) => ({
          method: 'POST' as const,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(b),
        })),
      },
      (error, result) => {
        clearTimeout(timer);
        if (error) reject(error);
        else resolve({ result, latencies, statuses, timedOut });
      },
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      latencies.push(ms);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    });
    const timer = setTimeout(() => {
      timedOut = true;
      instance.stop();
    }, maxSeconds * 1000);
  });
}

const databaseUrl = process.env.DATABASE_URL ?? '';
console.log(
  `load: ${TOTAL} requests, ${CONNECTIONS} connections, ${databaseUrl ? 'PostgreSQL' : 'PGlite in memory'}`,
);
const server = await startOurs(databaseUrl, PORT, {
  PGLITE_DIR: 'memory://',
  // Bounded by count and time, not by the server's per-request deadline.
  REQUEST_TIMEOUT_MS: '30000',
  // /metrics answers only with this token (its RSS is read from there).
  METRICS_TOKEN,
});
const base = server.url.replace(/\/graphql$/, '');
const failures: string[] = [];
try {
  const shapes = await mix(server.url);
  const bodies = Object.values(shapes);
  const sample = async (when: string) => {
    for (const [name, body] of Object.entries(shapes)) {
      await post(server.url, body).catch((error: Error) =>
        failures.push(`${name} ${when}: ${error.message}`),
      );
    }
  };
  await sample('before the run');
  const warm = await peakRss(base, 0.5, () => fire(server.url, bodies, WARMUP, MAX_SECONDS));
  const rssWarm = warm.peak;
  const started = performance.now();
  const { result: run, peak: rssEnd } = await peakRss(base, 0.25, () =>
    fire(server.url, bodies, TOTAL, MAX_SECONDS),
  );
  const seconds = (performance.now() - started) / 1000;
  await sample('after the run');

  const sorted = [...run.latencies].sort((a, b) => a - b);
  const non2xx = [...run.statuses]
    .filter(([s]) => s < 200 || s > 299)
    .reduce((n, [, c]) => n + c, 0);
  const errors = run.result.errors + run.result.timeouts;
  const ratio = rssEnd / rssWarm;
  const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
  const report = {
    requests: sorted.length,
    seconds: Math.round(seconds * 10) / 10,
    requestsPerSecond: Math.round(sorted.length / seconds),
    latencyMs: {
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
    },
    non2xx,
    errors,
    // Peaks: of the warm-up's second half, and of the run's last quarter.
    rss: { afterWarmup: mb(rssWarm), atEnd: mb(rssEnd), ratio: Math.round(ratio * 1000) / 1000 },
  };
  console.log(JSON.stringify(report, null, 2));
  if (run.timedOut) failures.push(`not done within ${MAX_SECONDS} s`);
  if (sorted.length < TOTAL) failures.push(`${sorted.length} of ${TOTAL} requests answered`);
  if (non2xx > 0)
    failures.push(`${non2xx} non-2xx responses: ${JSON.stringify([...run.statuses])}`);
  if (errors > 0) failures.push(`${errors} transport errors or timeouts`);
  if (ratio > RSS_RATIO_MAX) failures.push(`RSS grew ${ratio.toFixed(3)}× (max ${RSS_RATIO_MAX})`);
} catch (error) {
  failures.push(String(error));
} finally {
  await server.stop();
}
if (failures.length > 0) {
  console.error(`load: FAILED\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log('load: all checks passed');
