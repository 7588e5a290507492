import { amountToStrings } from '@fundtrace/schema/money';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../db/database.js';
import { InputError } from '../errors.js';
import { FLOW_COLUMNS } from '../imports/records.js';
import { FLOW_STATUSES, INSTRUMENTS } from '../mutations/inputs.js';
import { type FlowFilterInput, flowConditions } from '../schema/flow.js';
import { bucketSum, groupFlows } from '../schema/flow-totals.js';

/**
 * Streaming exports of flows, actors, observations and totals, as CSV (UTF-8 with a BOM, so that
 * spreadsheet programs read Chinese right) or JSON (an array). Rows are read in keyset pages, so
 * memory stays flat for any size. The flow, actor and observation files import back as they are
 * (`pnpm fundtrace import`): the extra columns (names, currency, id) are ignored on import.
 */
export const EXPORTS = ['flows', 'actors', 'observations', 'totals'] as const;
export type ExportName = (typeof EXPORTS)[number];
export type ExportFormat = 'csv' | 'json';

const PAGE = 5_000;
const BOM = '\uFEFF';

export const TOTAL_DIMENSIONS = {
  YEAR: sql`f.year::text`,
  PROGRAM: sql`(select p.key from programs p where p.id = f.program_id)`,
  SOURCE: sql`(select a.key from actors a where a.id = f.source_id)`,
  TARGET: sql`(select a.key from actors a where a.id = f.target_id)`,
  REGION: sql`(select a.region_code from actors a where a.id = f.target_id)`,
  INSTRUMENT: sql`f.instrument`,
  STATUS: sql`f.status`,
  UNIT: sql`f.unit`,
} as const;
export type TotalDimension = keyof typeof TOTAL_DIMENSIONS;

export interface ExportRequest {
  name: ExportName;
  format: ExportFormat;
  /** The `flows` query's filter (flows and totals). */
  filter?: FlowFilterInput | null;
  groupBy?: TotalDimension[];
}

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s = Array.isArray(value) ? value.join('|') : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

const csvLine = (values: unknown[]) => `${values.map(csvCell).join(',')}\r\n`;

/** numeric columns come back padded to their scale: "14.7000" → "14.7". */
const plain = (v: string | null) =>
  v === null ? null : v.includes('.') ? v.replace(/\.?0+$/, '') : v;

/** Bounds as the API's Money shows them: an at-least amount is its own low, an at-most its high. */
function bounds(r: { amount: string; qualifier: string; low: string | null; high: string | null }) {
  return {
    low: r.qualifier === 'AT_LEAST' ? plain(r.amount) : plain(r.low),
    high: r.qualifier === 'AT_MOST' ? plain(r.amount) : plain(r.high),
  };
}
const currency = (unit: string) => (unit === 'CNY' ? 'CNY' : 'XXX');

interface Table<Row> {
  columns: string[];
  page: (db: Kysely<Database>, where: RawBuilder<unknown>, after: number) => Promise<Row[]>;
  csv: (row: Row) => unknown[];
  json: (row: Row) => Record<string, unknown>;
}

interface FlowOut {
  id: number;
  key: string;
  source_key: string;
  source_name: string;
  target_key: string;
  target_name: string;
  amount: string;
  qualifier: string;
  low: string | null;
  high: string | null;
  unit: string;
  year: number;
  status: string;
  instrument: string;
  program_key: string | null;
  program_name: string | null;
  parent_key: string | null;
  note: string | null;
}

const flows: Table<FlowOut> = {
  columns: [...FLOW_COLUMNS, 'currency', 'source_name', 'target_name', 'program_name', 'id'],
  page: async (db, where, after) =>
    (
      await sql<FlowOut>`select f.id, f.key, s.key as source_key, s.name as source_name,
          t.key as target_key, t.name as target_name, f.amount, f.qualifier, f.low, f.high, f.unit,
          f.year, f.status, f.instrument, p.key as program_key, p.name as program_name,
          par.key as parent_key, f.note
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
      currency(f.unit),
      f.source_name,
      f.target_name,
      f.program_name,
      encodeGlobalID('Flow', f.id),
    ];
  },
  json: (f) => ({
    type: 'flow',
    id: encodeGlobalID('Flow', f.id),
    key: f.key,
    sourceKey: f.source_key,
    targetKey: f.target_key,
    amount: { value: plain(f.amount), qualifier: f.qualifier, ...bounds(f), unit: f.unit },
    year: f.year,
    status: f.status,
    instrument: f.instrument,
    programKey: f.program_key,
    parentKey: f.parent_key,
    note: f.note,
  }),
};

interface ActorOut {
  id: number;
  key: string;
  name: string;
  name_en: string | null;
  kind: string;
  region_code: string | null;
  member_count: number | null;
  aliases: string[];
  note: string | null;
}

const actors: Table<ActorOut> = {
  columns: [
    'key',
    'name',
    'name_en',
    'kind',
    'region_code',
    'member_count',
    'aliases',
    'note',
    'id',
  ],
  page: async (db, _where, after) =>
    (
      await sql<ActorOut>`select a.id, a.key, a.name, a.name_en, a.kind, a.region_code,
          a.member_count, a.aliases, a.note
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
    encodeGlobalID('Actor', a.id),
  ],
  json: (a) => ({
    type: 'actor',
    id: encodeGlobalID('Actor', a.id),
    key: a.key,
    name: a.name,
    nameEn: a.name_en,
    kind: a.kind,
    regionCode: a.region_code,
    memberCount: a.member_count,
    aliases: a.aliases,
    note: a.note,
  }),
};

interface ObservationOut {
  id: number;
  key: string;
  metric: string;
  value: string;
  qualifier: string;
  low: string | null;
  high: string | null;
  unit: string;
  year: number;
  kind: string;
  actor_key: string | null;
  region_code: string | null;
  program_key: string | null;
  note: string | null;
}

const observations: Table<ObservationOut> = {
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
    'id',
  ],
  page: async (db, _where, after) =>
    (
      await sql<ObservationOut>`select o.id, o.key, o.metric, o.value, o.qualifier, o.low, o.high,
          o.unit, o.year, o.kind, a.key as actor_key, o.region_code, p.key as program_key, o.note
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
      encodeGlobalID('Observation', o.id),
    ];
  },
  json: (o) => ({
    type: 'observation',
    id: encodeGlobalID('Observation', o.id),
    key: o.key,
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
  }),
};

async function* rows<Row extends { id: number }>(
  db: Kysely<Database>,
  table: Table<Row>,
  format: ExportFormat,
  where: RawBuilder<unknown>,
): AsyncGenerator<string> {
  yield format === 'csv' ? BOM + csvLine(table.columns) : '[';
  let after = 0;
  let first = true;
  for (;;) {
    const page = await table.page(db, where, after);
    if (page.length === 0) break;
    let chunk = '';
    for (const row of page) {
      if (format === 'csv') chunk += csvLine(table.csv(row));
      else {
        chunk += `${first ? '\n' : ',\n'}${JSON.stringify(table.json(row))}`;
        first = false;
      }
    }
    yield chunk;
    after = (page.at(-1) as Row).id;
    if (page.length < PAGE) break;
  }
  if (format === 'json') yield '\n]\n';
}

const BUCKETS = [
  ['public_money', 'PUBLIC'],
  ['loan_principal', 'LOAN'],
  ['leveraged', 'LEVERAGED'],
  ['planned', 'PLANNED'],
] as const;

/** Totals by the chosen dimensions: each money bucket with its value, qualifier and bounds. */
async function* totals(
  db: Kysely<Database>,
  format: ExportFormat,
  where: RawBuilder<unknown>,
  groupBy: TotalDimension[],
): AsyncGenerator<string> {
  const groups = await groupFlows(
    db,
    groupBy.map((d) => TOTAL_DIMENSIONS[d]),
    where,
  );
  const bucketColumns = BUCKETS.flatMap(([name]) =>
    ['value', 'qualifier', 'low', 'high'].map((part) => `${name}_${part}`),
  );
  const columns = [
    ...groupBy.map((d) => d.toLowerCase()),
    ...bucketColumns,
    'currency',
    'flow_count',
  ];
  const records = groups.map((g) => {
    const sums = BUCKETS.map(
      ([name, bucket]) => [name, amountToStrings(bucketSum(g, bucket))] as const,
    );
    return { keys: g.keys, sums, flowCount: g.flowCount };
  });
  if (format === 'csv') {
    let out = BOM + csvLine(columns);
    for (const r of records) {
      out += csvLine([
        ...r.keys,
        ...r.sums.flatMap(([, s]) => [s.value, s.qualifier, s.low, s.high]),
        'CNY',
        r.flowCount,
      ]);
    }
    yield out;
    return;
  }
  yield `${JSON.stringify(
    records.map((r) => ({
      ...Object.fromEntries(groupBy.map((d, i) => [d.toLowerCase(), r.keys[i] ?? null])),
      ...Object.fromEntries(r.sums.map(([name, s]) => [name, { ...s, currency: 'CNY' }])),
      flowCount: r.flowCount,
    })),
    null,
    1,
  )}\n`;
}

/**
 * The export as a stream of text chunks. Filters are checked before the first chunk, so a bad
 * filter is an error (InputError), not a broken file.
 */
export async function exportStream(
  db: Kysely<Database>,
  request: ExportRequest,
): Promise<AsyncGenerator<string>> {
  const where = sql.join(
    request.name === 'flows' || request.name === 'totals'
      ? await flowConditions(db, request.filter)
      : [sql`true`],
    sql` and `,
  );
  switch (request.name) {
    case 'flows':
      return rows(db, flows, request.format, where);
    case 'actors':
      return rows(db, actors, request.format, where);
    case 'observations':
      return rows(db, observations, request.format, where);
    case 'totals': {
      const groupBy = request.groupBy ?? [];
      return totals(db, request.format, where, groupBy);
    }
  }
}

const FILTER_PARAMS = [
  'year',
  'status',
  'instrument',
  'programId',
  'sourceId',
  'targetId',
  'actorId',
  'regionCode',
  'unit',
] as const;

/** The `flows` query's filter and `groupBy` from query parameters (`?year=2017&groupBy=YEAR,PROGRAM`). */
export function parseExportParams(params: URLSearchParams): {
  filter: FlowFilterInput;
  groupBy: TotalDimension[];
} {
  const filter: Record<string, unknown> = {};
  for (const [name, value] of params) {
    if (name === 'groupBy') continue;
    if (!(FILTER_PARAMS as readonly string[]).includes(name)) {
      throw new InputError(
        `unknown parameter ${name.slice(0, 40)}; filters: ${FILTER_PARAMS.join(', ')}, groupBy`,
        name,
      );
    }
    if (name === 'year') {
      if (!/^[0-9]{1,4}$/.test(value)) throw new InputError('year must be a year', 'year');
      filter.year = Number(value);
    } else if (name === 'status' || name === 'instrument') {
      const allowed: readonly string[] = name === 'status' ? FLOW_STATUSES : INSTRUMENTS;
      if (!allowed.includes(value)) {
        throw new InputError(`${name} must be one of ${allowed.join(', ')}`, name);
      }
      filter[name] = value;
    } else {
      filter[name] = value;
    }
  }
  const groupBy = (params.get('groupBy') ?? '')
    .split(',')
    .map((d) => d.trim().toUpperCase())
    .filter(Boolean);
  for (const d of groupBy) {
    if (!(d in TOTAL_DIMENSIONS)) {
      throw new InputError(
        `groupBy: unknown dimension ${d.slice(0, 20)}; one of ${Object.keys(TOTAL_DIMENSIONS).join(', ')}`,
        'groupBy',
      );
    }
  }
  return { filter: filter as FlowFilterInput, groupBy: [...new Set(groupBy)] as TotalDimension[] };
}
