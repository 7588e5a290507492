/** The machine's description and the results as bench/results/latest.json and latest.md. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { resolve } from 'node:path';
import type pg from 'pg';
import type { RunResult } from './load-run.js';
import type { Usage } from './usage.js';

export interface Machine {
  cores: number;
  cpu: string;
  ramGiB: number;
  node: string;
  postgres: string;
  loadAverageStart: number[];
  loadAverageEnd?: number[];
}

export type Mode = 'varied' | 'repeated';
export const TARGETS = ['ours', 'uncached', 'postgraphile', 'floor'] as const;
export type TargetName = (typeof TARGETS)[number];
const LABELS: Record<TargetName, string> = {
  ours: 'ours',
  uncached: 'ours, RESPONSE_CACHE=off',
  postgraphile: 'PostGraphile 4.14.1',
  floor: 'SQL floor (pg, no GraphQL)',
};

export interface ShapeResult {
  key: string;
  title: string;
  /** How many distinct parameter sets the varied mode draws from. */
  pool: number;
  targets: Record<TargetName, RunResult & Usage>;
  /** ours / PostGraphile requests per second */
  ratio: number | null;
  ratioUncached: number | null;
}

export interface Report {
  date: string;
  database: { flows: number; observations: number; actors: number };
  options: {
    connections: number;
    seconds: number;
    warmupSeconds: number;
    rounds: number;
    seed: number;
  };
  machine: Machine;
  modes: Partial<Record<Mode, ShapeResult[]>>;
  ceiling: RunResult | undefined;
}

const load = () => loadavg().map((n) => Math.round(n * 100) / 100);

export async function describeMachine(pool: pg.Pool): Promise<Machine> {
  const { rows } = await pool.query<{ v: string }>('select version() as v');
  return {
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    ramGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    postgres: (rows[0]?.v ?? 'unknown').split(' on ')[0] ?? 'unknown',
    loadAverageStart: load(),
  };
}

export const finishMachine = (m: Machine): Machine => ({ ...m, loadAverageEnd: load() });

/** A single request slower than this: the shape runs by request count, not by time. */
export const SLOW_MS = 500;
export const SLOW_PER_CONNECTION = 2;

const dash = (v: number | null) => (v === null ? '–' : String(v));
const row = (r: RunResult & Usage) =>
  `${r.rps.toFixed(1)}${r.counted ? '*' : ''} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.errors} | ` +
  `${r.cacheHitRate === null ? '–' : `${Math.round(r.cacheHitRate * 100)}%`} | ` +
  `${dash(r.serverCpuMsPerRequest)} | ${r.postgresCpuMsPerRequest}`;

const HEADINGS: Record<Mode, string> = {
  varied:
    '## Varied parameters (the default)\n\nEach request draws its parameters at random from the ' +
    'shape’s pool (size in the first column), never the same twice in a row, with the same ' +
    'seed for every target.',
  repeated:
    '## Repeated request (measures caches)\n\nOne parameter set, the first of each pool, asked ' +
    'over and over: what a whole-response cache answers, not what users ask.',
};

function table(mode: Mode, shapes: ShapeResult[]) {
  return [
    HEADINGS[mode],
    '',
    '| shape (pool) | target | req/s | p50 ms | p95 ms | p99 ms | errors | cache hits | server CPU ms/req | PostgreSQL CPU ms/req | ours / PostGraphile |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...shapes.flatMap((s) =>
      TARGETS.map((t, i) => {
        const ratio = t === 'ours' ? s.ratio : t === 'uncached' ? s.ratioUncached : null;
        const first = i === 0 ? `${s.key}. ${s.title} (${s.pool.toLocaleString('en')})` : '';
        return `| ${first} | ${LABELS[t]} | ${row(s.targets[t])} | ${ratio === null ? '' : `${ratio.toFixed(2)}×`} |`;
      }),
    ),
    '',
  ];
}

export function markdown(report: Report): string {
  const m = report.machine;
  const o = report.options;
  const c = report.ceiling;
  return [
    '# fundtrace vs PostGraphile 4.14.1',
    '',
    `${report.date}. ${report.database.flows.toLocaleString('en')} flows, ` +
      `${report.database.observations.toLocaleString('en')} observations, ` +
      `${report.database.actors.toLocaleString('en')} actors in ${m.postgres}. ` +
      `${o.connections} connections, ${o.seconds} s per target after ${o.warmupSeconds} s of ` +
      `warm-up, in ${o.rounds} turns per target taken alternately, loopback, seed ${o.seed}; a ` +
      `target whose single request takes longer than ${SLOW_MS} ms (or too long for a turn to ` +
      `answer several per connection) runs ${SLOW_PER_CONNECTION} requests per connection ` +
      'instead (marked *).',
    '',
    `Machine: ${m.cores} cores (${m.cpu}), ${m.ramGiB} GiB RAM, Node ${m.node}; load average ` +
      `${m.loadAverageStart.join(' / ')} at start, ${(m.loadAverageEnd ?? []).join(' / ')} at end ` +
      '(1 / 5 / 15 min). The machine is shared: other work ran beside this one, so the figures ' +
      'compare targets within this run, not with other runs.' +
      (Math.max(m.loadAverageStart[0] ?? 0, m.loadAverageEnd?.[0] ?? 0) > m.cores
        ? ' **Busy machine**: the load average passed the number of cores, so every target ' +
          'waited for CPU; latencies here are far above a quiet machine’s.'
        : ''),
    '',
    'Errors: non-200 answers, transport errors, timeouts and answers with GraphQL errors. ' +
      'Cache hits: our response cache (`fundtrace_response_cache_total` on /metrics), hits ÷ ' +
      'all reads. CPU per request: user + system time from /proc of the server’s process tree ' +
      'and of the PostgreSQL backends with its `application_name` (sampled every 250 ms; no ' +
      'pg_stat_statements here), divided by the requests answered. The floor has no server.',
    '',
    ...(['varied', 'repeated'] as const).flatMap((mode) => {
      const shapes = report.modes[mode];
      return shapes ? table(mode, shapes) : [];
    }),
    c
      ? `Ceiling (\`{ __typename }\` to our server): ${c.rps.toFixed(1)} req/s, p50 ${c.p50} ms, ` +
        `p95 ${c.p95} ms, p99 ${c.p99} ms, errors ${c.errors}.`
      : '',
    '',
  ].join('\n');
}

export function writeReport(repoRoot: string, dir: string, report: Report): void {
  mkdirSync(dir, { recursive: true });
  const files = [resolve(dir, 'latest.json'), resolve(dir, 'latest.md')];
  writeFileSync(files[0] ?? '', `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(files[1] ?? '', markdown(report));
  // committed files: in the tree's one format (Biome's), so lint passes on them as written
  execFileSync(resolve(repoRoot, 'node_modules/.bin/biome'), ['format', '--write', ...files], {
    stdio: 'ignore',
  });
}
