/**
 * A deterministic synthetic data set for benchmarks at national scale, shaped like the seed
 * document's hierarchy and continuing its flows (synthetic-shape.ts):
 *
 *   the seed's sources (自治区本级财政, 涉农涉牧资金, 中央国家机关, 北京市, 自治区厅局)
 *     → the seed's recipient groups (贫困旗县, 安置点, 产业扶贫基金, 国贫旗县 ...)
 *       → the 12 leagues' governments (the seed's four where it has them)
 *         → 57 poor counties (31 national, 26 regional, real GB/T 2260 county codes)
 *           → 2,834 poor villages (synthetic 嘎查村)
 *             → 250,000 household cohorts (HOUSEHOLDS, 5–40 households each)
 *
 * in the seed's programs, for every requested year, with pairings per county and village and
 * observations at every level. Deterministic for a seed (rng.ts); money in BigInt cents
 * (cents.ts). Every record's key starts with `syn-` and its note is 'synthetic'.
 */

import type { Database } from '@fundtrace/server/db/database';
import { type Kysely, sql } from 'kysely';
import { insertPairings, insertSyntheticActors, pairingCount } from './synthetic-actors.js';
import { flowCount, generateFlows, seedStreamFlows } from './synthetic-flows.js';
import { generateObservations, observationCount } from './synthetic-observations.js';
import { outcomes } from './synthetic-outcomes.js';
import { type Plan, plan } from './synthetic-plan.js';
import { lookup } from './synthetic-rows.js';
import {
  AID_SOURCES,
  CHAIN_PROGRAMS,
  groupsOf,
  NATIONAL_COHORTS,
  PARTNER_ENTERPRISES,
  POOR_VILLAGES,
} from './synthetic-shape.js';

export interface SyntheticOptions {
  seed: number;
  /** Household cohorts: 250,000 at national scale; fewer only to keep a test small. */
  cohorts?: number;
  years: number[];
  /** Poor villages: 2,834 as the seed document says. Fewer only to keep a test small. */
  villages?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface SyntheticCounts {
  flows: number;
  observations: number;
  actors: number;
  pairings: number;
}

export class SyntheticDataExistsError extends Error {
  constructor() {
    super(
      'this database already holds synthetic data (records keyed syn-*): the generator runs once ' +
        'per database; generate into a fresh database instead',
    );
    this.name = 'SyntheticDataExistsError';
  }
}

/** Whether a generator run (complete or not) has written to this database. */
export async function hasSyntheticData(db: Kysely<Database>): Promise<boolean> {
  const row = await db
    .selectFrom('actors')
    .select('id')
    .where('key', 'like', 'syn-%')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

function checkedOptions(options: SyntheticOptions) {
  const { seed } = options;
  const cohorts = options.cohorts ?? NATIONAL_COHORTS;
  const villages = options.villages ?? POOR_VILLAGES;
  const years = [...new Set(options.years)].sort((a, b) => a - b);
  if (!Number.isSafeInteger(seed)) throw new Error('synthetic: seed must be an integer');
  if (!Number.isInteger(cohorts) || cohorts < 0) throw new Error('synthetic: cohorts ≥ 0');
  if (years.length === 0 || years.some((y) => !Number.isInteger(y) || y < 1949 || y > 2100)) {
    throw new Error('synthetic: years must be integers from 1949 to 2100');
  }
  return { seed, cohorts, villages, years };
}

/** The seed's league governments, by league index (undefined where the seed has none). */
async function seedLeagueIds(db: Kysely<Database>, p: Plan) {
  const seedLeagues = await db
    .selectFrom('actors')
    .select(['id', 'region_code'])
    .where('kind', '=', 'GOVERNMENT')
    .where(
      'region_code',
      'in',
      p.leagues.map((l) => l.code),
    )
    .where('key', 'not like', 'syn-%')
    .orderBy('id')
    .execute();
  return p.leagues.map((l) => seedLeagues.find((a) => a.region_code === l.code)?.id);
}

/**
 * Generates the synthetic data set into a migrated, seeded database. Refuses (throws
 * SyntheticDataExistsError) when the database already holds synthetic records.
 */
export async function generateSynthetic(
  db: Kysely<Database>,
  options: SyntheticOptions,
): Promise<SyntheticCounts> {
  const { seed, cohorts, villages, years } = checkedOptions(options);
  if (await hasSyntheticData(db)) throw new SyntheticDataExistsError();

  const streams = [...CHAIN_PROGRAMS, ...AID_SOURCES];
  const programs = await lookup(db, 'programs', [
    ...streams.map((s) => s.program),
    'village-enterprise-partnership',
  ]);
  const actors = await lookup(db, 'actors', [
    ...streams.flatMap((s) => [s.source, ...groupsOf(s)]),
    PARTNER_ENTERPRISES,
  ]);
  const seedFlows = await seedStreamFlows(db);

  const p = plan(seed, cohorts, villages, years);
  const flows = flowCount(p, seedFlows);
  const o = outcomes(seed, p, flows);
  const observations = observationCount(p, o);
  const pairings = pairingCount(p, years.length);

  const leagueIds = await seedLeagueIds(db, p);
  const actorCount =
    leagueIds.filter((id) => id === undefined).length + p.counties.length + villages + cohorts;

  const total = actorCount + flows + observations + pairings;
  let done = 0;
  const progress = (n: number) => {
    done += n;
    options.onProgress?.(done, total);
  };
  progress(0);

  const ids = await db
    .transaction()
    .execute((trx) => insertSyntheticActors(trx, p, leagueIds, progress));
  const pairingsWritten = await db
    .transaction()
    .execute((trx) => insertPairings(trx, seed, p, years, ids, actors, programs));
  progress(pairingsWritten);
  const flowsWritten = await generateFlows(db, {
    seed,
    p,
    ids,
    actors,
    programs,
    seedFlows,
    progress,
  });
  const relocation = programs.get('relocation') ?? 0;
  const observationsWritten = await generateObservations(db, p, o, ids, relocation, progress);

  // as after any bulk load: statistics for the planner, and the visibility map set so that
  // index-only scans (an id's existence, keyset pages) need not visit the table's pages
  await sql`vacuum (analyze) regions, actors, flows, flow_edges, observations, pairings`.execute(
    db,
  );
  if (done !== total) throw new Error(`synthetic: planned ${total} rows, wrote ${done}`);
  return {
    flows: flowsWritten,
    observations: observationsWritten,
    actors: ids.inserted,
    pairings: pairingsWritten,
  };
}
