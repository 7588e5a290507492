/**
 * The five levels of synthetic flows (synthetic-flows.ts describes them), each in one
 * transaction, handing the next the cents it received per program, year and node.
 */

import type { Database } from '@fundtrace/server/db/database';
import type { Kysely } from 'kysely';
import { passOn, splitCents, yearTotalCents } from './cents.js';
import { at, type Rng, stream } from './rng.js';
import type { ActorIds } from './synthetic-actors.js';
import type { FlowInput, SeedFlow } from './synthetic-flows.js';
import type { Plan } from './synthetic-plan.js';
import { type FlowRows, need } from './synthetic-rows.js';
import { AID_SOURCES, BATCH, CHAIN_PROGRAMS, EARMARK_SHARE, groupOf } from './synthetic-shape.js';

/** What every level shares: the plan, the random streams and the rows being written. */
export interface Run {
  input: FlowInput;
  seed: number;
  p: Plan;
  ids: ActorIds;
  years: number[];
  ny: number;
  np: number;
  money: Rng;
  rows: FlowRows;
  jitter: (w: number) => number;
  grid: <T>(make: () => T) => T[][];
  activeLeagues: { l: Plan['leagues'][number]; li: number }[];
  chainProgram: number[];
  flush: (trx: Kysely<Database>, returning: boolean) => Promise<Map<string, number>>;
}

export const streamKey = (source: string, group: string, program: string, year: number) =>
  `${source}|${group}|${program}|${year}`;

/** The program a cohort's money comes in, in a year: one a year, rotating. */
export const cohortProgram = (cohort: number, yearIndex: number) =>
  (cohort + yearIndex) % CHAIN_PROGRAMS.length;

export async function streamFlows(db: Kysely<Database>, r: Run) {
  // 0: the streams' first flows, the seed's where it states them.
  const top = new Map<string, SeedFlow>();
  const topKeys = new Map<string, { key: string; cents: bigint }>();
  await db.transaction().execute(async (trx) => {
    for (const s of [...CHAIN_PROGRAMS, ...AID_SOURCES]) {
      for (const year of r.years) {
        const k = streamKey(s.source, groupOf(s, year), s.program, year);
        const stated = r.input.seedFlows.get(k);
        if (stated) {
          top.set(k, stated);
          continue;
        }
        const cents = yearTotalCents(s.anchors, year, r.money);
        const source = need(r.input.actors, s.source);
        const group = need(r.input.actors, groupOf(s, year));
        const key = r.rows.push(source, group, cents, year, need(r.input.programs, s.program));
        topKeys.set(k, { key, cents });
      }
    }
    const inserted = await r.flush(trx, true);
    for (const [k, { key, cents }] of topKeys) top.set(k, { id: need(inserted, key), cents });
  });

  return top;
}

export async function groupFlows(db: Kysely<Database>, r: Run, top: Map<string, SeedFlow>) {
  // 1: each group's receipt, split exactly: to the leagues (chain) or the counties (aid).
  const leagueIn = r.grid(() => new Array<bigint>(r.p.leagues.length).fill(0n));
  await db.transaction().execute(async (trx) => {
    CHAIN_PROGRAMS.forEach((s, pi) => {
      r.years.forEach((year, yi) => {
        const group = need(r.input.actors, groupOf(s, year));
        const parent = need(top, streamKey(s.source, groupOf(s, year), s.program, year));
        const weights = r.activeLeagues.map(({ l }) =>
          r.jitter(l.counties.reduce((sum, ci) => sum + at(r.p.counties, ci).weight, 0)),
        );
        splitCents(parent.cents, weights).forEach((cents, k) => {
          const li = at(r.activeLeagues, k).li;
          at(at(leagueIn, pi), yi)[li] = cents;
          r.rows.push(group, at(r.ids.leagues, li), cents, year, at(r.chainProgram, pi), parent.id);
        });
      });
    });
    for (const s of AID_SOURCES) {
      const group = need(r.input.actors, s.group);
      const targets = r.p.counties.map((c, ci) => ({ c, ci })).filter(({ c }) => s.counties(c));
      for (const year of r.years) {
        const parent = need(top, streamKey(s.source, s.group, s.program, year));
        const parts = splitCents(
          parent.cents,
          targets.map(({ c }) => r.jitter(c.weight)),
        );
        targets.forEach(({ ci }, k) => {
          const program = need(r.input.programs, s.program);
          r.rows.push(group, at(r.ids.counties, ci), at(parts, k), year, program, parent.id);
        });
      }
    }
    await r.flush(trx, false);
  });

  return leagueIn;
}

export async function leagueFlows(db: Kysely<Database>, r: Run, leagueIn: bigint[][][]) {
  // 2: leagues → counties; these flows are the earmarked parents of level 3.
  const countyIn = r.grid(() => new Array<bigint>(r.p.counties.length).fill(0n));
  const parentKey = r.grid(() => new Array<string>(r.p.counties.length).fill(''));
  const parentId = r.grid(() => new Array<number>(r.p.counties.length).fill(0));
  await db.transaction().execute(async (trx) => {
    for (let pi = 0; pi < r.np; pi++) {
      r.years.forEach((year, yi) => {
        for (const { l, li } of r.activeLeagues) {
          const out = passOn(at(at(at(leagueIn, pi), yi), li), r.money);
          const parts = splitCents(
            out,
            l.counties.map((ci) => r.jitter(at(r.p.counties, ci).weight)),
          );
          l.counties.forEach((ci, k) => {
            at(at(countyIn, pi), yi)[ci] = at(parts, k);
            at(at(parentKey, pi), yi)[ci] = r.rows.push(
              at(r.ids.leagues, li),
              at(r.ids.counties, ci),
              at(parts, k),
              year,
              at(r.chainProgram, pi),
            );
          });
        }
      });
    }
    const inserted = await r.flush(trx, true);
    parentKey.forEach((byYear, pi) => {
      byYear.forEach((keys, yi) => {
        keys.forEach((key, ci) => {
          if (key !== '') at(at(parentId, pi), yi)[ci] = need(inserted, key);
        });
      });
    });
  });

  return { countyIn, parentId };
}

export async function countyFlows(
  db: Kysely<Database>,
  r: Run,
  countyIn: bigint[][][],
  parentId: number[][][],
) {
  // 3: counties → villages, about 10% earmarked (never more, in total, than the parent).
  const villageIn = r.grid(() => new Array<bigint>(r.p.villageCounty.length).fill(0n));
  const earmark = stream(r.seed, 'earmark');
  await db.transaction().execute(async (trx) => {
    for (let pi = 0; pi < r.np; pi++) {
      for (let yi = 0; yi < r.ny; yi++) {
        for (let ci = 0; ci < r.p.counties.length; ci++) {
          const county = at(r.p.counties, ci);
          const out = passOn(at(at(at(countyIn, pi), yi), ci), r.money);
          const weights: number[] = [];
          for (let v = county.villageStart; v < county.villageStart + county.villageCount; v++) {
            weights.push(r.jitter(at(r.p.villageWeight, v)));
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
            const program = at(r.chainProgram, pi);
            r.rows.push(
              at(r.ids.counties, ci),
              at(r.ids.villages, v),
              cents,
              at(r.years, yi),
              program,
              parentOf,
            );
          });
          if (r.rows.length >= BATCH) await r.flush(trx, false);
        }
      }
    }
    await r.flush(trx, false);
  });

  return villageIn;
}

export async function villageFlows(db: Kysely<Database>, r: Run, villageIn: bigint[][][]) {
  // 4: villages → cohorts, by household count, in the program the cohort gets that year.
  await db.transaction().execute(async (trx) => {
    for (let yi = 0; yi < r.ny; yi++) {
      for (let v = 0; v < r.p.villageCounty.length; v++) {
        const start = at(r.p.villageCohortStart, v);
        const count = at(r.p.villageCohortCount, v);
        for (let pi = 0; pi < r.np; pi++) {
          const members: number[] = [];
          for (let c = start; c < start + count; c++)
            if (cohortProgram(c, yi) === pi) members.push(c);
          if (members.length === 0) continue;
          const out = passOn(at(at(at(villageIn, pi), yi), v), r.money);
          const parts = splitCents(
            out,
            members.map((c) => r.jitter(at(r.p.cohortMembers, c))),
          );
          members.forEach((c, k) => {
            const program = at(r.chainProgram, pi);
            r.rows.push(
              at(r.ids.villages, v),
              at(r.ids.cohorts, c),
              at(parts, k),
              at(r.years, yi),
              program,
            );
          });
        }
        if (r.rows.length >= BATCH) await r.flush(trx, false);
      }
    }
    await r.flush(trx, false);
  });
}
