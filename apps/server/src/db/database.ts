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
  source_sha256: ColumnType<string | null, string | null | undefined, never>;
  source_format: ColumnType<string | null, string | null | undefined, never>;
  page_offsets: ColumnType<number[] | null, number[] | null | undefined, never>;
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
  /** Other names the program goes by (北京对口帮扶 for 京蒙对口帮扶); search matches them. */
  aliases: ColumnType<string[], string[] | undefined, string[]>;
}

/** A record's note in Chinese, beside its English `note`; optional on insert. */
type NoteZh = ColumnType<string | null, string | null | undefined, string | null>;

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
  note_zh: NoteZh;
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

/** A field a record's source does not state, and why its value was inferred. */
export interface Inference {
  field: string;
  note: string;
  /** The note in Chinese, when one is recorded (older rows have none). */
  noteZh?: string;
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
  note_zh: NoteZh;
  /** Fields the source does not state, each with why it was inferred (jsonb). */
  inferred: ColumnType<Inference[], string | undefined, string>;
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
  note_zh: NoteZh;
  inferred: ColumnType<Inference[], string | undefined, string>;
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
  note_zh: NoteZh;
}

export interface CitationTable {
  id: Generated<number>;
  document_id: number;
  start_offset: number;
  end_offset: number;
  quote: string;
  /** A short English gloss of the quote, when one is recorded. */
  gloss: ColumnType<string | null, string | null | undefined, string | null>;
  flow_id: number | null;
  observation_id: number | null;
  actor_id: number | null;
  pairing_id: number | null;
  overlap_id: number | null;
}

export interface OverlapTable {
  id: Generated<number>;
  key: string;
  flow_a_id: number;
  flow_b_id: number;
  certainty: 'STATED' | 'PROBABLE' | 'POSSIBLE';
  /** Null: by default, the smaller flow's amount. */
  max_shared: string | null;
  /** A total a source states for the two together: they share at least their sum minus it. */
  stated_total: NullableNumeric;
  note: string | null;
  note_zh: NoteZh;
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
  expires_at: Date;
}

export interface SessionTable {
  id: Generated<number>;
  secret_sha256: string;
  token_id: number | null;
  author: string;
  scopes: string[];
  created_at: ColumnType<Date, never, never>;
  expires_at: ColumnType<Date, Date, never>;
  ended_at: ColumnType<Date | null, never, Date | null>;
}

/** JSON snapshots of a record; amounts in them are strings, never numbers. */
export type Snapshot = Record<string, unknown>;

export interface RevisionTable {
  id: Generated<number>;
  record_type: 'Actor' | 'Flow' | 'Observation' | 'Document' | 'Overlap' | 'Pairing';
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
  sessions: SessionTable;
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
  flow_overlaps: OverlapTable;
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
export type OverlapRow = Selectable<OverlapTable>;
export type ApiTokenRow = Selectable<ApiTokenTable>;
export type RevisionRow = Selectable<RevisionTable>;
