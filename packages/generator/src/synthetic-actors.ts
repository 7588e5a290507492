/**
 * The synthetic actors (the leagues the seed lacks, the counties, villages and household
 * cohorts), the counties' designations (国贫 / 区贫) and the help relations (pairings) that
 * the seed states only for groups, here per county and per village.
 */
import { sql } from 'kysely';
import { at, stream } from './rng.js';
import type { LeaguePlan, Plan } from './synthetic-plan.js';
import { type Db, insertActors, type NewActor, need } from './synthetic-rows.js';
import {
  AID_SOURCES,
  BATCH,
  PARTNER_ENTERPRISES,
  PARTNER_VILLAGES,
  RELOCATED_HOUSEHOLDS,
  SYNTHETIC_NOTE,
} from './synthetic-shape.js';

export interface ActorIds {
  leagues: number[];
  counties: number[];
  villages: Int32Array;
  cohorts: Int32Array;
  /** Actors this run inserted. */
  inserted: number;
}

function leagueActorName(league: LeaguePlan): { name: string; nameEn: string } {
  return league.name.endsWith('盟')
    ? { name: `${league.name}行政公署`, nameEn: `${league.nameEn} Administrative Office` }
    : { name: `${league.name}人民政府`, nameEn: `${league.nameEn} Municipal People’s Government` };
}

export function villageName(p: Plan, v: number) {
  const county = at(p.counties, at(p.villageCounty, v));
  const n = at(p.villageOrdinal, v);
  return { name: `${county.name}第${n}嘎查村`, nameEn: `${county.nameEn} gacha-village ${n}` };
}

/** The metric and county designations the synthetic observations and regions rely on. */
async function prepare(trx: Db, p: Plan) {
  await trx
    .insertInto('metrics')
    .values({
      key: RELOCATED_HOUSEHOLDS.key,
      name: RELOCATED_HOUSEHOLDS.name,
      name_en: RELOCATED_HOUSEHOLDS.nameEn,
    })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  for (const [national, designation] of [
    [true, 'NATIONAL_POOR_COUNTY'],
    [false, 'REGIONAL_POOR_COUNTY'],
  ] as const) {
    const codes = p.counties.filter((c) => c.national === national).map((c) => c.code);
    await sql`update regions set designations = array[${designation}::text]
              where code = any(${codes}::text[])`.execute(trx);
  }
}

/** The league and county governments (a league the seed has keeps its seed actor). */
async function insertGovernments(trx: Db, p: Plan, seedLeagues: (number | undefined)[]) {
  const upper: NewActor[] = [];
  p.leagues.forEach((league, li) => {
    if (seedLeagues[li] === undefined) {
      upper.push({
        key: `syn-league-${li + 1}`,
        ...leagueActorName(league),
        kind: 'GOVERNMENT',
        regionCode: league.code,
        memberCount: null,
      });
    }
  });
  p.counties.forEach((county, ci) => {
    upper.push({
      key: `syn-county-${ci + 1}`,
      name: `${county.name}人民政府`,
      nameEn: `People’s Government of ${county.nameEn}`,
      kind: 'GOVERNMENT',
      regionCode: county.code,
      memberCount: null,
    });
  });
  const upperIds = await insertActors(trx, upper);
  const leagues = p.leagues.map(
    (_, li) => seedLeagues[li] ?? need(upperIds, `syn-league-${li + 1}`),
  );
  const counties = p.counties.map((_, ci) => need(upperIds, `syn-county-${ci + 1}`));

  return { leagues, counties, count: upper.length };
}

async function insertVillages(trx: Db, p: Plan) {
  const nv = p.villageCounty.length;
  const villageActors: NewActor[] = [];
  for (let v = 0; v < nv; v++) {
    villageActors.push({
      key: `syn-village-${v + 1}`,
      ...villageName(p, v),
      kind: 'VILLAGE',
      regionCode: at(p.counties, at(p.villageCounty, v)).code,
      memberCount: null,
    });
  }
  const vIds = await insertActors(trx, villageActors);
  const villages = new Int32Array(nv);
  for (let v = 0; v < nv; v++) villages[v] = need(vIds, `syn-village-${v + 1}`);

  return villages;
}

async function insertCohorts(trx: Db, p: Plan, progress: (n: number) => void) {
  const nc = p.cohortVillage.length;
  const cohorts = new Int32Array(nc);
  for (let start = 0; start < nc; start += BATCH) {
    const batch: NewActor[] = [];
    for (let c = start; c < Math.min(nc, start + BATCH); c++) {
      const v = at(p.cohortVillage, c);
      const village = villageName(p, v);
      const m = c - at(p.villageCohortStart, v) + 1;
      batch.push({
        key: `syn-cohort-${c + 1}`,
        name: `${village.name}建档立卡贫困户第${m}组`,
        nameEn: `${village.nameEn}, registered poor households, cohort ${m}`,
        kind: 'HOUSEHOLDS',
        regionCode: at(p.counties, at(p.villageCounty, v)).code,
        memberCount: at(p.cohortMembers, c),
      });
    }
    const ids = await insertActors(trx, batch);
    for (let c = start; c < start + batch.length; c++) {
      cohorts[c] = need(ids, `syn-cohort-${c + 1}`);
    }
    progress(batch.length);
  }
  return cohorts;
}

/** Inserts the actors; `seedLeagues` are the seed's league governments by league index. */
export async function insertSyntheticActors(
  trx: Db,
  p: Plan,
  seedLeagues: (number | undefined)[],
  progress: (n: number) => void,
): Promise<ActorIds> {
  await prepare(trx, p);
  const { leagues, counties, count } = await insertGovernments(trx, p, seedLeagues);
  progress(count);
  const nv = p.villageCounty.length;
  const villages = await insertVillages(trx, p);
  progress(nv);
  const nc = p.cohortVillage.length;
  const cohorts = await insertCohorts(trx, p, progress);
  return { leagues, counties, villages, cohorts, inserted: count + nv + nc };
}

/** Pairings, one per helper and county (or village) for every year: their count, for progress. */
export function pairingCount(p: Plan, years: number): number {
  const counties = AID_SOURCES.reduce((n, s) => n + p.counties.filter(s.counties).length, 0);
  return years * (counties + Math.min(PARTNER_VILLAGES, p.villageCounty.length));
}

/**
 * The seed's group pairings in detail: each aid source helps each county it covers, and the
 * partner enterprises help 563 villages (chosen by the seed's PRNG), in every year.
 */
export async function insertPairings(
  trx: Db,
  seed: number,
  p: Plan,
  years: number[],
  ids: ActorIds,
  sources: ReadonlyMap<string, number>,
  programs: ReadonlyMap<string, number>,
): Promise<number> {
  const helper: number[] = [];
  const recipient: number[] = [];
  const kind: string[] = [];
  const program: (number | null)[] = [];
  const year: number[] = [];
  const push = (h: number, r: number, k: string, pr: number | null, y: number) => {
    helper.push(h);
    recipient.push(r);
    kind.push(k);
    program.push(pr);
    year.push(y);
  };
  const villages = stream(seed, 'partner-villages')
    .shuffle(Array.from(p.villageCounty, (_, v) => v))
    .slice(0, PARTNER_VILLAGES)
    .sort((a, b) => a - b);
  const partnership = need(programs, 'village-enterprise-partnership');
  for (const y of years) {
    for (const s of AID_SOURCES) {
      p.counties.forEach((c, ci) => {
        if (s.counties(c)) {
          push(
            need(sources, s.source),
            at(ids.counties, ci),
            s.pairing,
            need(programs, s.program),
            y,
          );
        }
      });
    }
    for (const v of villages) {
      push(
        need(sources, PARTNER_ENTERPRISES),
        at(ids.villages, v),
        'VILLAGE_ENTERPRISE',
        partnership,
        y,
      );
    }
  }
  const keys = helper.map((_, i) => `syn-pairing-${i + 1}`);
  await sql`
    insert into pairings (key, helper_id, recipient_id, kind, program_id, year, note)
    select k, h, r, kd, pr, y, ${SYNTHETIC_NOTE}
    from unnest(${keys}::text[], ${helper}::int[], ${recipient}::int[], ${kind}::text[],
                ${program}::int[], ${year}::int[]) as u(k, h, r, kd, pr, y)`.execute(trx);
  return keys.length;
}
