/**
 * Loads the synthetic benchmark data set into the PostgreSQL database at DATABASE_URL:
 *
 *   DATABASE_URL=postgres://… pnpm bench:generate [--seed 1] [--cohorts 250000] [--years 2014-2019]
 *
 * Migrates, loads the seed data set when the database is empty, then generates (see
 * synthetic.ts). Runs once per database.
 */
import { parseArgs } from 'node:util';
import { createDb } from '@fundtrace/server/db/create-db';
import { migrateToLatest } from '@fundtrace/server/db/migrate';
import { seedIfEmpty } from '@fundtrace/server/seed/load';
import { sql } from 'kysely';
import { progressBar } from './progress-bar.js';
import { generateSynthetic, hasSyntheticData, SyntheticDataExistsError } from './synthetic.js';
import { NATIONAL_COHORTS } from './synthetic-shape.js';

const USAGE = `usage: DATABASE_URL=postgres://… pnpm bench:generate [options]

  --seed N          PRNG seed (default 1); the same seed gives the same data set
  --cohorts N       household cohorts (default 250000, the seed's 25万户; fewer for a quick run)
  --years A-B|A,B   years (default 2014-2019)`;

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

function integer(name: string, text: string, min: number): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < min)
    fail(`--${name} must be an integer ≥ ${min}\n\n${USAGE}`);
  return n;
}

function parseYears(text: string): number[] {
  const range = /^(\d{4})-(\d{4})$/.exec(text);
  if (range) {
    const [from, to] = [Number(range[1]), Number(range[2])];
    if (to < from) fail(`--years: ${text} is an empty range`);
    return Array.from({ length: to - from + 1 }, (_, i) => from + i);
  }
  const list = text.split(',').map((y) => y.trim());
  if (list.some((y) => !/^\d{4}$/.test(y))) fail(`--years: expected A-B or A,B,…, got ${text}`);
  return list.map(Number);
}

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    cohorts: { type: 'string', default: String(NATIONAL_COHORTS) },
    years: { type: 'string', default: '2014-2019' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) fail(`DATABASE_URL is not set: the generator loads into PostgreSQL\n\n${USAGE}`);
const options = {
  seed: integer('seed', values.seed, -(2 ** 31)),
  cohorts: integer('cohorts', values.cohorts, 0),
  years: parseYears(values.years),
};

const db = await createDb({ databaseUrl });
try {
  await migrateToLatest(db);
  if (await hasSyntheticData(db)) {
    console.error(
      'this database already holds the synthetic data set (records keyed syn-*); the generator ' +
        'runs once per database: create a fresh database and point DATABASE_URL at it',
    );
    process.exitCode = 1;
  } else {
    if (await seedIfEmpty(db)) console.error('seed data set loaded');
    console.error(
      `generating: seed ${options.seed}, ${options.cohorts.toLocaleString('en')} cohorts, ` +
        `years ${options.years.join(', ')}`,
    );
    const started = Date.now();
    const bar = progressBar('generating');
    const counts = await generateSynthetic(db, { ...options, onProgress: bar.update });
    bar.stop();
    const seconds = (Date.now() - started) / 1000;
    const size = await sql<{
      size: string;
    }>`select pg_size_pretty(pg_database_size(current_database())) as size`.execute(db);
    console.log(`flows         ${counts.flows.toLocaleString('en')}`);
    console.log(`observations  ${counts.observations.toLocaleString('en')}`);
    console.log(`actors        ${counts.actors.toLocaleString('en')}`);
    console.log(`pairings      ${counts.pairings.toLocaleString('en')}`);
    console.log(`time          ${seconds.toFixed(1)} s`);
    console.log(`database size ${size.rows[0]?.size ?? '?'}`);
  }
} catch (error) {
  if (error instanceof SyntheticDataExistsError) {
    console.error(error.message);
    process.exitCode = 1;
  } else {
    throw error;
  }
} finally {
  await db.destroy();
}
