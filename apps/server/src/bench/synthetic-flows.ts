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
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/database.js';
import { passOn, splitCents, yearTotalCents } from './cents.js';
import { at, stream } from './rng.js';
import type { ActorIds } from './synthetic-actors.js';
import type { Plan } from './synthetic-plan.js';
import { FlowRows, need } from './synthetic-rows.js';
import { AID_SOURCES, BATCH, CHAIN_PROGRAMS, EARMARK_SHARE } from './synthetic-shape.js';

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

export const streamKey = (source: string, group: string, program: string, year: number) =>
  `${source}|${group}|${program}|${year}`;

/** The seed's money flows into the recipient groups, in cents. */
export async function seedStreamFlows(db: Kysely<Database>): Promise<Map<string, SeedFlow>> {
  const streams = [...CHAIN_PROGRAMS, ...AID_SOURCES];
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
      and t.key = any(${streams.map((x) => x.group)}::text[])`.execute(db);
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
    for (const y of p.years) if (!seedFlows.has(streamKey(s.source, s.group, s.program, y))) top++;
  }
  const aidTargets = AID_SOURCES.reduce((n, s) => n + p.counties.filter(s.counties).length, 0);
  const leagues = p.leagues.filter((l) => l.counties.length > 0).length;
  const np = CHAIN_PROGRAMS.length;
  const nv = p.villageCounty.length;
  return top + ny * (np * (leagues + p.counties.length + nv) + aidTargets + p.cohortVillage.length);
}

/** The program a cohort's money comes in, in a year: one a year, rotating. */
export const cohortProgram = (cohort: number, yearIndex: number) =>
  (cohort + yearIndex) % CHAIN_PROGRAMS.length;

export async function generateFlows(db: Kysely<Database>, input: FlowInput): Promise<number> {
  const { seed, p, ids, progress } = input;
  const years = p.years;
  const ny = years.length;
  const np = CHAIN_PROGRAMS.length;
  const money = stream(seed, 'money');
  const counter = { n: 0 };
  const rows = new FlowRows(counter, stream(seed, 'status'));
  const jitter = (w: number) => Math.max(1, Math.floor((w * money.int(900, 1100)) / 1000));
  const grid = <T>(make: () => T): T[][] =>
    Array.from({ length: np }, () => Array.from({ length: ny }, make));
  const activeLeagues = p.leagues
    .map((l, li) => ({ l, li }))
    .filter(({ l }) => l.counties.length > 0);
  const chainProgram = CHAIN_PROGRAMS.map((c) => need(input.programs, c.program));
  const flush = async (trx: Kysely<Database>, returning: boolean) => {
    const n = rows.length;
    const result = await rows.flush(trx, returning);
    progress(n);
    return result;
  };

  // 0: the streams' first flows, the seed's where it states them.
  const top = new Map<string, SeedFlow>();
  const topKeys = new Map<string, { key: string; cents: bigint }>();
  await db.transaction().execute(async (trx) => {
    for (const s of [...CHAIN_PROGRAMS, ...AID_SOURCES]) {
      for (const year of years) {
        const k = streamKey(s.source, s.group, s.program, year);
        const stated = input.seedFlows.get(k);
        if (stated) {
          top.set(k, stated);
          continue;
        }
        const cents = yearTotalCents(s.anchors, year, money);
        const source = need(input.actors, s.source);
        const group = need(input.actors, s.group);
        const key = rows.push(source, group, cents, year, need(input.programs, s.program));
        topKeys.set(k, { key, cents });
      }
    }
    const inserted = await flush(trx, true);
    for (const [k, { key, cents }] of topKeys) top.set(k, { id: need(inserted, key), cents });
  });

  // 1: each group's receipt, split exactly: to the leagues (chain) or the counties (aid).
  const leagueIn = grid(() => new Array<bigint>(p.leagues.length).fill(0n));
  await db.transaction().execute(async (trx) => {
    CHAIN_PROGRAMS.forEach((s, pi) => {
      const group = need(input.actors, s.group);
      years.forEach((year, yi) => {
        const parent = need(top, streamKey(s.source, s.group, s.program, year));
        const weights = activeLeagues.map(({ l }) =>
          jitter(l.counties.reduce((sum, ci) => sum + at(p.counties, ci).weight, 0)),
        );
        splitCents(parent.cents, weights).forEach((cents, k) => {
          const li = at(activeLeagues, k).li;
          at(at(leagueIn, pi), yi)[li] = cents;
          rows.push(group, at(ids.leagues, li), cents, year, at(chainProgram, pi), parent.id);
        });
      });
    });
    for (const s of AID_SOURCES) {
      const group = need(input.actors, s.group);
      const targets = p.counties.map((c, ci) => ({ c, ci })).filter(({ c }) => s.counties(c));
      for (const year of years) {
        const parent = need(top, streamKey(s.source, s.group, s.program, year));
        const parts = splitCents(
          parent.cents,
          targets.map(({ c }) => jitter(c.weight)),
        );
        targets.forEach(({ ci }, k) => {
          const program = need(input.programs, s.program);
          rows.push(group, at(ids.counties, ci), at(parts, k), year, program, parent.id);
        });
      }
    }
    await flush(trx, false);
  });

  // 2: leagues → counties; these flows are the earmarked parents of level 3.
  const countyIn = grid(() => new Array<bigint>(p.counties.length).fill(0n));
  const parentKey = grid(() => new Array<string>(p.counties.length).fill(''));
  const parentId = grid(() => new Array<number>(p.counties.length).fill(0));
  await db.transaction().execute(async (trx) => {
    for (let pi = 0; pi < np; pi++) {
      years.forEach((year, yi) => {
        for (const { l, li } of activeLeagues) {
          const out = passOn(at(at(at(leagueIn, pi), yi), li), money);
          const parts = splitCents(
            out,
            l.counties.map((ci) => jitter(at(p.counties, ci).weight)),
          );
          l.counties.forEach((ci, k) => {
            at(at(countyIn, pi), yi)[ci] = at(parts, k);
            at(at(parentKey, pi), yi)[ci] = rows.push(
              at(ids.leagues, li),
              at(ids.counties, ci),
              at(parts, k),
              year,
              at(chainProgram, pi),
            );
          });
        }
      });
    }
    const inserted = await flush(trx, true);
    parentKey.forEach((byYear, pi) => {
      byYear.forEach((keys, yi) => {
        keys.forEach((key, ci) => {
          if (key !== '') at(at(parentId, pi), yi)[ci] = need(inserted, key);
        });
      });
    });
  });

  // 3: counties → villages, about 10% earmarked (never more, in total, than the parent).
  const villageIn = grid(() => new Array<bigint>(p.villageCounty.length).fill(0n));
  const earmark = stream(seed, 'earmark');
  await db.transaction().execute(async (trx) => {
    for (let pi = 0; pi < np; pi++) {
      for (let yi = 0; yi < ny; yi++) {
        for (let ci = 0; ci < p.counties.length; ci++) {
          const county = at(p.counties, ci);
          const out = passOn(at(at(at(countyIn, pi), yi), ci), money);
          const weights: number[] = [];
          for (let v = county.villageStart; v < county.villageStart + county.villageCount; v++) {
            weights.push(jitter(at(p.villageWeight, v)));
          }
          const parent = at(at(at(parentId, pi), yi), ci);
          let budget = at(at(at(countyIn, pi), yi), ci);
          splitCents(out, weights).forEach((cents, k) => {
            const v = county.villageStart + k;
            at(at(villageIn, pi), yi)[v] = cents;
            let parentOf: number | null = null;
            if (parent !== 0 && earmark.chance(EARMARK_SHARE) && cents <= budget) {
              parentOf = parent;
              budget -= cents;
            }
            const program = at(chainProgram, pi);
            rows.push(
              at(ids.counties, ci),
              at(ids.villages, v),
              cents,
              at(years, yi),
              program,
              parentOf,
            );
          });
          if (rows.length >= BATCH) await flush(trx, false);
        }
      }
    }
    await flush(trx, false);
  });

  // 4: villages → cohorts, by household count, in the program the cohort gets that year.
  await db.transaction().execute(async (trx) => {
    for (let yi = 0; yi < ny; yi++) {
      for (let v = 0; v < p.villageCounty.length; v++) {
        const start = at(p.villageCohortStart, v);
        const count = at(p.villageCohortCount, v);
        for (let pi = 0; pi < np; pi++) {
          const members: number[] = [];
          for (let c = start; c < start + count; c++)
            if (cohortProgram(c, yi) === pi) members.push(c);
          if (members.length === 0) continue;
          const out = passOn(at(at(at(villageIn, pi), yi), v), money);
          const parts = splitCents(
            out,
            members.map((c) => jitter(at(p.cohortMembers, c))),
          );
          members.forEach((c, k) => {
            const program = at(chainProgram, pi);
            rows.push(
              at(ids.villages, v),
              at(ids.cohorts, c),
              at(parts, k),
              at(years, yi),
              program,
            );
          });
        }
        if (rows.length >= BATCH) await flush(trx, false);
      }
    }
    await flush(trx, false);
  });
  return counter.n;
}
