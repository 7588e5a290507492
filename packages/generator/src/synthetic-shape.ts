/**
 * The money of the synthetic data set, in the seed's own terms. Every stream starts with a
 * flow the seed states (or, for a year it does not state, a synthetic flow of the same source,
 * recipient group and program): the seed names only the aggregate recipient (贫困旗县,
 * 易地扶贫搬迁安置点, 产业扶贫基金, 国贫旗县 ...), so the synthetic flows below it are its
 * earmarked children, which split exactly its amount. A trace from a source therefore counts
 * each yuan once: the synthetic detail refines the seed's flow, it never adds to it.
 */
import type { Anchors } from './cents.js';
import type { CountyPlan } from './synthetic-plan.js';

export const SYNTHETIC_NOTE = 'synthetic';
export const POOR_VILLAGES = 2834;
/** 建档立卡贫困人口25万户: one cohort stands for about one registered household's group. */
export const NATIONAL_COHORTS = 250_000;

/**
 * The programs that run down the whole chain: source → recipient group → leagues → counties →
 * villages → household cohorts. Anchors are the seed's stated totals (yuan).
 */
export const CHAIN_PROGRAMS: ReadonlyArray<{
  program: string;
  source: string;
  group: string;
  /** The group of a year where the seed names another one. */
  groupIn?: Readonly<Record<number, string>>;
  anchors: Anchors;
}> = [
  // 18.8億元 (2016), 48.8億元 (2017) to 贫困旗县
  {
    program: 'regional-fiscal-investment',
    source: 'im-regional-treasury',
    group: 'poor-counties',
    anchors: { 2016: 1_880_000_000n, 2017: 4_880_000_000n },
  },
  // 財政涉農涉牧資金 about 40億元 (2016, pooled in the counties of that year's pilot), 80億元
  // (2017, extended to all 57 poor counties)
  {
    program: 'integrated-agri-pastoral-funds',
    source: 'agri-pastoral-funds',
    group: 'poor-counties',
    groupIn: { 2016: 'integrated-funds-counties-2016' },
    anchors: { 2016: 4_000_000_000n, 2017: 8_000_000_000n },
  },
  // 33億元 planned for relocation (2017); the article does not say who pays
  {
    program: 'relocation',
    source: 'unstated-payer',
    group: 'resettlement-sites',
    anchors: { 2017: 3_300_000_000n },
  },
  // 20億元 of capital for the industrial fund (2017); the article does not say who pays
  {
    program: 'industrial-poverty-fund',
    source: 'unstated-payer',
    group: 'industrial-poverty-fund',
    anchors: { 2017: 2_000_000_000n },
  },
];

/** The recipient group of a stream in a year. */
export const groupOf = (
  s: { group: string; groupIn?: Readonly<Record<number, string>> },
  year: number,
): string => s.groupIn?.[year] ?? s.group;

/** Every group a stream's money goes to, over all years. */
export const groupsOf = (s: { group: string; groupIn?: Readonly<Record<number, string>> }) => [
  s.group,
  ...Object.values(s.groupIn ?? {}),
];

type CountyFilter = (county: CountyPlan) => boolean;

/** The seed's paired and designated help: source → recipient group → the counties it covers. */
export const AID_SOURCES: ReadonlyArray<{
  program: string;
  source: string;
  group: string;
  anchors: Anchors;
  counties: CountyFilter;
  pairing: string;
}> = [
  {
    program: 'central-designated-assistance',
    source: 'central-state-organs',
    group: 'national-poor-counties',
    anchors: { 2017: 67_130_000n },
    counties: (c) => c.national,
    pairing: 'DESIGNATED_ASSISTANCE',
  },
  {
    program: 'beijing-paired-assistance',
    source: 'beijing-districts',
    group: 'beijing-paired-counties',
    anchors: { 2016: 126_000_000n, 2017: 250_000_000n },
    counties: (c) => c.national && (c.leagueCode === '150400' || c.leagueCode === '150900'),
    pairing: 'PAIRED_ASSISTANCE',
  },
  {
    program: 'regional-designated-assistance',
    source: 'regional-departments',
    group: 'hinggan-ulanqab',
    anchors: { 2017: 1_180_000_000n },
    counties: (c) => c.leagueCode === '152200' || c.leagueCode === '150900',
    pairing: 'DESIGNATED_ASSISTANCE',
  },
];

/** 村企合作: 563 poor villages helped by enterprises (the seed's group of partner enterprises). */
export const PARTNER_VILLAGES = 563;
export const PARTNER_ENTERPRISES = 'partner-enterprises';

export const RELOCATED_HOUSEHOLDS = {
  key: 'relocated_households',
  name: '易地扶贫搬迁建档立卡贫困户数',
  nameEn: 'Registered poor households relocated',
};

/** Observation metrics, by index in the observation columns. */
export const METRICS = [
  { key: 'registered_poor_population', unit: 'PERSON', relocation: false },
  { key: 'registered_poor_population_reduction', unit: 'PERSON', relocation: false },
  { key: RELOCATED_HOUSEHOLDS.key, unit: 'HOUSEHOLD', relocation: true },
  { key: 'disposable_income_per_capita', unit: 'CNY_PER_PERSON', relocation: false },
  { key: 'registered_poor_households', unit: 'HOUSEHOLD', relocation: false },
] as const;
export const M_POPULATION = 0;
export const M_LIFTED = 1;
export const M_RELOCATED = 2;
export const M_INCOME = 3;
export const M_HOUSEHOLDS = 4;

/** Observations: about this share of the flow count (10–20% asked). */
export const OBSERVATION_SHARE = 0.15;
/** County → village flows earmarked as children of the league → county flow. */
export const EARMARK_SHARE = 0.1;
/** Rows per INSERT … SELECT FROM unnest(…) statement. */
export const BATCH = 25_000;
