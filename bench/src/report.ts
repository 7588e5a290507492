/** The machine's description and the results as bench/results/latest.json and latest.md. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { resolve } from 'node:path';
import type pg from 'pg';
import type { RunResult } from './load-run.js';

export interface Machine {
  cores: number;
  cpu: string;
  ramGiB: number;
  node: string;
  postgres: string;
  loadAverageStart: number[];
  loadAverageEnd?: number[];
}

export interface ShapeResult {
  key: string;
  title: string;
  ours: RunResult;
  /** Our server with RESPONSE_CACHE=off (the trace keeps its own cache). */
  oursUncached: RunResult;
  postgraphile: RunResult;
  floor: RunResult;
  /** ours / PostGraphile requests per second */
  ratio: number;
  ratioUncached: number;
}

export interface Report {
  date: string;
  database: { flows: number; observations: number; actors: number };
  options: { connections: number; seconds: number; warmupSeconds: number };
  machine: Machine;
  shapes: ShapeResult[];
  ceiling: RunResult;
  targets: { ratioAtoD: number; ratioE: number; p99AtoCms: number };
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

const cell = (r: RunResult) =>
  `${r.rps.toFixed(1)}${r.counted ? '*' : ''} | ${r.p50} | ${r.p95} | ${r.p99}`;

export function markdown(report: Report): string {
  const m = report.machine;
  const lines = [
    '# fundtrace vs PostGraphile 4.14.1',
    '',
    `${report.date}. ${report.database.flows.toLocaleString('en')} flows, ` +
      `${report.database.observations.toLocaleString('en')} observations, ` +
      `${report.database.actors.toLocaleString('en')} actors in ${m.postgres}. ` +
      `${report.options.connections} connections, ${report.options.seconds} s per run after ` +
      `${report.options.warmupSeconds} s of warm-up, in 2 turns per target taken alternately, ` +
      'loopback; a target whose single request takes ' +
      `longer than ${SLOW_MS} ms runs ${SLOW_PER_CONNECTION} requests per connection instead ` +
      '(marked *).',
    '',
    `Machine: ${m.cores} cores (${m.cpu}), ${m.ramGiB} GiB RAM, Node ${m.node}; load average ` +
      `${m.loadAverageStart.join(' / ')} at start, ${(m.loadAverageEnd ?? []).join(' / ')} at end ` +
      '(1 / 5 / 15 min; the machine is shared).',
    '',
    '| shape | target | req/s | p50 ms | p95 ms | p99 ms | ours / PostGraphile |',
    '|---|---|---:|---:|---:|---:|---:|',
    ...report.shapes.flatMap((s) => [
      `| ${s.key}. ${s.title} | ours | ${cell(s.ours)} | **${s.ratio.toFixed(2)}×** |`,
      `| | ours, RESPONSE_CACHE=off | ${cell(s.oursUncached)} | ${s.ratioUncached.toFixed(2)}× |`,
      `| | PostGraphile 4.14.1 | ${cell(s.postgraphile)} | |`,
      `| | SQL floor (pg, no GraphQL) | ${cell(s.floor)} | |`,
    ]),
    '',
    `Ceiling (\`{ __typename }\` to our server): ${report.ceiling.rps.toFixed(1)} req/s, ` +
      `p50 ${report.ceiling.p50} ms, p95 ${report.ceiling.p95} ms, p99 ${report.ceiling.p99} ms.`,
    '',
    `Targets: a–d ≥ ${report.targets.ratioAtoD}×, e ≥ ${report.targets.ratioE}×, ` +
      `p99 ≤ ${report.targets.p99AtoCms} ms for a–c.`,
    '',
    'Errors (non-200 or failed requests): ' +
      report.shapes.map((s) => `${s.key} ${s.ours.errors}/${s.postgraphile.errors}`).join(', ') +
      ` (ours/PostGraphile); ceiling ${report.ceiling.errors}.`,
    '',
  ];
  return lines.join('\n');
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
