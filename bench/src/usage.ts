/**
 * What a run costs besides time: CPU of a server's process tree and of the PostgreSQL backends
 * serving it, read from /proc (utime + stime; PostgreSQL here has no pg_stat_statements), and
 * our response cache's hits, misses and bypasses from /metrics. Backends are told apart by
 * `application_name` (set in each server's DATABASE_URL) and sampled while the run goes, so a
 * backend that opens or closes during it still counts (one that closes counts up to its last
 * sample, at most SAMPLE_MS short).
 */
import { readdirSync, readFileSync } from 'node:fs';
import type pg from 'pg';

/** Kernel clock ticks per second (`getconf CLK_TCK`, 100 on Linux). */
const TICKS_PER_SECOND = 100;
const SAMPLE_MS = 250;

/** utime + stime of one process in ticks, and its parent; null once it is gone. */
function stat(pid: number): { ticks: number; parent: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name, in parentheses, may hold spaces: fields count from after it
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { parent: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null;
  }
}

/** CPU ticks of a process and all its descendants (tsx runs PostGraphile in a child). */
function treeTicks(root: number): number {
  const children = new Map<number, number[]>();
  const ticks = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    const s = stat(pid);
    if (!s) continue;
    ticks.set(pid, s.ticks);
    children.set(s.parent, [...(children.get(s.parent) ?? []), pid]);
  }
  let sum = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop() as number;
    sum += ticks.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return sum;
}

/** What one run cost, in total. */
export interface Cost {
  /** CPU ms of the server's processes (null: no server, the floor). */
  serverCpuMs: number | null;
  /** CPU ms of the PostgreSQL backends serving it. */
  postgresCpuMs: number;
  /** Our response cache's reads by outcome (null where there is none). */
  cache: { hit: number; miss: number; bypass: number } | null;
}

export interface Usage {
  serverCpuMsPerRequest: number | null;
  postgresCpuMsPerRequest: number;
  /** hits ÷ (hits + misses + bypasses); null where there is no response cache. */
  cacheHitRate: number | null;
}

const round = (n: number) => Math.round(n * 100) / 100;

/** Runs of one target taken in turns, per request. */
export function perRequest(costs: Cost[], requests: number): Usage {
  const n = Math.max(1, requests);
  const servers = costs.map((c) => c.serverCpuMs);
  const caches = costs.flatMap((c) => (c.cache ? [c.cache] : []));
  const hits = caches.reduce((t, c) => t + c.hit, 0);
  const all = caches.reduce((t, c) => t + c.hit + c.miss + c.bypass, 0);
  return {
    serverCpuMsPerRequest: servers.some((s) => s === null)
      ? null
      : round((servers as number[]).reduce((t, s) => t + s, 0) / n),
    postgresCpuMsPerRequest: round(costs.reduce((t, c) => t + c.postgresCpuMs, 0) / n),
    cacheHitRate: all === 0 ? null : round(hits / all),
  };
}

type Counts = Record<string, number>;

async function cacheCounts(metricsUrl: string, token: string): Promise<Counts> {
  const text = await (
    await fetch(metricsUrl, { headers: { authorization: `Bearer ${token}` } })
  ).text();
  const counts: Counts = {};
  for (const m of text.matchAll(/^fundtrace_response_cache_total\{result="(\w+)"\} (\d+)/gm)) {
    counts[m[1] as string] = Number(m[2]);
  }
  return counts;
}

export interface Watched {
  pid: number | null;
  applicationName: string;
  metrics?: { url: string; token: string };
}

/** Starts watching; the returned function stops and gives what the run cost. */
export async function watch(db: pg.Pool, target: Watched) {
  const backends = new Map<number, { first: number; last: number }>();
  const sample = async (first: boolean) => {
    const { rows } = await db.query<{ pid: number }>(
      'select pid from pg_stat_activity where application_name = $1',
      [target.applicationName],
    );
    for (const { pid } of rows) {
      const ticks = stat(pid)?.ticks;
      if (ticks === undefined) continue;
      const known = backends.get(pid);
      // a backend first seen during the run started during it: all its CPU counts
      backends.set(pid, { first: known?.first ?? (first ? ticks : 0), last: ticks });
    }
  };
  await sample(true);
  const serverStart = target.pid ? treeTicks(target.pid) : 0;
  const cacheStart = target.metrics
    ? await cacheCounts(target.metrics.url, target.metrics.token)
    : null;
  let sampling = Promise.resolve();
  const timer = setInterval(() => {
    sampling = sampling.then(() => sample(false)).catch(() => {});
  }, SAMPLE_MS);
  return async (): Promise<Cost> => {
    clearInterval(timer);
    await sampling;
    await sample(false);
    const ms = (ticks: number) => (ticks * 1000) / TICKS_PER_SECOND;
    let pgTicks = 0;
    for (const b of backends.values()) pgTicks += b.last - b.first;
    let cache: Cost['cache'] = null;
    if (target.metrics && cacheStart) {
      const end = await cacheCounts(target.metrics.url, target.metrics.token);
      const d = (k: string) => (end[k] ?? 0) - (cacheStart[k] ?? 0);
      cache = { hit: d('hit'), miss: d('miss'), bypass: d('bypass') };
    }
    return {
      serverCpuMs: target.pid ? ms(treeTicks(target.pid) - serverStart) : null,
      postgresCpuMs: ms(pgTicks),
      cache,
    };
  };
}
