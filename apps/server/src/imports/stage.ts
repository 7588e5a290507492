import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type Kysely, sql } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from '../db/database.js';
import { type FlowRecord, flowValues } from '../domain/flow/flow.rules.js';
import type { ActorRecord, ImportRecord, ObservationRecord, OverlapRecord } from './records.js';
import type { WriteQueue } from './writes.js';

/**
 * Validated rows wait in temporary tables (dropped at commit or rollback), written in batches:
 * by COPY when the import holds its own PostgreSQL connection (the CLI), else as column arrays
 * (`insert … select from unnest(…)`, one statement per batch, the same SQL on PostgreSQL and
 * PGlite). The writes to the real tables are then a few set-based statements (apply.ts).
 */
export const BATCH = 5_000;

export async function createStagingTables(db: Kysely<Database>): Promise<void> {
  await sql`create temporary table import_actors (
    row_no int not null, key text not null, name text not null, name_en text, kind text not null,
    region_code text, member_count int, aliases text[] not null, note text, note_zh text
  ) on commit drop`.execute(db);
  await sql`create temporary table import_flows (
    row_no int not null, key text not null, source_key text not null, target_key text not null,
    amount numeric not null, qualifier text not null, low numeric, high numeric, unit text not null,
    year int not null, status text not null, instrument text not null, program_key text,
    parent_key text, note text, note_zh text, inferred jsonb not null
  ) on commit drop`.execute(db);
  await sql`create temporary table import_observations (
    row_no int not null, key text not null, metric text not null, value numeric not null,
    qualifier text not null, low numeric, high numeric, unit text not null, year int not null,
    kind text not null, actor_key text, region_code text, program_key text, note text,
    note_zh text, inferred jsonb not null
  ) on commit drop`.execute(db);
}

/** Analyses the staging tables once filled, so the planner sizes its joins right. */
export async function analyseStagingTables(db: Kysely<Database>): Promise<void> {
  await sql`analyze import_actors`.execute(db);
  await sql`analyze import_flows`.execute(db);
  await sql`analyze import_observations`.execute(db);
}

type Staged<T> = { row: number; record: T }[];

function column<T, K extends keyof T>(rows: Staged<T>, key: K): T[K][] {
  return rows.map((r) => r.record[key]);
}

async function stageActors(db: Kysely<Database>, rows: Staged<ActorRecord>) {
  // text[] per row does not fit unnest's one-dimensional arrays: carry aliases as JSON.
  await sql`insert into import_actors
    select r, k, n, ne, kd, rc, mc,
      array(select jsonb_array_elements_text(al::jsonb)), nt, nz
    from unnest(${rows.map((r) => r.row)}::int[], ${column(rows, 'key')}::text[],
      ${column(rows, 'name')}::text[], ${column(rows, 'nameEn')}::text[],
      ${column(rows, 'kind')}::text[], ${column(rows, 'regionCode')}::text[],
      ${column(rows, 'memberCount')}::int[],
      ${rows.map((r) => JSON.stringify(r.record.aliases))}::text[], ${column(rows, 'note')}::text[],
      ${column(rows, 'noteZh')}::text[])
      as t(r, k, n, ne, kd, rc, mc, al, nt, nz)`.execute(db);
}

async function stageFlows(db: Kysely<Database>, rows: Staged<FlowRecord>) {
  await sql`insert into import_flows
    select * from unnest(${rows.map((r) => r.row)}::int[], ${column(rows, 'key')}::text[],
      ${column(rows, 'sourceKey')}::text[], ${column(rows, 'targetKey')}::text[],
      ${column(rows, 'amount')}::numeric[], ${column(rows, 'qualifier')}::text[],
      ${column(rows, 'low')}::numeric[], ${column(rows, 'high')}::numeric[],
      ${column(rows, 'unit')}::text[], ${column(rows, 'year')}::int[],
      ${column(rows, 'status')}::text[], ${column(rows, 'instrument')}::text[],
      ${column(rows, 'programKey')}::text[], ${column(rows, 'parentKey')}::text[],
      ${column(rows, 'note')}::text[], ${column(rows, 'noteZh')}::text[],
      ${column(rows, 'inferred')}::jsonb[])`.execute(db);
}

async function stageObservations(db: Kysely<Database>, rows: Staged<ObservationRecord>) {
  await sql`insert into import_observations
    select * from unnest(${rows.map((r) => r.row)}::int[], ${column(rows, 'key')}::text[],
      ${column(rows, 'metric')}::text[], ${column(rows, 'value')}::numeric[],
      ${column(rows, 'qualifier')}::text[], ${column(rows, 'low')}::numeric[],
      ${column(rows, 'high')}::numeric[], ${column(rows, 'unit')}::text[],
      ${column(rows, 'year')}::int[], ${column(rows, 'kind')}::text[],
      ${column(rows, 'actorKey')}::text[], ${column(rows, 'regionCode')}::text[],
      ${column(rows, 'programKey')}::text[], ${column(rows, 'note')}::text[],
      ${column(rows, 'noteZh')}::text[], ${column(rows, 'inferred')}::jsonb[])`.execute(db);
}

/** COPY text format: tab-separated, \N for null, backslash escapes. */
const SPECIAL = /[\\\t\n\r]/;

export function copyField(value: string | number | null): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return String(value);
  // Most fields hold nothing to escape: test before building a new string.
  if (!SPECIAL.test(value)) return value;
  return value.replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}

export function copyLines(rows: (string | number | null)[][]): string {
  let out = '';
  for (const row of rows) {
    let line = copyField(row[0] ?? null);
    for (let i = 1; i < row.length; i++) line += `\t${copyField(row[i] ?? null)}`;
    out += `${line}\n`;
  }
  return out;
}

export async function copyInto(client: pg.Client, table: string, text: string): Promise<void> {
  const stream = client.query(copyFrom(`copy ${table} from stdin`));
  await pipeline(Readable.from([text]), stream);
}

async function copyFlows(client: pg.Client, rows: Staged<FlowRecord>) {
  await copyInto(
    client,
    'import_flows',
    copyLines(
      rows.map(({ row, record: f }) => [
        row,
        f.key,
        f.sourceKey,
        f.targetKey,
        ...flowValues(f),
        f.programKey,
        f.parentKey,
        f.note,
        f.noteZh,
        f.inferred,
      ]),
    ),
  );
}

async function copyObservations(client: pg.Client, rows: Staged<ObservationRecord>) {
  await copyInto(
    client,
    'import_observations',
    copyLines(
      rows.map(({ row, record: o }) => [
        row,
        o.key,
        o.metric,
        o.value,
        o.qualifier,
        o.low,
        o.high,
        o.unit,
        o.year,
        o.kind,
        o.actorKey,
        o.regionCode,
        o.programKey,
        o.note,
        o.noteZh,
        o.inferred,
      ]),
    ),
  );
}

/** Collects rows and writes them a batch at a time, through the import's write queue. */
export class Stager {
  private actors: Staged<ActorRecord> = [];
  private flows: Staged<FlowRecord> = [];
  private observations: Staged<ObservationRecord> = [];
  private readonly batch: number;

  /**
   * `copyClient`: the connection `db` runs on, when it is a PostgreSQL client of our own.
   * `batch`: rows per write (tests make it small).
   */
  constructor(
    private readonly db: Kysely<Database>,
    private readonly writes: WriteQueue,
    private readonly copyClient: pg.Client | null = null,
    batch?: number,
  ) {
    this.batch = batch ?? (copyClient ? BATCH * 4 : BATCH);
  }

  /** Keeps a row; when a batch is full, returns its write to await. */
  add(row: number, record: Exclude<ImportRecord, OverlapRecord>): Promise<void> | undefined {
    if (record.type === 'actor') this.actors.push({ row, record });
    else if (record.type === 'flow') this.flows.push({ row, record });
    else this.observations.push({ row, record });
    if (this.actors.length + this.flows.length + this.observations.length >= this.batch) {
      return this.flush();
    }
    return undefined;
  }

  flush(): Promise<void> {
    const [actors, flows, observations] = [this.actors, this.flows, this.observations];
    this.actors = [];
    this.flows = [];
    this.observations = [];
    return this.writes.add(async () => {
      if (actors.length) await stageActors(this.db, actors);
      const client = this.copyClient;
      if (flows.length) await (client ? copyFlows(client, flows) : stageFlows(this.db, flows));
      if (observations.length) {
        await (client
          ? copyObservations(client, observations)
          : stageObservations(this.db, observations));
      }
    });
  }

  /** Writes what is left, and waits for every write of the queue. */
  async done(): Promise<void> {
    await this.flush();
    await this.writes.settle();
  }
}
