import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** numeric columns: read as exact decimal strings, written from strings. */
type Numeric = ColumnType<string, string, string>;
type NullableNumeric = ColumnType<string | null, string | null | undefined, string | null>;

export interface DocumentTable {
  id: Generated<number>;
  key: string;
  title: string;
  title_en: string | null;
  publisher: string | null;
  published_on: string | null;
  language: string;
  url: string | null;
  text: string;
  normalisation: string | null;
}

export interface RegionTable {
  code: string;
  name: string;
  name_en: string | null;
  level: string;
  parent_code: string | null;
  aliases: ColumnType<string[], string[] | undefined, string[]>;
  designations: ColumnType<string[], string[] | undefined, string[]>;
}

export interface ProgramTable {
  id: Generated<number>;
  key: string;
  name: string;
  name_en: string | null;
  description: string | null;
}

export interface ActorTable {
  id: Generated<number>;
  key: string;
  name: string;
  name_en: string | null;
  kind: string;
  region_code: string | null;
  member_count: number | null;
  aliases: ColumnType<string[], string[] | undefined, string[]>;
  note: string | null;
}

export interface ActorMemberTable {
  group_id: number;
  member_id: number;
}

export interface MetricTable {
  key: string;
  name: string;
  name_en: string | null;
}

export interface FlowTable {
  id: Generated<number>;
  key: string;
  source_id: number;
  target_id: number;
  amount: Numeric;
  qualifier: string;
  low: NullableNumeric;
  high: NullableNumeric;
  unit: ColumnType<string, string | undefined, string>;
  year: number;
  status: string;
  instrument: string;
  program_id: number | null;
  parent_id: number | null;
  note: string | null;
}

export interface ObservationTable {
  id: Generated<number>;
  key: string;
  metric: string;
  value: Numeric;
  qualifier: string;
  low: NullableNumeric;
  high: NullableNumeric;
  unit: string;
  year: number;
  kind: string;
  region_code: string | null;
  actor_id: number | null;
  program_id: number | null;
  note: string | null;
}

export interface PairingTable {
  id: Generated<number>;
  key: string;
  helper_id: number;
  recipient_id: number;
  kind: string;
  program_id: number | null;
  year: number | null;
  coverage: number | null;
  note: string | null;
}

export interface CitationTable {
  id: Generated<number>;
  document_id: number;
  start_offset: number;
  end_offset: number;
  quote: string;
  flow_id: number | null;
  observation_id: number | null;
  actor_id: number | null;
  pairing_id: number | null;
}

export interface DataVersionTable {
  id: number;
  version: ColumnType<number, never, never>;
}

export interface ApiTokenTable {
  id: Generated<number>;
  secret_sha256: string;
  scopes: string[];
  label: string | null;
  created_at: ColumnType<Date, never, never>;
  revoked_at: ColumnType<Date | null, never, Date | null>;
}

/** JSON snapshots of a record; amounts in them are strings, never numbers. */
export type Snapshot = Record<string, unknown>;

export interface RevisionTable {
  id: Generated<number>;
  record_type: 'Actor' | 'Flow' | 'Observation' | 'Document';
  record_id: number;
  record_key: string;
  action: 'CREATE' | 'UPDATE' | 'RETRACT';
  author: string;
  token_id: number | null;
  at: ColumnType<Date, never, never>;
  reason: string | null;
  before: ColumnType<Snapshot | null, string | null, never>;
  after: ColumnType<Snapshot | null, string | null, never>;
}

export interface Database {
  api_tokens: ApiTokenTable;
  revisions: RevisionTable;
  data_version: DataVersionTable;
  documents: DocumentTable;
  regions: RegionTable;
  programs: ProgramTable;
  actors: ActorTable;
  actor_members: ActorMemberTable;
  metrics: MetricTable;
  flows: FlowTable;
  observations: ObservationTable;
  pairings: PairingTable;
  citations: CitationTable;
}

export type DocumentRow = Selectable<DocumentTable>;
export type RegionRow = Selectable<RegionTable>;
export type ProgramRow = Selectable<ProgramTable>;
export type ActorRow = Selectable<ActorTable>;
export type MetricRow = Selectable<MetricTable>;
export type FlowRow = Selectable<FlowTable>;
export type NewFlow = Insertable<FlowTable>;
export type ObservationRow = Selectable<ObservationTable>;
export type PairingRow = Selectable<PairingTable>;
export type CitationRow = Selectable<CitationTable>;
export type ApiTokenRow = Selectable<ApiTokenTable>;
export type RevisionRow = Selectable<RevisionTable>;
