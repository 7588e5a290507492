/**
 * Observations at every level, summed upward from the cohorts so that a village's poor
 * population is its cohorts', a county's its villages' and a league's its counties'; incomes
 * are averaged by poor population. Cohorts are sampled (see synthetic-outcomes.ts).
 */

import type { Database } from '@fundtrace/server/db/database';
import type { Kysely } from 'kysely';
import { at } from './rng.js';
import type { ActorIds } from './synthetic-actors.js';
import type { Outcomes } from './synthetic-outcomes.js';
import type { Plan } from './synthetic-plan.js';
import { ObservationRows } from './synthetic-rows.js';
import {
  BATCH,
  M_HOUSEHOLDS,
  M_INCOME,
  M_LIFTED,
  M_POPULATION,
  M_RELOCATED,
} from './synthetic-shape.js';

/** How many observations generateObservations writes. */
export function observationCount(p: Plan, o: Outcomes): number {
  const leagues = p.leagues.filter((l) => l.counties.length > 0).length;
  const ny = p.years.length;
  return (
    ny * (leagues * 4 + p.counties.length * 5 + p.villageCounty.length * 4) + o.sampledCount * 4
  );
}

/** [unit * years + yearIndex] sums of population, lifted, relocated; income weighted by poor. */
const sums = (n: number, ny: number) => ({
  population: new Float64Array(n * ny),
  lifted: new Float64Array(n * ny),
  relocated: new Float64Array(n * ny),
  incomeTimesPoor: new Float64Array(n * ny),
  incomeWeight: new Float64Array(n * ny),
  households: new Float64Array(n),
});
type Sums = ReturnType<typeof sums>;

type Series = Float64Array | Int32Array;

/** Adds the `series` of row i of `from` into row `unit` of `to`, year by year. */
function addYears<K extends string>(
  ny: number,
  series: readonly K[],
  to: Record<K, Float64Array>,
  unit: number,
  from: Record<K, Series>,
  i: number,
) {
  for (let yi = 0; yi < ny; yi++) {
    const a = unit * ny + yi;
    const b = i * ny + yi;
    for (const k of series) to[k][a] = at(to[k], a) + at(from[k], b);
  }
}

const YEARLY = ['population', 'lifted', 'relocated', 'incomeTimesPoor', 'incomeWeight'] as const;

/** Adds one unit's sums (from, at i) into its parent's (to, at unit), year by year. */
function add(ny: number, to: Sums, unit: number, from: Sums, i: number) {
  addYears(ny, YEARLY, to, unit, from, i);
  to.households[unit] = at(to.households, unit) + at(from.households, i);
}

/** The cohorts' outcomes summed up to villages, counties and leagues. */
function rollUp(p: Plan, o: Outcomes) {
  const ny = p.years.length;
  const villages = p.villageCounty.length;
  const vs = sums(villages, ny);
  const cs = sums(p.counties.length, ny);
  const ls = sums(p.leagues.length, ny);
  for (let c = 0; c < p.cohortVillage.length; c++) {
    const v = at(p.cohortVillage, c);
    vs.households[v] = at(vs.households, v) + at(p.cohortMembers, c);
    addYears(ny, ['population', 'lifted', 'relocated'] as const, vs, v, o, c);
  }
  for (let v = 0; v < villages; v++) {
    for (let yi = 0; yi < ny; yi++) {
      const a = v * ny + yi;
      // Incomes average by poor population (a village with none still counts once).
      const weight = Math.max(1, at(vs.population, a));
      vs.incomeTimesPoor[a] = at(o.villageIncome, a) * weight;
      vs.incomeWeight[a] = weight;
    }
    add(ny, cs, at(p.villageCounty, v), vs, v);
  }
  p.counties.forEach((county, ci) => {
    add(ny, ls, county.league, cs, ci);
  });
  return { vs, cs, ls };
}

export async function generateObservations(
  db: Kysely<Database>,
  p: Plan,
  o: Outcomes,
  ids: ActorIds,
  relocationProgram: number,
  progress: (n: number) => void,
): Promise<number> {
  const years = p.years;
  const ny = years.length;
  const villages = p.villageCounty.length;
  const cohorts = p.cohortVillage.length;
  const activeLeagues = p.leagues
    .map((l, li) => ({ l, li }))
    .filter(({ l }) => l.counties.length > 0);
  const leagueId = (li: number) => at(ids.leagues, li);
  const countyId = (ci: number) => at(ids.counties, ci);
  const obs = new ObservationRows(relocationProgram);
  const { vs, cs, ls } = rollUp(p, o);
  await db.transaction().execute(async (trx) => {
    const flushIfFull = async () => {
      if (obs.length >= BATCH) {
        const n = obs.length;
        await obs.flush(trx);
        progress(n);
      }
    };
    const income = (s: Sums, a: number) =>
      Math.floor(at(s.incomeTimesPoor, a) / at(s.incomeWeight, a));
    const emit = async (
      s: Sums,
      unit: number,
      actor: number,
      region: string,
      households: boolean,
    ) => {
      for (let yi = 0; yi < ny; yi++) {
        const year = at(years, yi);
        const a = unit * ny + yi;
        obs.push(M_POPULATION, at(s.population, a), year, actor, region);
        obs.push(M_LIFTED, at(s.lifted, a), year, actor, region);
        obs.push(M_RELOCATED, at(s.relocated, a), year, actor, region);
        obs.push(M_INCOME, income(s, a), year, actor, region);
        if (households) obs.push(M_HOUSEHOLDS, at(s.households, unit), year, actor, region);
      }
      await flushIfFull();
    };
    for (const { l, li } of activeLeagues) await emit(ls, li, leagueId(li), l.code, false);
    for (let ci = 0; ci < p.counties.length; ci++) {
      await emit(cs, ci, countyId(ci), at(p.counties, ci).code, true);
    }
    for (let v = 0; v < villages; v++) {
      await emit(vs, v, at(ids.villages, v), at(p.counties, at(p.villageCounty, v)).code, false);
    }
    for (let c = 0; c < cohorts; c++) {
      const actor = at(ids.cohorts, c);
      const region = at(p.counties, at(p.villageCounty, at(p.cohortVillage, c))).code;
      for (let yi = 0; yi < ny; yi++) {
        const b = c * ny + yi;
        if (at(o.sampled, b) === 0) continue;
        const year = at(years, yi);
        obs.push(M_POPULATION, at(o.population, b), year, actor, region);
        obs.push(M_LIFTED, at(o.lifted, b), year, actor, region);
        obs.push(M_RELOCATED, at(o.relocated, b), year, actor, region);
        obs.push(M_INCOME, at(o.income, b), year, actor, region);
      }
      await flushIfFull();
    }
    const n = obs.length;
    await obs.flush(trx);
    progress(n);
  });
  return obs.n;
}
