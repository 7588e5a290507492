/**
 * Outcome values per cohort and year (poor population, people lifted out, households relocated,
 * income), and which cohort-years are sampled as observations. Integers only.
 */

import { at, stream } from './rng.js';
import type { Plan } from './synthetic-plan.js';
import { OBSERVATION_SHARE } from './synthetic-shape.js';

/** Outcome values per cohort and year, and which cohort-years are sampled as observations. */
export interface Outcomes {
  /** [cohort * years + yearIndex] */
  population: Int32Array;
  lifted: Int32Array;
  relocated: Int32Array;
  income: Int32Array;
  sampled: Uint8Array;
  sampledCount: number;
  /** [village * years + yearIndex] */
  villageIncome: Int32Array;
}

export function outcomes(seed: number, p: Plan, flowCount: number): Outcomes {
  const rng = stream(seed, 'outcomes');
  const ny = p.years.length;
  const nc = p.cohortVillage.length;
  const nv = p.villageCounty.length;
  const villageIncome = new Int32Array(nv * ny);
  for (let v = 0; v < nv; v++) {
    let income = rng.int(3500, 6500);
    for (let yi = 0; yi < ny; yi++) {
      if (yi > 0) {
        const gap = at(p.years, yi) - at(p.years, yi - 1);
        for (let g = 0; g < gap; g++)
          income = Math.floor((income * rng.int(10_600, 11_400)) / 10_000);
      }
      villageIncome[v * ny + yi] = income;
    }
  }
  // Observations above the cohorts: 4 a year per league, village; 5 per county.
  const above =
    (p.leagues.filter((l) => l.counties.length > 0).length * 4 + nv * 4) * ny +
    p.counties.length * 5 * ny;
  const cohortYears = nc * ny;
  const sampleRate =
    cohortYears === 0
      ? 0
      : Math.min(1, Math.max(0.02, (OBSERVATION_SHARE * flowCount - above) / (cohortYears * 4)));

  const population = new Int32Array(nc * ny);
  const lifted = new Int32Array(nc * ny);
  const relocated = new Int32Array(nc * ny);
  const income = new Int32Array(nc * ny);
  const sampled = new Uint8Array(nc * ny);
  let sampledCount = 0;
  for (let c = 0; c < nc; c++) {
    const households = at(p.cohortMembers, c);
    const village = at(p.cohortVillage, c);
    let poor = 2 * households + Math.floor((households * rng.int(50, 150)) / 100);
    let stay = households;
    const incomeShare = rng.int(80, 120);
    for (let yi = 0; yi < ny; yi++) {
      const i = c * ny + yi;
      const out = Math.floor((poor * Math.min(60, rng.int(8, 20) + 4 * yi)) / 100);
      const moved = stay > 0 && rng.chance(0.2) ? rng.int(1, Math.min(4, stay)) : 0;
      population[i] = poor;
      lifted[i] = out;
      relocated[i] = moved;
      income[i] = Math.floor((at(villageIncome, village * ny + yi) * incomeShare) / 100);
      if (rng.chance(sampleRate)) {
        sampled[i] = 1;
        sampledCount++;
      }
      poor -= out;
      stay -= moved;
    }
  }
  return { population, lifted, relocated, income, sampled, sampledCount, villageIncome };
}
