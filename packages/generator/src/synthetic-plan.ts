/**
 * Who exists in the synthetic data set: the 12 leagues, 57 poor counties (31 national, 26
 * regional, real GB/T 2260 county codes chosen per league by quota), 2,834 poor villages and
 * the household cohorts, with their weights (roughly, their poor population).
 */
import { loadRegions, type RegionSeed } from '@fundtrace/server/seed/regions';
import { apportion } from './cents.js';
import { at, type Rng, stream } from './rng.js';

/** Poor counties per league: 31 national (16 of them in 赤峰 and 乌兰察布, as the seed says). */
export const NATIONAL_QUOTA: Readonly<Record<string, number>> = {
  '150100': 1,
  '150200': 1,
  '150400': 8,
  '150500': 3,
  '150700': 3,
  '150900': 8,
  '152200': 4,
  '152500': 3,
};
/** ... and 26 regional. */
export const REGIONAL_QUOTA: Readonly<Record<string, number>> = {
  '150100': 2,
  '150200': 1,
  '150400': 1,
  '150500': 3,
  '150600': 1,
  '150700': 5,
  '150800': 4,
  '150900': 2,
  '152200': 2,
  '152500': 4,
  '152900': 1,
};

export interface LeaguePlan {
  code: string;
  name: string;
  nameEn: string;
  counties: number[];
}

export interface CountyPlan {
  code: string;
  name: string;
  nameEn: string;
  league: number;
  leagueCode: string;
  national: boolean;
  weight: number;
  villageStart: number;
  villageCount: number;
}

export interface Plan {
  years: number[];
  leagues: LeaguePlan[];
  counties: CountyPlan[];
  villageCounty: Int32Array;
  villageOrdinal: Int32Array;
  villageWeight: Int32Array;
  villageCohortStart: Int32Array;
  villageCohortCount: Int32Array;
  cohortVillage: Int32Array;
  cohortMembers: Int32Array;
}

/** The poor counties, chosen per league by its quotas, in region-code order. */
function chooseCounties(pick: Rng) {
  const regions = loadRegions();
  const leagueRegions = regions.filter(
    (r) => r.level === 'PREFECTURE' && r.parentCode === '150000',
  );
  if (leagueRegions.length !== 12) {
    throw new Error(
      `synthetic: expected Inner Mongolia's 12 leagues, found ${leagueRegions.length}`,
    );
  }
  const leagues: LeaguePlan[] = [];
  const chosen: { region: RegionSeed; league: number; national: boolean }[] = [];
  leagueRegions.forEach((league, li) => {
    leagues.push({ code: league.code, name: league.name, nameEn: league.nameEn, counties: [] });
    // Districts (区) are urban: poor counties are banners, counties and county-level cities.
    const candidates = pick.shuffle(
      regions.filter((r) => r.parentCode === league.code && !r.name.endsWith('区')),
    );
    const national = NATIONAL_QUOTA[league.code] ?? 0;
    const regional = REGIONAL_QUOTA[league.code] ?? 0;
    if (candidates.length < national + regional) {
      throw new Error(`synthetic: ${league.name} has too few counties for its quota`);
    }
    candidates.slice(0, national + regional).forEach((region, i) => {
      chosen.push({ region, league: li, national: i < national });
    });
  });
  chosen.sort((a, b) => (a.region.code < b.region.code ? -1 : 1));
  const counties: CountyPlan[] = chosen.map(({ region, league, national }, ci) => {
    at(leagues, league).counties.push(ci);
    return {
      code: region.code,
      name: region.name,
      nameEn: region.nameEn,
      league,
      leagueCode: at(leagues, league).code,
      national,
      weight: national ? pick.int(3000, 4500) : pick.int(2000, 3000),
      villageStart: 0,
      villageCount: 0,
    };
  });

  return { leagues, counties };
}

/** Villages: at least one per county, the rest by county weight. */
function placeVillages(pick: Rng, counties: CountyPlan[], villages: number) {
  if (villages < counties.length)
    throw new Error(`synthetic: at least ${counties.length} villages`);
  const perCounty = apportion(
    villages - counties.length,
    counties.map((c) => c.weight),
  );
  const villageCounty = new Int32Array(villages);
  const villageOrdinal = new Int32Array(villages);
  const villageWeight = new Int32Array(villages);
  let v = 0;
  counties.forEach((county, ci) => {
    county.villageStart = v;
    county.villageCount = at(perCounty, ci) + 1;
    for (let n = 1; n <= county.villageCount; n++, v++) {
      villageCounty[v] = ci;
      villageOrdinal[v] = n;
      villageWeight[v] = pick.int(50, 150);
    }
  });

  return { villageCounty, villageOrdinal, villageWeight };
}

/** Cohorts: by village weight (the village's poor population, roughly). */
function placeCohorts(pick: Rng, villageWeight: Int32Array, cohorts: number) {
  const villages = villageWeight.length;
  const perVillage = apportion(cohorts, Array.from(villageWeight));
  const villageCohortStart = new Int32Array(villages);
  const villageCohortCount = new Int32Array(villages);
  const cohortVillage = new Int32Array(cohorts);
  const cohortMembers = new Int32Array(cohorts);
  let c = 0;
  for (let vi = 0; vi < villages; vi++) {
    villageCohortStart[vi] = c;
    villageCohortCount[vi] = at(perVillage, vi);
    for (let k = 0; k < at(perVillage, vi); k++, c++) {
      cohortVillage[c] = vi;
      cohortMembers[c] = pick.int(5, 40);
    }
  }
  return { villageCohortStart, villageCohortCount, cohortVillage, cohortMembers };
}

export function plan(seed: number, cohorts: number, villages: number, years: number[]): Plan {
  const pick = stream(seed, 'counties');
  const { leagues, counties } = chooseCounties(pick);
  const placed = placeVillages(pick, counties, villages);
  return {
    years,
    leagues,
    counties,
    ...placed,
    ...placeCohorts(pick, placed.villageWeight, cohorts),
  };
}
