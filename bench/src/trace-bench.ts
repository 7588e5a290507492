/**
 * pnpm bench:trace — latency of the downstream trace from the regional treasury at depth 6,
 * through GraphQL over HTTP on loopback, against the synthetic data set in PostgreSQL
 * (DATABASE_URL, loaded by `pnpm bench:generate`). Bounded: a fixed number of requests.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDb } from '@fundtrace/server/db/create-db';
import { migrateToLatest } from '@fundtrace/server/db/migrate';
import { computeTrace } from '@fundtrace/server/trace/compute';
import { createYogaServer } from '@fundtrace/server/yoga';
import { globalId } from './shapes.js';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('Set DATABASE_URL to a database loaded by `pnpm bench:generate`.');
  process.exit(1);
}
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 100);

const db = await createDb({ databaseUrl: url });
await migrateToLatest(db);
const treasury = await db
  .selectFrom('actors')
  .select('id')
  .where('key', '=', 'im-regional-treasury')
  .executeTakeFirstOrThrow();
const flows = await db
  .selectFrom('flows')
  .select((eb) => eb.fn.countAll<number>().as('n'))
  .executeTakeFirstOrThrow();
const yoga = createYogaServer(db);
const server = createServer(yoga);
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;

const QUERY = `query($from: ID!, $year: Int) {
  trace(from: $from, year: $year, maxDepth: 6) {
    total { value qualifier } nodeCount linkCount truncated
    nodes { actor { id name } depth attributed { value } outflow { value } residual { value } }
    others { depth actorCount attributed { value } inflows { actor { id } attributed { value } } }
    links { flow { id } attributed { value } share }
    outcomeTotals { metric kind year count attributedValue money { value } unitCost { value qualifier } }
    residualTotals { kind actorCount amount { value } }
  }
}`;

async function request(year: number | null) {
  const started = performance.now();
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: QUERY,
      variables: { from: globalId('Actor', treasury.id), year },
    }),
  });
  const body = (await response.json()) as {
    errors?: unknown;
    data?: { trace: { nodeCount: number; linkCount: number } };
  };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return { ms: performance.now() - started, trace: body.data?.trace };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

console.log(`flows in the database: ${flows.n}`);
for (const year of [null, 2017]) {
  const label = year === null ? 'all years' : `year ${year}`;
  // Computation without the cache, as a first request after a write would see it.
  const cold: number[] = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    await computeTrace(db, {
      start: { kind: 'Actor', id: treasury.id },
      direction: 'DOWNSTREAM',
      maxDepth: 6,
      year,
      statuses: null,
      unit: 'CNY',
    });
    cold.push(performance.now() - started);
  }
  const first = await request(year);
  const times: number[] = [];
  for (let i = 0; i < REQUESTS; i++) times.push((await request(year)).ms);
  times.sort((a, b) => a - b);
  console.log(
    `trace, treasury, depth 6, ${label}: ${first.trace?.nodeCount} actors, ${first.trace?.linkCount} flows reached\n` +
      `  computation without cache (3 runs): ${cold.map(fmt).join(', ')}\n` +
      `  first request: ${fmt(first.ms)}\n` +
      `  ${REQUESTS} requests: p50 ${fmt(percentile(times, 50))}, p95 ${fmt(percentile(times, 95))}, max ${fmt(times.at(-1) ?? 0)}`,
  );
}
server.close();
await db.destroy();
