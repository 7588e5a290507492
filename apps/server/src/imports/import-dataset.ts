import { type Kysely, sql } from 'kysely';
import type pg from 'pg';
import type { Database } from '../db/database.js';
import { ImportError } from '../domain/errors.js';
import { announceImportedFlows, type FlowsEvent } from '../domain/flow/flow.events.js';
import type { Author } from '../domain/records/revisions.js';
import { mapDbError } from '../domain/records/transaction.js';
import { applyStaged } from './apply.js';
import { applyOverlaps } from './apply-overlaps.js';
import { type FlowRoute, Intake, planLoading } from './intake.js';
import { MAX_REPORTED, Problems } from './problems.js';
import { readCsv, readJson, type Source } from './read-file.js';
import { referenceProblems } from './reference-checks.js';
import { analyseStagingTables, createStagingTables } from './stage.js';
import type { TypeCounts } from './staged-sql.js';

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
  /** What subscribers are told, in one event (null: no flow written, or a dry run). */
  announced: FlowsEvent | null;
  rows: number;
  /** Flows written while the file was still being read (direct.ts), included in `flows`. */
  direct: number;
  actors: TypeCounts;
  flows: TypeCounts;
  observations: TypeCounts;
  overlaps: TypeCounts;
}

/** The advisory lock imports take, one at a time (any constant of our own). */
const IMPORT_LOCK = 4_280_501;

/**
 * Imports a file in one transaction: every row is validated (the mutations' rules), staged,
 * checked against stored data, then written with one revision per created or changed record.
 * Any bad row rejects the whole file with an error per row (ImportError). Rows are matched to
 * stored records by external id (`key`), so importing a file again changes nothing. A dry run
 * does all of it, then rolls back and returns its report.
 */
export async function importDataset(
  db: Kysely<Database>,
  by: Author,
  source: Source,
  options: ImportOptions,
): Promise<ImportReport> {
  try {
    return await inTransaction(
      db,
      (trx) => importInTransaction(trx, by, source, options),
      (report) => !report.dryRun,
    );
  } catch (error) {
    throw mapDbError(error);
  }
}

/** Runs `fn` in a transaction, committed if `keep` says so of its result, else rolled back. */
async function inTransaction<T>(
  db: Kysely<Database>,
  fn: (trx: Kysely<Database>) => Promise<T>,
  keep: (result: T) => boolean,
): Promise<T> {
  const trx = await db.startTransaction().execute();
  try {
    const result = await fn(trx);
    await (keep(result) ? trx.commit() : trx.rollback()).execute();
    return result;
  } catch (error) {
    if (!trx.isCommitted && !trx.isRolledBack) await trx.rollback().execute();
    throw error;
  }
}

/** The phases of an import: open, read, check, write, report. Throws on a rejected file. */
async function importInTransaction(
  trx: Kysely<Database>,
  by: Author,
  source: Source,
  options: ImportOptions,
): Promise<ImportReport> {
  const reason = options.reason ?? `import (${options.format})`;
  const lastRevision = await openImport(trx);
  const problems = new Problems();
  const plan = await planLoading(trx, options);
  const intake = new Intake({ ...options, trx, by, reason, problems, plan });
  const t0 = performance.now();
  const lap = (phase: string) => options.onPhase?.(phase, performance.now() - t0);
  const read = options.format === 'CSV' ? readCsv : readJson;
  const rows = await read(source, problems, intake.onRecord);
  const route = await intake.done();
  lap('read, checked and staged');
  options.onProgress?.(rows);

  await analyseStagingTables(trx);
  const references = await referenceProblems(
    trx,
    route.to === 'direct' ? route.load.unwritten : [],
  );
  lap('references checked');
  for (const e of references.errors) problems.list.push(e);
  problems.count += references.count;
  if (problems.count > 0) throw rejection(problems);

  const direct = route.to === 'direct' ? route.load : null;
  const applied = await applyStaged(trx, by, reason, intake.bulk, {
    bulkMin: options.bulkMin,
    direct,
  });
  if (applied.unresolved.length) {
    for (const e of applied.unresolved) problems.add(e.row, e.column, e.message);
    throw rejection(problems);
  }
  const overlaps = await applyOverlaps(trx, by, reason, intake.overlaps, problems);
  if (problems.count > 0) throw rejection(problems);
  lap('written');
  const dryRun = Boolean(options.dryRun);
  return {
    dryRun,
    announced: dryRun ? null : await announceImportedFlows(trx, lastRevision),
    rows,
    ...counts(applied, route),
    overlaps,
  };
}

/**
 * Readies the transaction for an import: settings, the import lock and the staging tables.
 * Returns the last revision before it: the revisions above it are this import's.
 */
async function openImport(trx: Kysely<Database>): Promise<number> {
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
  const { rows: last } = await sql<{ id: number }>`select coalesce(max(id), 0)::bigint as id
    from revisions`.execute(trx);
  await createStagingTables(trx);
  return last[0]?.id ?? 0;
}

/** The report's counts: the staged writes, plus the flows the direct load wrote or skipped. */
function counts(
  applied: Record<'actors' | 'flows' | 'observations', TypeCounts>,
  route: FlowRoute,
): Pick<ImportReport, 'direct' | 'actors' | 'flows' | 'observations'> {
  const direct = route.to === 'direct' ? route.load : { created: 0, skipped: 0 };
  return {
    direct: direct.created,
    actors: applied.actors,
    flows: {
      ...applied.flows,
      created: applied.flows.created + direct.created,
      skipped: applied.flows.skipped + direct.skipped,
    },
    observations: applied.observations,
  };
}

function rejection(problems: Problems): ImportError {
  const sorted = [...problems.list].sort((a, b) => a.row - b.row).slice(0, MAX_REPORTED);
  return new ImportError(sorted, problems.count);
}
