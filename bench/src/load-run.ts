/**
 * Bounded load runs: autocannon against an HTTP GraphQL endpoint, or the same number of
 * concurrent workers sending SQL through a `pg` pool (the floor). Each request's body (or
 * statements) comes from a function called per request, so parameters can vary. Latencies are
 * kept per request so p50/p95/p99 are exact (autocannon's histogram has no p95).
 */
import autocannon from 'autocannon';
import type pg from 'pg';

export interface RunResult {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** Non-200 answers, transport errors and timeouts, and answers carrying GraphQL errors. */
  errors: number;
  /** Run by request count (a slow shape), not by time. */
  counted: boolean;
}

export interface RunOptions {
  connections: number;
  seconds: number;
  warmupSeconds: number;
  /**
   * Requests per connection instead of a duration, for shapes slower than the run is long
   * (a timed run would end with every request still in flight, and leave them running on the
   * database during the next run). No warm-up then: the check before timing was one.
   */
  perConnection?: number;
}

/** Each run's latencies, kept out of the result (and the JSON) but needed to merge runs. */
const raw = new WeakMap<RunResult, number[]>();

function summarise(
  latencies: number[],
  seconds: number,
  errors: number,
  counted: boolean,
): RunResult {
  const sorted = [...latencies].sort((a, b) => a - b);
  const pick = (p: number) =>
    sorted.length === 0
      ? 0
      : (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0);
  const round = (n: number) => Math.round(n * 100) / 100;
  const result: RunResult = {
    requests: sorted.length,
    seconds: round(seconds),
    rps: round(sorted.length / seconds),
    p50: round(pick(50)),
    p95: round(pick(95)),
    p99: round(pick(99)),
    errors,
    counted,
  };
  raw.set(result, latencies);
  return result;
}

/** Runs of one target taken in turns with the others (rounds), as one result. */
export function mergeRuns(runs: RunResult[]): RunResult {
  return summarise(
    runs.flatMap((r) => raw.get(r) ?? []),
    runs.reduce((t, r) => t + r.seconds, 0),
    runs.reduce((t, r) => t + r.errors, 0),
    runs.some((r) => r.counted),
  );
}

async function cannon(
  url: string,
  next: () => string,
  connections: number,
  seconds: number,
  perConnection?: number,
) {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const result = await new Promise<autocannon.Result>((done, fail) => {
    const instance = autocannon(
      {
        url,
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        requests: [
          {
            setupRequest: (request) => ({ ...request, body: next() }),
            // a 200 can carry GraphQL errors: both servers put them under "errors"
            onResponse: (status, body) => {
              if (status === 200 && body.includes('"errors":')) errors++;
            },
          },
        ],
        connections,
        ...(perConnection ? { amount: perConnection * connections } : { duration: seconds }),
        // a slow request (PostGraphile's trace) must finish, not time out
        timeout: 120,
      },
      (error, result) => (error ? fail(error) : done(result)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode === 200) latencies.push(responseTime);
      else errors++;
    });
  });
  errors += result.errors + result.timeouts;
  return summarise(latencies, (performance.now() - started) / 1000, errors, Boolean(perConnection));
}

/** Warms up, then measures: `connections` keep-alive connections for `seconds`. */
export async function httpRun(
  url: string,
  next: () => string,
  options: RunOptions,
): Promise<RunResult> {
  if (options.perConnection) {
    return cannon(url, next, options.connections, 0, options.perConnection);
  }
  if (options.warmupSeconds > 0) {
    await cannon(url, next, options.connections, options.warmupSeconds);
  }
  return cannon(url, next, options.connections, options.seconds);
}

/** The floor: the same data by SQL, `connections` workers each running the statements in turn. */
export async function sqlRun(
  pool: pg.Pool,
  next: () => { text: string; values: unknown[] }[],
  options: RunOptions,
): Promise<RunResult> {
  const once = async () => {
    const statements = next();
    const client = await pool.connect();
    try {
      for (const s of statements) await client.query(s);
    } finally {
      client.release();
    }
  };
  const loop = async (seconds: number, latencies: number[]) => {
    const end = performance.now() + seconds * 1000;
    const worker = async () => {
      let n = 0;
      const more = () =>
        options.perConnection ? n++ < options.perConnection : performance.now() < end;
      while (more()) {
        const t = performance.now();
        await once();
        latencies.push(performance.now() - t);
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: options.connections }, worker));
    return (performance.now() - started) / 1000;
  };
  if (options.warmupSeconds > 0 && !options.perConnection) await loop(options.warmupSeconds, []);
  const latencies: number[] = [];
  const seconds = await loop(options.seconds, latencies);
  return summarise(latencies, seconds, 0, Boolean(options.perConnection));
}
