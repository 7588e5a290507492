/**
 * The synthetic flows, level by level (see synthetic-shape.ts for why each stream starts at a
 * seed flow):
 *
 *   source → recipient group        the seed's flow, or a synthetic one for a year it lacks
 *   group → leagues (chain) or → counties (aid)   earmarked children: exactly the group's receipt
 *   league → counties               85–98% of what the league got; parents of level 3 earmarks
 *   county → villages               85–98%, about 10% earmarked to the league → county flow
 *   village → household cohorts     85–98%; each cohort gets one program a year (rotating)
 *
 * Consistent downward: per node, program and year, outflow ≤ inflow, and a split hands out
 * exactly what is split (BigInt cents).
 */

import type { Database } from '@fundtrace/server/db/database';
import { type Kysely, sql } from 'kysely';
import { stream } from './rng.js';
import type { ActorIds } from './synthetic-actors.js';
import {
  countyFlows,
  groupFlows,
  leagueFlows,
  type Run,
  streamFlows,
  streamKey,
  villageFlows,
} from './synthetic-flow-levels.js';
import type { Plan } from './synthetic-plan.js';
import { FlowRows, need } from './synthetic-rows.js';
import { AID_SOURCES, CHAIN_PROGRAMS, groupOf, groupsOf } from './synthetic-shape.js';

export interface FlowInput {
  seed: number;
  p: Plan;
  ids: ActorIds;
  /** Seed actors (sources and recipient groups) and programs, by key. */
  actors: ReadonlyMap<string, number>;
  programs: ReadonlyMap<string, number>;
  /** The seed's stream flows, by streamKey(). */
  seedFlows: ReadonlyMap<string, SeedFlow>;
  progress: (n: number) => void;
}

export interface SeedFlow {
  id: number;
  cents: bigint;
}

/** The seed's money flows into the recipient groups, in cents. */
export async function seedStreamFlows(db: Kysely<Database>): Promise<Map<string, SeedFlow>> {
  const streams = [...CHAIN_PROGRAMS, ...AID_SOURCES];
  const groups = streams.flatMap(groupsOf);
  const { rows } = await sql<{
    id: number;
    amount: string;
    s: string;
    t: string;
    p: string;
    year: number;
  }>`
    select f.id, f.amount::text as amount, s.key as s, t.key as t, p.key as p, f.year
    from flows f join actors s on s.id = f.source_id join actors t on t.id = f.target_id
    join programs p on p.id = f.program_id
    where f.unit = 'CNY' and f.key not like 'syn-%'
      and s.key = any(${streams.map((x) => x.source)}::text[])
      and t.key = any(${groups}::text[])`.execute(db);
  const flows = new Map<string, SeedFlow>();
  for (const r of rows) {
    const [whole = '0', fraction = ''] = r.amount.split('.');
    const cents = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0').slice(0, 2));
    flows.set(streamKey(r.s, r.t, r.p, r.year), { id: r.id, cents });
  }
  return flows;
}

/** How many flows generateFlows writes, for the progress total. */
export function flowCount(p: Plan, seedFlows: ReadonlyMap<string, SeedFlow>): number {
  const ny = p.years.length;
  let top = 0;
  for (const s of [...CHAIN_PROGRAMS, ...AID_SOURCES]) {
    for (const y of p.years) {
      if (!seedFlows.has(streamKey(s.source, groupOf(s, y), s.program, y))) top++;
    }
  }
  const aidTargets = AID_SOURCES.reduce((n, s) => n + p.counties.filter(s.counties).length, 0);
  const leagues = p.leagues.filter((l) => l.counties.length > 0).length;
  const np = CHAIN_PROGRAMS.length;
  const nv = p.villageCounty.length;
  return top + ny * (np * (leagues + p.counties.length + nv) + aidTargets + p.cohortVillage.length);
}

export async function generateFlows(db: Kysely<Database>, input: FlowInput): Promise<number> {
  const { seed, p } = input;
  const money = stream(seed, 'money');
  const counter = { n: 0 };
  const rows = new FlowRows(counter, stream(seed, 'status'));
  const np = CHAIN_PROGRAMS.length;
  const ny = p.years.length;
  const r: Run = {
    input,
    seed,
    p,
    ids: input.ids,
    years: p.years,
    ny,
    np,
    money,
    rows,
    jitter: (w) => Math.max(1, Math.floor((w * money.int(900, 1100)) / 1000)),
    grid: (make) => Array.from({ length: np }, () => Array.from({ length: ny }, make)),
    activeLeagues: p.leagues.map((l, li) => ({ l, li })).filter(({ l }) => l.counties.length > 0),
    chainProgram: CHAIN_PROGRAMS.map((c) => need(input.programs, c.program)),
    flush: async (trx, returning) => {
      const n = rows.length;
      const result = await rows.flush(trx, returning);
      input.progress(n);
      return result;
    },
  };
  const top = await streamFlows(db, r);
  const leagueIn = await groupFlows(db, r, top);
  const { countyIn, parentId } = await leagueFlows(db, r, leagueIn);
  const villageIn = await countyFlows(db, r, countyIn, parentId);
  await villageFlows(db, r, villageIn);
  return counter.n;
}
