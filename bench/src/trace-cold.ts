/**
 * pnpm bench:trace-cold — traces as a user asks for them, nothing cached: each request a new
 * start and year (a random county or league, one year), then the regional treasury's first
 * trace of 2017 and of all years, through GraphQL over HTTP on loopback against the synthetic
 * national set (DATABASE_URL, loaded by `pnpm bench:generate`; read only). While the treasury's
 * all-years trace computes, /healthz and a page of 20 flows are asked every 100 ms: their
 * latencies say whether the computation holds the event loop. Bounded: TRACE_COLD_REQUESTS
 * county or league traces (default 30), after TRACE_COLD_WARMUP first asks of other starts
 * (default 30; their figures are printed apart: a fresh process compiling its code);
 * TRACE_TIMEOUT_MS as on the server. One sample of each treasury trace per run (a second would
 * be a cache hit).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDb } from '@fundtrace/server/db/create-db';
import { warmTraceGraph } from '@fundtrace/server/trace/graph-store';
import { createYogaServer } from '@fundtrace/server/yoga';
import { globalId } from './shapes.js';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('Set DATABASE_URL to a database loaded by `pnpm bench:generate`.');
  process.exit(1);
}
const REQUESTS = Number(process.env.TRACE_COLD_REQUESTS ?? 30);
const SEED = Number(process.env.TRACE_COLD_SEED ?? 1);
/** First asks of other starts before the measured ones (0: measure a fresh process's first). */
const WARMUP = Number(process.env.TRACE_COLD_WARMUP ?? 30);

const db = await createDb({ databaseUrl: url, statementTimeoutMs: 5_000 });
const actors = await db
  .selectFrom('actors')
  .select(['id', 'key'])
  .where((eb) => eb.or([eb('key', 'like', 'syn-county-%'), eb('key', 'like', 'syn-league-%')]))
  .orderBy('id')
  .execute();
const treasury = await db
  .selectFrom('actors')
  .select('id')
  .where('key', '=', 'im-regional-treasury')
  .executeTakeFirstOrThrow();
const yearRows = await db.selectFrom('flows').select('year').distinct().orderBy('year').execute();
const years = yearRows.map((r) => r.year);

// As the server does on start: the in-memory flow graph loads before the first trace (the
// trace and response caches stay empty). TRACE_GRAPH=off: every trace loads its flows by SQL.
const graphStarted = performance.now();
if (process.env.TRACE_GRAPH !== 'off') await warmTraceGraph(db);
const graphMs = performance.now() - graphStarted;

// The server's default trace deadline (20 s) unless told otherwise; older servers ignore it.
const yoga = createYogaServer(db, {
  traceTimeoutMs: Number(process.env.TRACE_TIMEOUT_MS ?? 20_000),
} as Parameters<typeof createYogaServer>[1]);
const server = createServer((req, res) => {
  // As the application server answers it: at once, without the database.
  if (req.url === '/healthz') {
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    return;
  }
  void yoga(req, res);
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const TRACE = `query($from: ID!, $year: Int) {
  trace(from: $from, year: $year, maxDepth: 6) {
    total { value } nodeCount linkCount truncated
    nodes { actor { id name } depth attributed { value } outflow { value } residual { value } }
    links { flow { id } attributed { value } share }
    residualTotals { kind actorCount amount { value } }
  }
}`;
const PAGE = `query($actor: ID!) { flows(first: 20, filter: { actorId: $actor }) {
  edges { node { id amount { value } source { name } target { name } } } } }`;

async function post(query: string, variables: Record<string, unknown>) {
  const started = performance.now();
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as {
    errors?: { message: string; extensions?: { code?: string } }[];
    data?: { trace?: { nodeCount: number } };
  };
  return { ms: performance.now() - started, body };
}

/** A deterministic shuffle (mulberry32), so that two runs draw the same starts. */
function shuffled<T>(items: T[], seed: number): T[] {
  let a = seed >>> 0;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
const fmt = (ms: number) => `${ms.toFixed(0)} ms`;

// Every (start, year) pair at most once: each request is a first ask. The measured pairs are the
// first REQUESTS of the shuffle; WARMUP pairs of other starts are asked before them, so that the
// measured traces run on compiled code (a server that has been up a while) with nothing cached.
const shuffle = shuffled(
  actors.flatMap((a) => years.map((year) => ({ actor: a, year }))),
  SEED,
);
const pairs = shuffle.slice(0, REQUESTS);
const measured = new Set(pairs.map((p) => p.actor.id));
// other starts: no measured actor's flows are read before its own trace
const warmup = shuffle
  .slice(REQUESTS)
  .filter((p) => !measured.has(p.actor.id))
  .slice(0, WARMUP);
async function timed(list: typeof pairs) {
  const times: number[] = [];
  let errors = 0;
  for (const { actor, year } of list) {
    const r = await post(TRACE, { from: globalId('Actor', actor.id), year });
    if (r.body.errors) errors += 1;
    times.push(r.ms);
  }
  return { times: times.sort((a, b) => a - b), errors };
}
const warming = (await timed(warmup)).times;
const { times, errors } = await timed(pairs);
console.log(
  `flows: ${
    (
      await db
        .selectFrom('flows')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n
  }; graph ${process.env.TRACE_GRAPH === 'off' ? 'off' : `loaded in ${fmt(graphMs)}`}; load at start: ${(
    await import('node:os')
  )
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
const spread = (xs: number[]) =>
  `p50 ${fmt(percentile(xs, 50))}, p95 ${fmt(percentile(xs, 95))}, max ${fmt(xs.at(-1) ?? 0)}`;
if (warming.length) {
  console.log(
    `trace, random county or league, the first ${warming.length} first asks of a fresh process (its code compiling): ${spread(warming)}`,
  );
}
console.log(
  `trace, random county or league, one random year, depth 6, cold (${times.length} requests${warming.length ? `, after ${warming.length} others` : ''}, ${errors} errors): ${spread(times)}`,
);

for (const year of [2017, null]) {
  const probes: { health: number[]; page: number[] } = { health: [], page: [] };
  let running = true;
  const probing = (async () => {
    let i = 0;
    while (running) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      if (!running) break;
      const started = performance.now();
      await fetch(`${base}/healthz`).then((r) => r.text());
      probes.health.push(performance.now() - started);
      const actor = actors[i++ % actors.length] as (typeof actors)[number];
      probes.page.push((await post(PAGE, { actor: globalId('Actor', actor.id) })).ms);
    }
  })();
  const r = await post(TRACE, { from: globalId('Actor', treasury.id), year });
  running = false;
  await probing;
  const max = (xs: number[]) => fmt(Math.max(0, ...xs));
  console.log(
    `trace, treasury, depth 6, ${year ?? 'all years'}, first ask: ${fmt(r.ms)}` +
      (r.body.errors
        ? ` → ${r.body.errors[0]?.extensions?.code}: ${r.body.errors[0]?.message}`
        : `, ${r.body.data?.trace?.nodeCount} actors`) +
      `; meanwhile /healthz max ${max(probes.health)} (${probes.health.length} asks), a page of 20 flows max ${max(probes.page)}`,
  );
}
console.log(
  `load at end: ${(await import('node:os'))
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
server.close();
await db.destroy();
