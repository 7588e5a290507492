/**
 * The shape of a curated data set: records keyed by stable slugs, each citing the words of its
 * document that state it. A quote is located in the normalised document text; `occurrence`
 * (0-based) picks among repeated quotes.
 */
export interface Cite {
  quote: string;
  occurrence?: number;
}

/** A figure as the source writes it ("48.8億元", "150億元以上"), or an explicit decimal. */
export type SeedAmount =
  | string
  | {
      value: string;
      qualifier: 'EXACT' | 'APPROXIMATE' | 'AT_LEAST' | 'AT_MOST';
      low?: string;
      high?: string;
    };

export interface SeedProgram {
  key: string;
  name: string;
  nameEn: string;
  description?: string;
}

export interface SeedMetric {
  key: string;
  name: string;
  nameEn: string;
}

export interface SeedActor {
  key: string;
  name: string;
  nameEn: string;
  kind:
    | 'GOVERNMENT'
    | 'TREASURY'
    | 'DEPARTMENT'
    | 'FUND'
    | 'BANK'
    | 'ENTERPRISE'
    | 'VILLAGE'
    | 'HOUSEHOLDS'
    | 'PROJECT'
    | 'INVESTOR'
    | 'ORGANIZATION'
    | 'PERSON'
    | 'OTHER';
  regionCode?: string;
  /** Set for a group the source speaks of only collectively (488 enterprises). */
  memberCount?: number;
  /** Keys of member actors, for a group whose members are known. */
  members?: string[];
  aliases?: string[];
  note?: string;
  cites?: Cite[];
}

export interface SeedFlow {
  key: string;
  source: string;
  target: string;
  amount: SeedAmount;
  /** 'CNY' for money; non-money resources carry their own unit ('PERSON' for cadres). */
  unit?: string;
  year: number;
  status: 'PLANNED' | 'COMMITTED' | 'DISBURSED' | 'SPENT';
  instrument: 'GRANT' | 'LOAN' | 'FUND' | 'LEVERAGED' | 'IN_KIND' | 'TRANSFER' | 'OTHER';
  program?: string;
  parent?: string;
  /** Modelling assumptions a reader must know (an inferred source, a derived figure). */
  note?: string;
  cites: Cite[];
}

export interface SeedObservation {
  key: string;
  metric: string;
  /** A plain decimal in `unit` (people, %, households ...), or a money figure as written. */
  value: SeedAmount;
  unit: string;
  year: number;
  kind: 'BASELINE' | 'TARGET' | 'ACTUAL';
  regionCode?: string;
  actor?: string;
  program?: string;
  note?: string;
  cites: Cite[];
}

export interface SeedPairing {
  key: string;
  helper: string;
  recipient: string;
  kind: string;
  program?: string;
  year?: number;
  /** How many recipients (counties, villages) the relation covers. */
  coverage?: number;
  note?: string;
  cites: Cite[];
}

export interface SeedDocument {
  key: string;
  title: string;
  titleEn: string;
  publisher: string;
  publishedOn: string;
  language: string;
  url?: string;
  /** File under apps/server/seed/ holding the raw text. */
  file: string;
}

export interface SeedDataset {
  document: SeedDocument;
  programs: SeedProgram[];
  metrics: SeedMetric[];
  actors: SeedActor[];
  flows: SeedFlow[];
  observations: SeedObservation[];
  pairings: SeedPairing[];
}
