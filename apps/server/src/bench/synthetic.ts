/**
 * A deterministic synthetic data set for benchmarks, shaped like the seed document's hierarchy:
 *
 *   自治区本级财政 (the seed's regional treasury)
 *     → the leagues' governments (the seed's four where it has them, new ones for the others)
 *       → 57 poor counties (31 national, 26 regional, real GB/T 2260 county codes)
 *         → 2,834 poor villages (synthetic 嘎查村)
 *           → household cohorts (HOUSEHOLDS, 5–40 households each)
 *
 * in four of the seed's programs, for every requested year. Counties also receive money from the
 * seed's other sources (涉农涉牧资金 into every poor county, 中央国家机关 into the national ones,
 * 北京市 into the national counties of 赤峰 and 乌兰察布, 自治区厅局 into those of 兴安盟 and
 * 乌兰察布), so counties pool several sources. Observations (poor population, people lifted out,
 * households relocated, income) are recorded at every level, sampled at the cohorts.
 *
 * Rules:
 * - Deterministic: every random choice comes from mulberry32 streams seeded from `seed` and a
 *   label; no Math.random, no clock.
 * - Money is integer cents (BigInt) from start to end; a PRNG float only picks a percentage or a
 *   weight. Amounts are written as decimals with two places.
 * - Consistent downward: a league, county or village passes on 85–98% of what it received in
 *   that program and year (the rest is a residual), split among its children by weight; a split
 *   hands out exactly what is split. So, per node, program and year, outflow ≤ inflow.
 * - Totals the seed states are kept: the treasury's outflow in 自治区本级财政扶贫投入 is 18.8亿 in
 *   2016 and 48.8亿 in 2017, 易地扶贫搬迁 33亿 and 产业扶贫基金 20亿 in 2017, the integrated
 *   funds 40亿 (2016) and 80亿 (2017), Beijing's aid 1.26亿 and 2.5亿, the central organs'
 *   6713万, the regional departments' 11.8亿. Other years grow 15% a year from the nearest stated
 *   year (linear between two), ±5%, rounded to 10,000 yuan.
 * - About 10% of county → village flows are earmarked: their parent is the league → county flow
 *   of the same program and year (never more, in total, than that parent).
 * - Every record's key starts with `syn-` and its note is 'synthetic'.
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import { loadRegions, type RegionSeed } from '../seed/regions.js';

export interface SyntheticOptions {
  seed: number;
  /** Household cohorts (40,000 for the tracing benchmark, 250,000 at national scale). */
  cohorts: number;
  years: number[];
  /** Poor villages: 2,834 as the seed document says. Fewer only to keep a test small. */
  villages?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface SyntheticCounts {
  flows: number;
  observations: number;
  actors: number;
}

export const SYNTHETIC_NOTE = 'synthetic';
export const POOR_VILLAGES = 2834;

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

// ---- the shape ------------------------------------------------------------------------------

/** Poor counties per league: 31 national (16 of them in 赤峰 and 乌兰察布, as the seed says). */
const NATIONAL_QUOTA: Readonly<Record<string, number>> = {
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
const REGIONAL_QUOTA: Readonly<Record<string, number>> = {
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

const TREASURY = 'im-regional-treasury';

/** Yearly totals in yuan, keyed by year, where the seed states them. */
type Anchors = Readonly<Record<number, bigint>>;

/** The programs that run down the whole chain, from the treasury to the cohorts. */
const CHAIN_PROGRAMS: ReadonlyArray<{ key: string; anchors: Anchors }> = [
  // 18.8億元 (2016), 48.8億元 (2017)
  { key: 'regional-fiscal-investment', anchors: { 2016: 1_880_000_000n, 2017: 4_880_000_000n } },
  // The treasury's own part of the integrated funds: not stated, a synthetic 15亿 in 2017.
  { key: 'integrated-agri-pastoral-funds', anchors: { 2017: 1_500_000_000n } },
  // 33億元 (2017)
  { key: 'relocation', anchors: { 2017: 3_300_000_000n } },
  // 20億元 (2017)
  { key: 'industrial-poverty-fund', anchors: { 2017: 2_000_000_000n } },
];

type CountyFilter = (county: CountyPlan) => boolean;

/** The seed's other sources, straight into the counties they plausibly fund. */
const OTHER_SOURCES: ReadonlyArray<{
  actor: string;
  program: string;
  anchors: Anchors;
  counties: CountyFilter;
}> = [
  {
    actor: 'agri-pastoral-funds',
    program: 'integrated-agri-pastoral-funds',
    anchors: { 2016: 4_000_000_000n, 2017: 8_000_000_000n },
    counties: () => true,
  },
  {
    actor: 'central-state-organs',
    program: 'central-designated-assistance',
    anchors: { 2017: 67_130_000n },
    counties: (c) => c.national,
  },
  {
    actor: 'beijing-districts',
    program: 'beijing-paired-assistance',
    anchors: { 2016: 126_000_000n, 2017: 250_000_000n },
    counties: (c) => c.national && (c.leagueCode === '150400' || c.leagueCode === '150900'),
  },
  {
    actor: 'regional-departments',
    program: 'regional-designated-assistance',
    anchors: { 2017: 1_180_000_000n },
    counties: (c) => c.leagueCode === '152200' || c.leagueCode === '150900',
  },
];

const RELOCATED_HOUSEHOLDS = {
  key: 'relocated_households',
  name: '易地扶贫搬迁建档立卡贫困户数',
  nameEn: 'Registered poor households relocated',
};

/** Observation metrics, by index in the observation columns. */
const METRICS = [
  { key: 'registered_poor_population', unit: 'PERSON', relocation: false },
  { key: 'registered_poor_population_reduction', unit: 'PERSON', relocation: false },
  { key: RELOCATED_HOUSEHOLDS.key, unit: 'HOUSEHOLD', relocation: true },
  { key: 'disposable_income_per_capita', unit: 'CNY_PER_PERSON', relocation: false },
  { key: 'registered_poor_households', unit: 'HOUSEHOLD', relocation: false },
] as const;
const M_POPULATION = 0;
const M_LIFTED = 1;
const M_RELOCATED = 2;
const M_INCOME = 3;
const M_HOUSEHOLDS = 4;

/** Observations: about this share of the flow count (10–20% asked). */
const OBSERVATION_SHARE = 0.15;
const EARMARK_SHARE = 0.1;
/** Rows per INSERT … SELECT FROM unnest(…) statement. */
const BATCH = 25_000;
/** Growth a year, in basis points, away from a stated year. */
const GROWTH_BP = 11_500n;

// ---- deterministic randomness ----------------------------------------------------------------

function mulberry32(state: number): () => number {
  let a = state >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a of seed and label: independent streams, so that one part's draws don't shift another's. */
function stream(seed: number, label: string): Rng {
  let h = 0x811c9dc5;
  for (const ch of `${seed}:${label}`) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193);
  }
  return new Rng(mulberry32(h));
}

class Rng {
  constructor(readonly next: () => number) {}
  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const a = at(items, i);
      items[i] = at(items, j);
      items[j] = a;
    }
    return items;
  }
}

function at<T>(items: ArrayLike<T>, i: number): T {
  const v = items[i];
  if (v === undefined) throw new Error(`synthetic: index ${i} out of range`);
  return v;
}

// ---- integer arithmetic ----------------------------------------------------------------------

/** Splits `total` by positive integer weights; the parts add up to exactly `total`. */
function splitCents(total: bigint, weights: readonly number[]): bigint[] {
  let sum = 0n;
  for (const w of weights) sum += BigInt(w);
  if (sum === 0n) return weights.map(() => 0n);
  const parts = weights.map((w) => (total * BigInt(w)) / sum);
  let rest = total;
  for (const p of parts) rest -= p;
  // Each floor loses less than one cent, so rest < parts.length.
  for (let i = 0; rest > 0n; i++, rest--) parts[i] = at(parts, i) + 1n;
  return parts;
}

/** The same for counts (small enough for exact Number arithmetic). */
function apportion(total: number, weights: readonly number[]): number[] {
  return splitCents(BigInt(total), weights).map(Number);
}

/** What a node passes on: 85–98% of what it received, in whole cents. */
function passOn(received: bigint, rng: Rng): bigint {
  return (received * BigInt(rng.int(8500, 9800))) / 10_000n;
}

function formatCents(cents: bigint): string {
  const abs = cents < 0n ? -cents : cents;
  const sign = cents < 0n ? '-' : '';
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

/** A year's total in cents: the stated figure, or one grown from the nearest stated years. */
function yearTotalCents(anchors: Anchors, year: number, rng: Rng): bigint {
  const stated = anchors[year];
  if (stated !== undefined) return stated * 100n;
  const years = Object.keys(anchors)
    .map(Number)
    .sort((a, b) => a - b);
  const before = years.filter((y) => y < year).pop();
  const after = years.find((y) => y > year);
  let yuan: bigint;
  if (before !== undefined && after !== undefined) {
    const a = anchors[before] ?? 0n;
    const b = anchors[after] ?? 0n;
    yuan = a + ((b - a) * BigInt(year - before)) / BigInt(after - before);
  } else {
    const from = before ?? after;
    if (from === undefined) throw new Error('synthetic: a program without a stated total');
    yuan = anchors[from] ?? 0n;
    for (let i = 0; i < Math.abs(year - from); i++) {
      yuan = year > from ? (yuan * GROWTH_BP) / 10_000n : (yuan * 10_000n) / GROWTH_BP;
    }
  }
  yuan = (yuan * BigInt(rng.int(9500, 10_500))) / 10_000n;
  return (yuan / 10_000n) * 10_000n * 100n;
}

// ---- the plan: who exists, and the outcomes observed -----------------------------------------

interface LeaguePlan {
  code: string;
  name: string;
  nameEn: string;
  counties: number[];
}

interface CountyPlan {
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

interface Plan {
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

function plan(seed: number, cohorts: number, villages: number, years: number[]): Plan {
  const regions = loadRegions();
  const leagueRegions = regions.filter(
    (r) => r.level === 'PREFECTURE' && r.parentCode === '150000',
  );
  if (leagueRegions.length !== 12) {
    throw new Error(
      `synthetic: expected Inner Mongolia's 12 leagues, found ${leagueRegions.length}`,
    );
  }
  const pick = stream(seed, 'counties');
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

  // Villages: at least one per county, the rest by county weight.
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

  // Cohorts: by village weight (the village's poor population, roughly).
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
  return {
    years,
    leagues,
    counties,
    villageCounty,
    villageOrdinal,
    villageWeight,
    villageCohortStart,
    villageCohortCount,
    cohortVillage,
    cohortMembers,
  };
}

/** Outcome values per cohort and year, and which cohort-years are sampled as observations. */
interface Outcomes {
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

function outcomes(seed: number, p: Plan, flowCount: number): Outcomes {
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

// ---- loading ---------------------------------------------------------------------------------

type Db = Kysely<Database> | Transaction<Database>;

class FlowRows {
  keys: string[] = [];
  sources: number[] = [];
  targets: number[] = [];
  amounts: string[] = [];
  years: number[] = [];
  statuses: string[] = [];
  programs: number[] = [];
  parents: (number | null)[] = [];
  private counter: { n: number };
  private status: Rng;

  constructor(counter: { n: number }, status: Rng) {
    this.counter = counter;
    this.status = status;
  }

  get length() {
    return this.keys.length;
  }

  /** Adds a flow and returns its key. */
  push(
    source: number,
    target: number,
    cents: bigint,
    year: number,
    program: number,
    parent: number | null = null,
  ): string {
    const key = `syn-flow-${++this.counter.n}`;
    const r = this.status.next();
    this.keys.push(key);
    this.sources.push(source);
    this.targets.push(target);
    this.amounts.push(formatCents(cents));
    this.years.push(year);
    this.statuses.push(r < 0.8 ? 'DISBURSED' : r < 0.92 ? 'SPENT' : 'COMMITTED');
    this.programs.push(program);
    this.parents.push(parent);
    return key;
  }

  /** Inserts the rows in one statement and empties the buffer; returns key → id when asked. */
  async flush(db: Db, returning: boolean): Promise<Map<string, number>> {
    const ids = new Map<string, number>();
    if (this.length === 0) return ids;
    const insert = sql<{ id: number; key: string }>`
      insert into flows (key, source_id, target_id, amount, qualifier, unit, year, status,
                         instrument, program_id, parent_id, note)
      select k, s, t, a, 'EXACT', 'CNY', y, st, 'GRANT', p, pa, ${SYNTHETIC_NOTE}
      from unnest(${this.keys}::text[], ${this.sources}::int[], ${this.targets}::int[],
                  ${this.amounts}::numeric[], ${this.years}::int[], ${this.statuses}::text[],
                  ${this.programs}::int[], ${this.parents}::int[]) as u(k, s, t, a, y, st, p, pa)
      ${returning ? sql`returning id, key` : sql``}`;
    const result = await insert.execute(db);
    for (const row of result.rows) ids.set(row.key, row.id);
    this.keys = [];
    this.sources = [];
    this.targets = [];
    this.amounts = [];
    this.years = [];
    this.statuses = [];
    this.programs = [];
    this.parents = [];
    return ids;
  }
}

interface NewActor {
  key: string;
  name: string;
  nameEn: string;
  kind: string;
  regionCode: string;
  memberCount: number | null;
}

async function insertActors(db: Db, actors: NewActor[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (let i = 0; i < actors.length; i += BATCH) {
    const batch = actors.slice(i, i + BATCH);
    const result = await sql<{ id: number; key: string }>`
      insert into actors (key, name, name_en, kind, region_code, member_count, note)
      select k, n, ne, kd, r, m, ${SYNTHETIC_NOTE}
      from unnest(${batch.map((a) => a.key)}::text[], ${batch.map((a) => a.name)}::text[],
                  ${batch.map((a) => a.nameEn)}::text[], ${batch.map((a) => a.kind)}::text[],
                  ${batch.map((a) => a.regionCode)}::text[],
                  ${batch.map((a) => a.memberCount)}::int[]) as u(k, n, ne, kd, r, m)
      returning id, key`.execute(db);
    for (const row of result.rows) ids.set(row.key, row.id);
  }
  return ids;
}

class ObservationRows {
  keys: string[] = [];
  metrics: string[] = [];
  values: string[] = [];
  units: string[] = [];
  years: number[] = [];
  actors: number[] = [];
  regions: string[] = [];
  programs: (number | null)[] = [];
  /** Observations pushed so far. */
  n = 0;

  constructor(private readonly relocationProgram: number) {}

  get length() {
    return this.keys.length;
  }

  push(metric: number, value: number, year: number, actor: number, region: string) {
    const m = at(METRICS, metric);
    this.keys.push(`syn-obs-${++this.n}`);
    this.metrics.push(m.key);
    this.values.push(String(value));
    this.units.push(m.unit);
    this.years.push(year);
    this.actors.push(actor);
    this.regions.push(region);
    this.programs.push(m.relocation ? this.relocationProgram : null);
  }

  async flush(db: Db) {
    if (this.length === 0) return;
    await sql`
      insert into observations (key, metric, value, qualifier, unit, year, kind, region_code,
                                actor_id, program_id, note)
      select k, m, v, 'EXACT', u, y, 'ACTUAL', r, a, p, ${SYNTHETIC_NOTE}
      from unnest(${this.keys}::text[], ${this.metrics}::text[], ${this.values}::numeric[],
                  ${this.units}::text[], ${this.years}::int[], ${this.regions}::text[],
                  ${this.actors}::int[], ${this.programs}::int[]) as u(k, m, v, u, y, r, a, p)`.execute(
      db,
    );
    this.keys = [];
    this.metrics = [];
    this.values = [];
    this.units = [];
    this.years = [];
    this.actors = [];
    this.regions = [];
    this.programs = [];
  }
}

function leagueActorName(league: LeaguePlan): { name: string; nameEn: string } {
  return league.name.endsWith('盟')
    ? { name: `${league.name}行政公署`, nameEn: `${league.nameEn} Administrative Office` }
    : { name: `${league.name}人民政府`, nameEn: `${league.nameEn} Municipal People’s Government` };
}

async function lookup(db: Db, table: 'actors' | 'programs', keys: string[]) {
  const rows = await db.selectFrom(table).select(['id', 'key']).where('key', 'in', keys).execute();
  const ids = new Map(rows.map((r) => [r.key, r.id]));
  for (const key of keys) {
    if (!ids.has(key)) {
      throw new Error(
        `synthetic: the seed's ${table.slice(0, -1)} "${key}" is missing: seed first`,
      );
    }
  }
  return ids;
}

function need(ids: ReadonlyMap<string, number>, key: string): number {
  const id = ids.get(key);
  if (id === undefined) throw new Error(`synthetic: no id for ${key}`);
  return id;
}

/**
 * Generates the synthetic data set into a migrated, seeded database. Refuses (throws
 * SyntheticDataExistsError) when the database already holds synthetic records.
 */
export async function generateSynthetic(
  db: Kysely<Database>,
  options: SyntheticOptions,
): Promise<SyntheticCounts> {
  const { seed, cohorts } = options;
  const villages = options.villages ?? POOR_VILLAGES;
  const years = [...new Set(options.years)].sort((a, b) => a - b);
  if (!Number.isSafeInteger(seed)) throw new Error('synthetic: seed must be an integer');
  if (!Number.isInteger(cohorts) || cohorts < 0) throw new Error('synthetic: cohorts ≥ 0');
  if (years.length === 0 || years.some((y) => !Number.isInteger(y) || y < 1949 || y > 2100)) {
    throw new Error('synthetic: years must be integers from 1949 to 2100');
  }
  if (await hasSyntheticData(db)) throw new SyntheticDataExistsError();

  const programIds = await lookup(db, 'programs', [
    ...CHAIN_PROGRAMS.map((p) => p.key),
    ...OTHER_SOURCES.map((s) => s.program),
  ]);
  const sourceIds = await lookup(db, 'actors', [TREASURY, ...OTHER_SOURCES.map((s) => s.actor)]);
  const treasury = need(sourceIds, TREASURY);

  const p = plan(seed, cohorts, villages, years);
  const ny = years.length;
  const activeLeagues = p.leagues
    .map((l, li) => ({ l, li }))
    .filter(({ l }) => l.counties.length > 0);
  const sourceTargets = OTHER_SOURCES.map((s) =>
    p.counties.map((c, ci) => ({ c, ci })).filter(({ c }) => s.counties(c)),
  );
  const flowCount =
    ny *
    (CHAIN_PROGRAMS.length * (activeLeagues.length + p.counties.length + villages + cohorts) +
      sourceTargets.reduce((n, t) => n + t.length, 0));
  const o = outcomes(seed, p, flowCount);
  const observationCount =
    ny * (activeLeagues.length * 4 + p.counties.length * 5 + villages * 4) + o.sampledCount * 4;

  // The seed's league governments, by region code.
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
  const leagueIds: (number | undefined)[] = p.leagues.map(
    (l) => seedLeagues.find((a) => a.region_code === l.code)?.id,
  );
  const actorCount =
    leagueIds.filter((id) => id === undefined).length + p.counties.length + villages + cohorts;

  const total = actorCount + flowCount + observationCount;
  let done = 0;
  const progress = (n: number) => {
    done += n;
    options.onProgress?.(done, total);
  };
  progress(0);

  // ---- actors, and the counties' designations ----
  const countyIds: number[] = [];
  const villageIds = new Int32Array(villages);
  const cohortIds = new Int32Array(cohorts);
  let insertedActors = 0;
  await db.transaction().execute(async (trx) => {
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

    const upper: NewActor[] = [];
    p.leagues.forEach((league, li) => {
      if (leagueIds[li] === undefined) {
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
    insertedActors += upperIds.size;
    p.leagues.forEach((_, li) => {
      leagueIds[li] ??= need(upperIds, `syn-league-${li + 1}`);
    });
    p.counties.forEach((_, ci) => {
      countyIds.push(need(upperIds, `syn-county-${ci + 1}`));
    });
    progress(upper.length);

    const villageName = (v: number) => {
      const county = at(p.counties, at(p.villageCounty, v));
      const n = at(p.villageOrdinal, v);
      return { name: `${county.name}第${n}嘎查村`, nameEn: `${county.nameEn} gacha-village ${n}` };
    };
    const villageActors: NewActor[] = [];
    for (let v = 0; v < villages; v++) {
      villageActors.push({
        key: `syn-village-${v + 1}`,
        ...villageName(v),
        kind: 'VILLAGE',
        regionCode: at(p.counties, at(p.villageCounty, v)).code,
        memberCount: null,
      });
    }
    const vIds = await insertActors(trx, villageActors);
    insertedActors += vIds.size;
    for (let v = 0; v < villages; v++) villageIds[v] = need(vIds, `syn-village-${v + 1}`);
    progress(villages);

    for (let start = 0; start < cohorts; start += BATCH) {
      const batch: NewActor[] = [];
      for (let c = start; c < Math.min(cohorts, start + BATCH); c++) {
        const v = at(p.cohortVillage, c);
        const village = villageName(v);
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
      insertedActors += ids.size;
      for (let c = start; c < start + batch.length; c++) {
        cohortIds[c] = need(ids, `syn-cohort-${c + 1}`);
      }
      progress(batch.length);
    }
  });
  const leagueId = (li: number) => {
    const id = leagueIds[li];
    if (id === undefined) throw new Error('synthetic: a league without an actor');
    return id;
  };

  // ---- flows, level by level ----
  const money = stream(seed, 'money');
  const counter = { n: 0 };
  const rows = new FlowRows(counter, stream(seed, 'status'));
  const np = CHAIN_PROGRAMS.length;
  const chainProgram = CHAIN_PROGRAMS.map((c) => need(programIds, c.key));
  const grid = <T>(make: () => T): T[][] =>
    Array.from({ length: np }, () => Array.from({ length: ny }, make));
  const leagueIn = grid(() => new Array<bigint>(p.leagues.length).fill(0n));
  const countyIn = grid(() => new Array<bigint>(p.counties.length).fill(0n));
  const villageIn = grid(() => new Array<bigint>(villages).fill(0n));
  const jitter = (w: number) => Math.max(1, Math.floor((w * money.int(900, 1100)) / 1000));
  const countyWeight = (ci: number) => at(p.counties, ci).weight;

  // 1: the treasury → leagues; the other sources → counties.
  await db.transaction().execute(async (trx) => {
    for (let pi = 0; pi < np; pi++) {
      const program = at(CHAIN_PROGRAMS, pi);
      for (let yi = 0; yi < ny; yi++) {
        const year = at(years, yi);
        const total = yearTotalCents(program.anchors, year, money);
        const parts = splitCents(
          total,
          activeLeagues.map(({ l }) =>
            jitter(l.counties.reduce((s, ci) => s + countyWeight(ci), 0)),
          ),
        );
        activeLeagues.forEach(({ li }, k) => {
          const cents = at(parts, k);
          at(at(leagueIn, pi), yi)[li] = cents;
          rows.push(treasury, leagueId(li), cents, year, at(chainProgram, pi));
        });
      }
    }
    OTHER_SOURCES.forEach((source, si) => {
      const targets = at(sourceTargets, si);
      const programId = need(programIds, source.program);
      const pi = CHAIN_PROGRAMS.findIndex((c) => c.key === source.program);
      for (let yi = 0; yi < ny; yi++) {
        const year = at(years, yi);
        const total = yearTotalCents(source.anchors, year, money);
        const parts = splitCents(
          total,
          targets.map(({ c }) => jitter(c.weight)),
        );
        targets.forEach(({ ci }, k) => {
          const cents = at(parts, k);
          if (pi >= 0) {
            const inflow = at(at(countyIn, pi), yi);
            inflow[ci] = at(inflow, ci) + cents;
          }
          rows.push(need(sourceIds, source.actor), at(countyIds, ci), cents, year, programId);
        });
      }
    });
    const n = rows.length;
    await rows.flush(trx, false);
    progress(n);
  });

  // 2: leagues → counties; these flows are the earmarked parents of level 3.
  const parentKey = grid(() => new Array<string>(p.counties.length).fill(''));
  const parentAmount = grid(() => new Array<bigint>(p.counties.length).fill(0n));
  const parentId = grid(() => new Array<number>(p.counties.length).fill(0));
  await db.transaction().execute(async (trx) => {
    for (let pi = 0; pi < np; pi++) {
      for (let yi = 0; yi < ny; yi++) {
        const year = at(years, yi);
        for (const { l, li } of activeLeagues) {
          const out = passOn(at(at(at(leagueIn, pi), yi), li), money);
          const parts = splitCents(
            out,
            l.counties.map((ci) => jitter(countyWeight(ci))),
          );
          l.counties.forEach((ci, k) => {
            const cents = at(parts, k);
            const inflow = at(at(countyIn, pi), yi);
            inflow[ci] = at(inflow, ci) + cents;
            at(at(parentAmount, pi), yi)[ci] = cents;
            at(at(parentKey, pi), yi)[ci] = rows.push(
              leagueId(li),
              at(countyIds, ci),
              cents,
              year,
              at(chainProgram, pi),
            );
          });
        }
      }
    }
    const n = rows.length;
    const ids = await rows.flush(trx, true);
    for (let pi = 0; pi < np; pi++) {
      for (let yi = 0; yi < ny; yi++) {
        const keys = at(at(parentKey, pi), yi);
        const target = at(at(parentId, pi), yi);
        keys.forEach((key, ci) => {
          if (key !== '') target[ci] = need(ids, key);
        });
      }
    }
    progress(n);
  });

  // 3: counties → villages, about 10% earmarked.
  const countyId = (ci: number) => at(countyIds, ci);
  const earmark = stream(seed, 'earmark');
  await db.transaction().execute(async (trx) => {
    for (let pi = 0; pi < np; pi++) {
      for (let yi = 0; yi < ny; yi++) {
        const year = at(years, yi);
        for (let ci = 0; ci < p.counties.length; ci++) {
          const county = at(p.counties, ci);
          const out = passOn(at(at(at(countyIn, pi), yi), ci), money);
          const weights: number[] = [];
          for (let v = county.villageStart; v < county.villageStart + county.villageCount; v++) {
            weights.push(jitter(at(p.villageWeight, v)));
          }
          const parts = splitCents(out, weights);
          const parent = at(at(at(parentId, pi), yi), ci);
          let budget = at(at(at(parentAmount, pi), yi), ci);
          parts.forEach((cents, k) => {
            const v = county.villageStart + k;
            const inflow = at(at(villageIn, pi), yi);
            inflow[v] = at(inflow, v) + cents;
            let parentOf: number | null = null;
            if (parent !== 0 && earmark.chance(EARMARK_SHARE) && cents <= budget) {
              parentOf = parent;
              budget -= cents;
            }
            rows.push(countyId(ci), at(villageIds, v), cents, year, at(chainProgram, pi), parentOf);
          });
          if (rows.length >= BATCH) {
            const n = rows.length;
            await rows.flush(trx, false);
            progress(n);
          }
        }
      }
    }
    const n = rows.length;
    await rows.flush(trx, false);
    progress(n);
  });
  // 4: villages → cohorts, by household count.
  await db.transaction().execute(async (trx) => {
    for (let pi = 0; pi < np; pi++) {
      for (let yi = 0; yi < ny; yi++) {
        const year = at(years, yi);
        for (let v = 0; v < villages; v++) {
          const start = at(p.villageCohortStart, v);
          const count = at(p.villageCohortCount, v);
          if (count === 0) continue;
          const out = passOn(at(at(at(villageIn, pi), yi), v), money);
          const weights: number[] = [];
          for (let c = start; c < start + count; c++) weights.push(jitter(at(p.cohortMembers, c)));
          const parts = splitCents(out, weights);
          parts.forEach((cents, k) => {
            rows.push(
              at(villageIds, v),
              at(cohortIds, start + k),
              cents,
              year,
              at(chainProgram, pi),
            );
          });
          if (rows.length >= BATCH) {
            const n = rows.length;
            await rows.flush(trx, false);
            progress(n);
          }
        }
      }
    }
    const n = rows.length;
    await rows.flush(trx, false);
    progress(n);
  });

  // ---- observations: sums upward from the cohorts ----
  const obs = new ObservationRows(need(programIds, 'relocation'));
  await db.transaction().execute(async (trx) => {
    const flushIfFull = async () => {
      if (obs.length >= BATCH) {
        const n = obs.length;
        await obs.flush(trx);
        progress(n);
      }
    };
    // [unit * years + yearIndex] sums of population, lifted, relocated; income weighted by poor.
    const sums = (n: number) => ({
      population: new Float64Array(n * ny),
      lifted: new Float64Array(n * ny),
      relocated: new Float64Array(n * ny),
      incomeTimesPoor: new Float64Array(n * ny),
      incomeWeight: new Float64Array(n * ny),
      households: new Float64Array(n),
    });
    const vs = sums(villages);
    const cs = sums(p.counties.length);
    const ls = sums(p.leagues.length);
    const add = (
      to: ReturnType<typeof sums>,
      unit: number,
      from: ReturnType<typeof sums>,
      i: number,
    ) => {
      for (let yi = 0; yi < ny; yi++) {
        const a = unit * ny + yi;
        const b = i * ny + yi;
        to.population[a] = at(to.population, a) + at(from.population, b);
        to.lifted[a] = at(to.lifted, a) + at(from.lifted, b);
        to.relocated[a] = at(to.relocated, a) + at(from.relocated, b);
        to.incomeTimesPoor[a] = at(to.incomeTimesPoor, a) + at(from.incomeTimesPoor, b);
        to.incomeWeight[a] = at(to.incomeWeight, a) + at(from.incomeWeight, b);
      }
      to.households[unit] = at(to.households, unit) + at(from.households, i);
    };
    for (let c = 0; c < cohorts; c++) {
      const v = at(p.cohortVillage, c);
      vs.households[v] = at(vs.households, v) + at(p.cohortMembers, c);
      for (let yi = 0; yi < ny; yi++) {
        const a = v * ny + yi;
        const b = c * ny + yi;
        vs.population[a] = at(vs.population, a) + at(o.population, b);
        vs.lifted[a] = at(vs.lifted, a) + at(o.lifted, b);
        vs.relocated[a] = at(vs.relocated, a) + at(o.relocated, b);
      }
    }
    for (let v = 0; v < villages; v++) {
      for (let yi = 0; yi < ny; yi++) {
        const a = v * ny + yi;
        // Incomes average by poor population (a village with none still counts once).
        const weight = Math.max(1, at(vs.population, a));
        vs.incomeTimesPoor[a] = at(o.villageIncome, a) * weight;
        vs.incomeWeight[a] = weight;
      }
      add(cs, at(p.villageCounty, v), vs, v);
    }
    p.counties.forEach((county, ci) => {
      add(ls, county.league, cs, ci);
    });
    const income = (s: ReturnType<typeof sums>, a: number) =>
      Math.floor(at(s.incomeTimesPoor, a) / at(s.incomeWeight, a));
    const emit = async (
      s: ReturnType<typeof sums>,
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
      await emit(vs, v, at(villageIds, v), at(p.counties, at(p.villageCounty, v)).code, false);
    }
    for (let c = 0; c < cohorts; c++) {
      const actor = at(cohortIds, c);
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

  await sql`analyze regions, actors, flows, observations`.execute(db);
  const counts = { flows: counter.n, observations: obs.n, actors: insertedActors };
  if (done !== total) throw new Error(`synthetic: planned ${total} rows, wrote ${done}`);
  return counts;
}
