import { sql } from 'kysely';
import type { ActorRow, FlowRow, ObservationRow } from '../db/database.js';
import { encodeGlobalId } from '../domain/records/global-id.js';
import { EXPORT_ONLY_COLUMNS, FLOW_COLUMNS } from '../imports/csv-flows.js';
import { bounds, currency, jsonHead, PAGE, plain, type Table } from './export-format.js';

// What each exported record type holds, in CSV columns and in JSON.

/** A flow row with its references by key and name instead of by id. */
type FlowOut = Omit<FlowRow, 'source_id' | 'target_id' | 'program_id' | 'parent_id'> & {
  source_key: string;
  source_name: string;
  source_name_en: string | null;
  target_key: string;
  target_name: string;
  target_name_en: string | null;
  program_key: string | null;
  program_name: string | null;
  program_name_en: string | null;
  parent_key: string | null;
  /** The quotes that state the flow, in citation order, joined by " | ". */
  citations: string | null;
};

/** Inferences in a CSV cell: JSON, as the import reads it; empty for none. */
const inferredCell = (list: readonly unknown[]) => (list.length ? JSON.stringify(list) : null);

/** As the totals count it: money, not planned, not loan principal nor leveraged money. */
const countsAsPublicMoney = (f: { unit: string; status: string; instrument: string }) =>
  f.unit === 'CNY' &&
  f.status !== 'PLANNED' &&
  f.instrument !== 'LOAN' &&
  f.instrument !== 'LEVERAGED';

export const flows: Table<FlowOut> = {
  // The import's columns, then what only exports carry (imports accept and ignore those).
  columns: [...FLOW_COLUMNS, ...EXPORT_ONLY_COLUMNS],
  page: async (db, where, after) =>
    (
      await sql<FlowOut>`select f.id, f.key, s.key as source_key, s.name as source_name,
          t.key as target_key, t.name as target_name, f.amount, f.qualifier, f.low, f.high, f.unit,
          f.year, f.status, f.instrument, p.key as program_key, p.name as program_name,
          s.name_en as source_name_en, t.name_en as target_name_en, p.name_en as program_name_en,
          par.key as parent_key, f.note, f.note_zh, f.inferred,
          (select string_agg(c.quote, ' | ' order by c.id) from citations c where c.flow_id = f.id)
            as citations
        from flows f join actors s on s.id = f.source_id join actors t on t.id = f.target_id
        left join programs p on p.id = f.program_id left join flows par on par.id = f.parent_id
        where ${where} and f.id > ${after} order by f.id limit ${PAGE}`.execute(db)
    ).rows,
  csv: (f) => {
    const { low, high } = bounds(f);
    return [
      f.key,
      f.source_key,
      f.target_key,
      plain(f.amount),
      f.qualifier,
      low,
      high,
      f.unit,
      f.year,
      f.status,
      f.instrument,
      f.program_key,
      f.parent_key,
      f.note,
      f.note_zh,
      inferredCell(f.inferred),
      currency(f.unit),
      f.source_name,
      f.target_name,
      f.program_name,
      encodeGlobalId('Flow', f.id),
      f.citations,
      f.source_name_en,
      f.target_name_en,
      f.program_name_en,
      countsAsPublicMoney(f),
    ];
  },
  json: (f) => ({
    ...jsonHead('Flow', f),
    sourceKey: f.source_key,
    targetKey: f.target_key,
    amount: { value: plain(f.amount), qualifier: f.qualifier, ...bounds(f), unit: f.unit },
    year: f.year,
    status: f.status,
    instrument: f.instrument,
    programKey: f.program_key,
    parentKey: f.parent_key,
    note: f.note,
    noteZh: f.note_zh,
    inferred: f.inferred,
  }),
};

export const actors: Table<ActorRow> = {
  columns: [
    'key',
    'name',
    'name_en',
    'kind',
    'region_code',
    'member_count',
    'aliases',
    'note',
    'note_zh',
    'id',
  ],
  page: async (db, _where, after) =>
    (
      await sql<ActorRow>`select a.id, a.key, a.name, a.name_en, a.kind, a.region_code,
          a.member_count, a.aliases, a.note, a.note_zh
        from actors a where a.id > ${after} order by a.id limit ${PAGE}`.execute(db)
    ).rows,
  csv: (a) => [
    a.key,
    a.name,
    a.name_en,
    a.kind,
    a.region_code,
    a.member_count,
    a.aliases,
    a.note,
    a.note_zh,
    encodeGlobalId('Actor', a.id),
  ],
  json: (a) => ({
    ...jsonHead('Actor', a),
    name: a.name,
    nameEn: a.name_en,
    kind: a.kind,
    regionCode: a.region_code,
    memberCount: a.member_count,
    aliases: a.aliases,
    note: a.note,
    noteZh: a.note_zh,
  }),
};

/** An observation row with its actor and program by key instead of by id. */
type ObservationOut = Omit<ObservationRow, 'actor_id' | 'program_id'> & {
  actor_key: string | null;
  program_key: string | null;
};

export const observations: Table<ObservationOut> = {
  columns: [
    'key',
    'metric',
    'value',
    'qualifier',
    'low',
    'high',
    'unit',
    'year',
    'kind',
    'actor_key',
    'region_code',
    'program_key',
    'note',
    'note_zh',
    'inferred',
    'id',
  ],
  page: async (db, _where, after) =>
    (
      await sql<ObservationOut>`select o.id, o.key, o.metric, o.value, o.qualifier, o.low, o.high,
          o.unit, o.year, o.kind, a.key as actor_key, o.region_code, p.key as program_key, o.note,
          o.note_zh, o.inferred
        from observations o left join actors a on a.id = o.actor_id
        left join programs p on p.id = o.program_id
        where o.id > ${after} order by o.id limit ${PAGE}`.execute(db)
    ).rows,
  csv: (o) => {
    const { low, high } = bounds({ ...o, amount: o.value });
    return [
      o.key,
      o.metric,
      plain(o.value),
      o.qualifier,
      low,
      high,
      o.unit,
      o.year,
      o.kind,
      o.actor_key,
      o.region_code,
      o.program_key,
      o.note,
      o.note_zh,
      inferredCell(o.inferred),
      encodeGlobalId('Observation', o.id),
    ];
  },
  json: (o) => ({
    ...jsonHead('Observation', o),
    metric: o.metric,
    value: plain(o.value),
    qualifier: o.qualifier,
    low: plain(o.low),
    high: plain(o.high),
    unit: o.unit,
    year: o.year,
    kind: o.kind,
    actorKey: o.actor_key,
    regionCode: o.region_code,
    programKey: o.program_key,
    note: o.note,
    noteZh: o.note_zh,
    inferred: o.inferred,
  }),
};
