import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/database.js';
import { InputError } from '../domain/errors.js';
import { type FlowFilter, flowConditions } from '../domain/flow/flow.queries.js';
import { FLOW_STATUSES, INSTRUMENTS } from '../domain/flow/flow.rules.js';
import { MAX_TOTAL_ROWS, tooManyTotalRows } from '../domain/flow/total-rows.js';
import { type ExportFormat, rows } from './export-format.js';
import { overlaps } from './export-overlaps.js';
import { actors, flows, observations } from './export-tables.js';
import { TOTAL_DIMENSIONS, type TotalDimension, totals } from './export-totals.js';
import { type HeaderStyle, parseHeaderStyle } from './header-labels.js';

/**
 * Streaming exports of flows, actors, observations and totals, as CSV (UTF-8 with a BOM, so that
 * spreadsheet programs read Chinese right) or JSON (an array). Rows are read in keyset pages, so
 * memory stays flat for any size. The flow, actor and observation files import back as they are
 * (`pnpm fundtrace import`): the extra columns (currency, names, id, citations) are ignored on import.
 */
export const EXPORTS = ['flows', 'actors', 'observations', 'overlaps', 'totals'] as const;
export type ExportName = (typeof EXPORTS)[number];
export type { ExportFormat };

export interface ExportRequest {
  name: ExportName;
  format: ExportFormat;
  /** The `flows` query's filter (flows and totals). */
  filter?: FlowFilter | null;
  groupBy?: TotalDimension[];
  /** CSV header row: machine names (the default; imports read them) or the reader's words. */
  headers?: HeaderStyle;
  /** Groups a totals file may hold (MAX_TOTAL_ROWS). */
  maxTotalRows?: number;
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
      return rows(db, flows, request.format, where, request.headers);
    case 'actors':
      return rows(db, actors, request.format, where, request.headers);
    case 'observations':
      return rows(db, observations, request.format, where, request.headers);
    case 'overlaps':
      return rows(db, overlaps, request.format, where, request.headers);
    case 'totals': {
      const groupBy = request.groupBy ?? [];
      const max = request.maxTotalRows ?? MAX_TOTAL_ROWS;
      const tooMany = () => tooManyTotalRows(max, groupBy, request.filter);
      return totals(db, request.format, where, groupBy, { max, tooMany });
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
  filter: FlowFilter;
  groupBy: TotalDimension[];
  headers: HeaderStyle;
} {
  const filter: Record<string, unknown> = {};
  for (const [name, value] of params) {
    if (name === 'groupBy' || name === 'headers') continue;
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
  return {
    filter: filter as FlowFilter,
    groupBy: [...new Set(groupBy)] as TotalDimension[],
    headers: parseHeaderStyle(params.get('headers')),
  };
}
