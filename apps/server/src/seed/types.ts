/**
 * The shape of a curated data set: records keyed by stable slugs, each citing the words of its
 * document that state it. A quote is located in the normalised document text; `occurrence`
 * (0-based) picks among repeated quotes.
 */
export interface Cite {
  quote: string;
  /** Key of the document quoted, when not the data set's own (one of `otherDocuments`). */
  document?: string;
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

/** A field the source does not state, and why its value was inferred (domain/records/inference.rules.ts). */
export interface SeedInference {
  field: string;
  note: string;
  /** The note in Chinese, for Chinese pages. */
  noteZh: string;
}

export interface SeedProgram {
  key: string;
  name: string;
  nameEn: string;
  description?: string;
  /** Other names (search matches them): the full names an abbreviation stands for. */
  aliases?: string[];
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
  /** Each field the quotes do not state: source, target, year, instrument, status, amount. */
  inferred?: SeedInference[];
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
  /** Each field the quotes do not state: year, amount, kind, subject. */
  inferred?: SeedInference[];
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

/** Two flows that may share money (domain/overlap/overlap.rules.ts). */
export interface SeedOverlap {
  key: string;
  /** Keys of the two flows. */
  flows: [string, string];
  certainty: 'STATED' | 'PROBABLE' | 'POSSIBLE';
  /** The most they can share when a figure states it; by default the smaller amount. */
  maxShared?: SeedAmount;
  /** A total another source states for the two together (they share at least sum − total). */
  statedTotal?: SeedAmount;
  /** Why they may overlap. */
  note: string;
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
  /**
   * How the stored text was made from the source, when it is stored as the file has it (excerpts);
   * without it the text is normalised (seed/normalise.ts).
   */
  normalisation?: string;
}

export interface SeedDataset {
  document: SeedDocument;
  /** Other documents the records cite (`Cite.document`): reports of the same events. */
  otherDocuments: SeedDocument[];
  programs: SeedProgram[];
  metrics: SeedMetric[];
  actors: SeedActor[];
  flows: SeedFlow[];
  observations: SeedObservation[];
  pairings: SeedPairing[];
  overlaps: SeedOverlap[];
  /** Short English glosses of quotes, keyed by the quote (Citation.gloss). */
  glosses?: Readonly<Record<string, string>>;
  /** Records' notes in Chinese (noteZh), by record type and key. */
  notesZh?: Partial<Record<NotedType, Readonly<Record<string, string>>>>;
}

/** The record types of a data set that carry notes. */
export type NotedType = 'actors' | 'flows' | 'observations' | 'pairings' | 'overlaps';

/** A record's Chinese note, or null when the data set has none. */
export const noteZhOf = (dataset: SeedDataset, type: NotedType, key: string): string | null =>
  dataset.notesZh?.[type]?.[key] ?? null;
