import { type Kysely, sql } from 'kysely';
import type pg from 'pg';
import type { Database } from '../db/database.js';
import { ImportError, type RowError } from '../errors.js';
import type { Author } from '../history/revisions.js';
import { announceImportedFlows } from '../mutations/events.js';
import { mapDbError } from '../mutations/write.js';
import { applyStaged, referenceProblems, type TypeCounts } from './apply.js';
import { BULK_MIN_ROWS, BulkLoad, shouldBulkLoad } from './bulk-load.js';
import {
  EXPORT_ONLY_COLUMNS,
  FLOW_COLUMNS,
  type FlowColumn,
  flowFromCsv,
  REQUIRED_FLOW_COLUMNS,
} from './csv-flows.js';
import { csvLines } from './csv-rows.js';
import { DirectFlows } from './direct.js';
import { type ImportRecord, jsonRecord } from './records.js';
import { analyseStagingTables, createStagingTables, Stager } from './stage.js';
import { WriteQueue } from './writes.js';

export type ImportFormat = 'CSV' | 'JSON';

export interface ImportOptions {
  format: ImportFormat;
  dryRun?: boolean | null | undefined;
  reason?: string | null | undefined;
  /** The PostgreSQL client `db` runs on, when the import has one of its own: rows go by COPY. */
  copyClient?: pg.Client | null;
  /** Called every few thousand rows with the rows read so far. */
  onProgress?: (rows: number) => void;
  /** Lowers the row floor of bulk loading (bulk-load.ts), for tests. */
  bulkMin?: number;
  /** Rows per write while the file is read (stage.ts, direct.ts), for tests. */
  batch?: number;
  /** Called at the end of each phase with the milliseconds since the start (benchmarks). */
  onPhase?: (phase: string, ms: number) => void;
}

export interface ImportReport {
  dryRun: boolean;
  /** The flows announced to flowRecorded subscribers (at most IMPORT_ANNOUNCE_MAX). */
  announced: number[];
  rows: number;
  /** Flows written while the file was still being read (direct.ts), included in `flows`. */
  direct: number;
  actors: TypeCounts;
  flows: TypeCounts;
  observations: TypeCounts;
}

const MAX_REPORTED = 1000;
/** The advisory lock imports take, one at a time (any constant of our own). */
const IMPORT_LOCK = 4_280_501;
/** What a naive decoder puts where bytes were not UTF-8 (GBK files read as UTF-8, say). */
const REPLACEMENT = '\uFFFD';
const NOT_UTF8 =
  'is not UTF-8 text (it holds U+FFFD where bytes could not be decoded): is the file GBK-encoded? Save it as UTF-8';

/** Collects row errors: keeps the first MAX_REPORTED, counts them all. */
class Problems {
  readonly list: RowError[] = [];
  count = 0;
  add(row: number, column: string | null, message: string) {
    this.count++;
    if (this.list.length < MAX_REPORTED) this.list.push({ row, column, message });
  }
}

class DryRun extends Error {
  constructor(readonly report: ImportReport) {
    super('dry run');
  }
}

type Source = string | AsyncIterable<string>;
/** Takes one valid record; returns a promise only when it must be awaited (a batch is written). */
type OnRecord = (row: number, record: ImportRecord) => Promise<void> | undefined;

/** Reads a flows CSV: the header names the columns (any order), each row is one flow. */
async function readCsv(source: Source, problems: Problems, onRecord: OnRecord): Promise<number> {
  let header: (FlowColumn | null)[] | null = null;
  let row = 0;
  for await (const lines of csvLines(source)) {
    for (const line of lines) {
      if (line.error !== null) {
        problems.add(row + 1, null, line.error);
        return row;
      }
      const fields = line.fields;
      if (header === null) {
        header = checkHeader(fields, problems);
        if (header === null) return 0;
        continue;
      }
      row++;
      // Now and then the event loop gets a turn: a COPY in flight sends and hears back.
      if (row % 1_000 === 0) await new Promise(setImmediate);
      if (fields.length !== header.length) {
        problems.add(
          row,
          null,
          `has ${fields.length} fields where the header has ${header.length} (a truncated or broken line?)`,
        );
        continue;
      }
      // No iterator per row: this loop runs a million times in a large import.
      const byColumn: Partial<Record<FlowColumn, string>> = {};
      let clean = true;
      for (let i = 0; i < header.length; i++) {
        const column = header[i];
        if (column == null) continue;
        const value = fields[i] ?? '';
        if (value.includes(REPLACEMENT)) {
          problems.add(row, column, NOT_UTF8);
          clean = false;
        }
        byColumn[column] = value;
      }
      if (!clean) continue;
      const record = flowFromCsv(byColumn);
      if (Array.isArray(record)) {
        for (const p of record) problems.add(row, p.column, p.message);
        continue;
      }
      const writing = onRecord(row, record);
      if (writing) await writing;
    }
  }
  if (header === null)
    problems.add(0, null, `the file is empty: expected the header ${FLOW_COLUMNS.join(',')}`);
  return row;
}

/** The header's columns in order (null for export-only columns, which are ignored), or null. */
function checkHeader(fields: string[], problems: Problems): (FlowColumn | null)[] | null {
  const known = new Set<string>([...FLOW_COLUMNS, ...EXPORT_ONLY_COLUMNS]);
  const seen = new Set<string>();
  const before = problems.count;
  for (const field of fields) {
    const name = field.trim();
    if (!known.has(name)) {
      problems.add(
        0,
        field.slice(0, 60),
        `unknown column; the columns are ${FLOW_COLUMNS.join(',')}`,
      );
    } else if (seen.has(name)) {
      problems.add(0, name, 'the column appears twice');
    }
    seen.add(name);
  }
  for (const required of REQUIRED_FLOW_COLUMNS) {
    if (!seen.has(required)) problems.add(0, required, 'required column missing from the header');
  }
  if (problems.count > before) return null;
  return fields.map((f) => {
    const name = f.trim();
    return EXPORT_ONLY_COLUMNS.includes(name) ? null : (name as FlowColumn);
  });
}

/** Reads a JSON import: an array of records, each `{ "type": "actor" | "flow" | "observation", … }`. */
async function readJson(source: Source, problems: Problems, onRecord: OnRecord): Promise<number> {
  let text = '';
  if (typeof source === 'string') text = source;
  else for await (const chunk of source) text += chunk;
  if (text.includes(REPLACEMENT)) {
    problems.add(0, null, `the file ${NOT_UTF8}`);
    return 0;
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    problems.add(0, null, `not valid JSON: ${(error as Error).message.slice(0, 200)}`);
    return 0;
  }
  if (!Array.isArray(data)) {
    problems.add(0, null, 'the JSON must be an array of records ([{ "type": "flow", … }, …])');
    return 0;
  }
  for (const [i, element] of data.entries()) {
    const row = i + 1;
    const parsed = jsonRecord.safeParse(element);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.add(row, issue.path.map(String).join('.') || null, issue.message);
      }
      continue;
    }
    const writing = onRecord(row, parsed.data);
    if (writing) await writing;
  }
  return data.length;
}

/**
 * Imports a file in one transaction: every row is validated (the mutations' rules), staged,
 * checked against stored data, then written with one revision per created or changed record.
 * Any bad row rejects the whole file with an error per row (ImportError). Rows are matched to
 * stored records by external id (`key`), so importing a file again changes nothing. A dry run
 * does all of it and rolls back.
 */
export async function importDataset(
  db: Kysely<Database>,
  by: Author,
  source: Source,
  options: ImportOptions,
): Promise<ImportReport> {
  const reason = options.reason ?? `import (${options.format})`;
  try {
    return await db.transaction().execute(async (trx) => {
      // Room for the hash joins of a million staged rows with the stored ones, and for the staged
      // rows themselves: temporary tables live in temp_buffers (8 MB by default), which can only
      // be raised before the session's first temporary table (a pooled connection may have had one).
      await sql`set local work_mem = '128MB'`.execute(trx);
      // An import is bounded by its file, not by the serving pool's per-statement limit: index
      // builds and key checks over a million rows take longer than 5 s.
      await sql`set local statement_timeout = 0`.execute(trx);
      await sql`select set_config('temp_buffers', '1GB', true) where pg_my_temp_schema() = 0`.execute(
        trx,
      );
      // One import at a time: a bulk load upgrades its locks on tables it has read, and two
      // imports doing so would deadlock.
      await sql`select pg_advisory_xact_lock(${IMPORT_LOCK})`.execute(trx);
      // Before anything is written: the revisions above it are this import's.
      const { rows: last } = await sql<{ id: number }>`select coalesce(max(id), 0)::bigint as id
        from revisions`.execute(trx);
      await createStagingTables(trx);
      const problems = new Problems();
      const copyClient = options.copyClient ?? null;
      const writes = new WriteQueue();
      const stager = new Stager(trx, writes, copyClient, options.batch);
      const bulk = new BulkLoad(trx);
      // Flows go straight into their table once enough are staged to load them in bulk.
      let direct = null as DirectFlows | null;
      let directFrom = Number.POSITIVE_INFINITY;
      let flowsStaged = 0;
      if (copyClient && options.format === 'CSV') {
        const { rows: stored } = await sql<{ n: number }>`select count(*)::bigint as n
          from flows`.execute(trx);
        directFrom = Math.max(options.bulkMin ?? BULK_MIN_ROWS, stored[0]?.n ?? 0);
      }
      const goDirect = async (client: pg.Client, row: number) => {
        await writes.settle();
        direct = await DirectFlows.open(trx, client, {
          bulk,
          writes,
          revisionsToo: await shouldBulkLoad(trx, 'revisions', flowsStaged, options.bulkMin),
          by,
          reason,
          problems,
          staged: flowsStaged,
          lastStagedRow: row,
          batch: options.batch,
        });
      };
      // Rows by external id, per record type (no key string built per row).
      const keys = { actor: new Map<string, number>(), flow: new Map(), observation: new Map() };
      const onRecord: OnRecord = (row, record) => {
        const seen: Map<string, number> = keys[record.type];
        const first = seen.get(record.key);
        if (first !== undefined) {
          problems.add(
            row,
            record.type === 'flow' && options.format === 'CSV' ? 'external_id' : 'key',
            `duplicate external id "${record.key}" (first at row ${first})`,
          );
          return;
        }
        seen.set(record.key, row);
        if (row % 10_000 === 0) options.onProgress?.(row);
        if (record.type === 'flow' && direct?.take(row, record)) return direct.due();
        const writing = stager.add(row, record);
        if (record.type !== 'flow' || ++flowsStaged !== directFrom) return writing;
        // Not for a file already rejected: it would set tables aside only to roll back.
        if (!copyClient || problems.count > 0) return writing;
        return (async () => {
          await writing;
          await goDirect(copyClient, row);
        })();
      };
      const read = options.format === 'CSV' ? readCsv : readJson;
      const t0 = performance.now();
      const rows = await read(source, problems, onRecord);
      await stager.done();
      await direct?.done();
      const lap = (phase: string) => options.onPhase?.(phase, performance.now() - t0);
      lap('read, checked and staged');
      options.onProgress?.(rows);
      await analyseStagingTables(trx);
      const references = await referenceProblems(trx);
      lap('references checked');
      for (const e of references.errors) problems.list.push(e);
      problems.count += references.count;
      if (problems.count > 0) throw rejection(problems);

      const applied = await applyStaged(trx, by, reason, bulk, {
        bulkMin: options.bulkMin,
        direct,
      });
      lap('written');
      if (applied.unresolved.length) {
        for (const e of applied.unresolved) problems.add(e.row, e.column, e.message);
        throw rejection(problems);
      }
      const report: ImportReport = {
        dryRun: Boolean(options.dryRun),
        announced: options.dryRun ? [] : await announceImportedFlows(trx, last[0]?.id ?? 0),
        rows,
        direct: direct?.created ?? 0,
        actors: applied.actors,
        flows: {
          ...applied.flows,
          created: applied.flows.created + (direct?.created ?? 0),
          skipped: applied.flows.skipped + (direct?.skipped ?? 0),
        },
        observations: applied.observations,
      };
      if (options.dryRun) throw new DryRun(report);
      return report;
    });
  } catch (error) {
    if (error instanceof DryRun) return error.report;
    throw mapDbError(error);
  }
}

function rejection(problems: Problems): ImportError {
  const sorted = [...problems.list].sort((a, b) => a.row - b.row).slice(0, MAX_REPORTED);
  return new ImportError(sorted, problems.count);
}
