/**
 * Column buffers that insert thousands of rows in one `INSERT … SELECT FROM unnest(…)`
 * statement (one round trip per batch, parameters as arrays).
 */

import type { Database } from '@fundtrace/server/db/database';
import {
  endsDiffer,
  FLOW_STATUSES,
  type FlowRecord,
  flowValues,
  toFlowRecord,
} from '@fundtrace/server/domain/flow/flow.rules';
import { storedBounds } from '@fundtrace/server/domain/money/amount-columns';
import { year as yearRule } from '@fundtrace/server/domain/records/record.rules';
import { type Kysely, sql, type Transaction } from 'kysely';
import { formatCents } from './cents.js';
import { at, type Rng } from './rng.js';
import { BATCH, METRICS, SYNTHETIC_NOTE } from './synthetic-shape.js';

export type Db = Kysely<Database> | Transaction<Database>;

/** Statuses by weight (80% disbursed, 12% spent, 8% committed), all of the domain's. */
const [, COMMITTED, DISBURSED, SPENT] = FLOW_STATUSES;

/**
 * A synthetic flow by the domain's flow rules: ends that differ, a year in range, a known
 * status; its columns are the domain's too (`flowValues`, bounds as `storedBounds` keeps them).
 */
export function syntheticFlow(
  key: string,
  source: number,
  target: number,
  value: string,
  year: number,
  status: string,
): FlowRecord {
  if (!endsDiffer(source, target))
    throw new Error(`synthetic: flow ${key} from an actor to itself`);
  const amount = { value, qualifier: 'EXACT' as const, unit: 'CNY' };
  return toFlowRecord({
    key,
    sourceKey: String(source),
    targetKey: String(target),
    amount: { ...amount, ...storedBounds(amount) },
    year: yearRule.parse(year),
    status,
    instrument: 'GRANT',
    note: SYNTHETIC_NOTE,
  });
}

/** The flow columns flowValues gives, one array each, in its order. */
const VALUE_COLUMNS = 8;

export class FlowRows {
  keys: string[] = [];
  sources: number[] = [];
  targets: number[] = [];
  /** amount, qualifier, low, high, unit, year, status, instrument (flowValues' order). */
  values: unknown[][] = Array.from({ length: VALUE_COLUMNS }, () => []);
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
    const status = r < 0.8 ? DISBURSED : r < 0.92 ? SPENT : COMMITTED;
    const flow = syntheticFlow(key, source, target, formatCents(cents), year, status);
    this.keys.push(key);
    this.sources.push(source);
    this.targets.push(target);
    flowValues(flow).forEach((v, i) => {
      at(this.values, i).push(v);
    });
    this.programs.push(program);
    this.parents.push(parent);
    return key;
  }

  /** Inserts the rows in one statement and empties the buffer; returns key → id when asked. */
  async flush(db: Db, returning: boolean): Promise<Map<string, number>> {
    const ids = new Map<string, number>();
    if (this.length === 0) return ids;
    const [amount, qualifier, low, high, unit, year, status, instrument] = this.values;
    const insert = sql<{ id: number; key: string }>`
      insert into flows (key, source_id, target_id, amount, qualifier, low, high, unit, year,
                         status, instrument, program_id, parent_id, note)
      select k, s, t, a, q, lo, hi, un, y, st, i, p, pa, ${SYNTHETIC_NOTE}
      from unnest(${this.keys}::text[], ${this.sources}::int[], ${this.targets}::int[],
                  ${amount}::numeric[], ${qualifier}::text[], ${low}::numeric[],
                  ${high}::numeric[], ${unit}::text[], ${year}::int[], ${status}::text[],
                  ${instrument}::text[], ${this.programs}::int[], ${this.parents}::int[])
        as u(k, s, t, a, q, lo, hi, un, y, st, i, p, pa)
      ${returning ? sql`returning id, key` : sql``}`;
    const result = await insert.execute(db);
    for (const row of result.rows) ids.set(row.key, row.id);
    this.keys = [];
    this.sources = [];
    this.targets = [];
    this.values = Array.from({ length: VALUE_COLUMNS }, () => []);
    this.programs = [];
    this.parents = [];
    return ids;
  }
}

export interface NewActor {
  key: string;
  name: string;
  nameEn: string;
  kind: string;
  regionCode: string;
  memberCount: number | null;
}

export async function insertActors(db: Db, actors: NewActor[]): Promise<Map<string, number>> {
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

export class ObservationRows {
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

export async function lookup(db: Db, table: 'actors' | 'programs', keys: string[]) {
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

export function need<T>(ids: ReadonlyMap<string, T>, key: string): T {
  const id = ids.get(key);
  if (id === undefined) throw new Error(`synthetic: no id for ${key}`);
  return id;
}
