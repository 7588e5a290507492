import { type Kysely, sql } from 'kysely';
import type pg from 'pg';
import type { Database } from '../db/database.js';
import type { Author } from '../domain/records/revisions.js';
import type { StagedOverlap } from './apply-overlaps.js';
import { BULK_MIN_ROWS, BulkLoad, shouldBulkLoad } from './bulk-load.js';
import { DirectFlows } from './direct.js';
import type { Problems } from './problems.js';
import type { OnRecord } from './read-file.js';
import type { ImportRecord } from './records.js';
import { Stager } from './stage.js';
import { WriteQueue } from './writes.js';

/**
 * How flow rows are loaded, chosen before the file is read: all through the staging table, or
 * staged until the `switchAt`-th flow, then written straight into `flows` by COPY on `client`
 * (direct.ts). Only a CSV import with a PostgreSQL client of its own can switch.
 */
export type LoadPlan =
  | { kind: 'staged' }
  | { kind: 'switching'; client: pg.Client; switchAt: number };

export async function planLoading(
  trx: Kysely<Database>,
  options: { copyClient?: pg.Client | null; format: string; bulkMin?: number | undefined },
): Promise<LoadPlan> {
  const client = options.copyClient ?? null;
  if (!client || options.format !== 'CSV') return { kind: 'staged' };
  // Once enough flows are staged to load them in bulk (the floor, and as many as are stored).
  const { rows } = await sql<{ n: number }>`select count(*)::bigint as n from flows`.execute(trx);
  return {
    kind: 'switching',
    client,
    switchAt: Math.max(options.bulkMin ?? BULK_MIN_ROWS, rows[0]?.n ?? 0),
  };
}

/** Where flow rows go: the staging table, or the direct load opened at the switch point. */
export type FlowRoute = { to: 'staging' } | { to: 'direct'; load: DirectFlows };

export interface IntakeContext {
  trx: Kysely<Database>;
  by: Author;
  reason: string;
  problems: Problems;
  plan: LoadPlan;
  format: string;
  bulkMin?: number | undefined;
  batch?: number | undefined;
  onProgress?: ((rows: number) => void) | undefined;
}

/**
 * Takes the records of a file as they are read: each external id once per record type, then to
 * the staging table, or flows by `route`, which the plan's switch point sets to direct once.
 */
export class Intake {
  readonly bulk: BulkLoad;
  private readonly writes = new WriteQueue();
  private readonly stager: Stager;
  private readonly keys = {
    actor: new Map<string, number>(),
    flow: new Map<string, number>(),
    observation: new Map<string, number>(),
    overlap: new Map<string, number>(),
  };
  /** Overlaps wait here: they are written once the file's flows are (apply-overlaps.ts). */
  readonly overlaps: StagedOverlap[] = [];
  private flowsStaged = 0;
  private route: FlowRoute = { to: 'staging' };

  constructor(private readonly c: IntakeContext) {
    const client = c.plan.kind === 'switching' ? c.plan.client : null;
    this.stager = new Stager(c.trx, this.writes, client, c.batch);
    this.bulk = new BulkLoad(c.trx);
  }

  readonly onRecord: OnRecord = (row, record) => {
    if (this.isDuplicate(row, record)) return;
    if (row % 10_000 === 0) this.c.onProgress?.(row);
    if (record.type === 'overlap') {
      this.overlaps.push({ row, record });
      return;
    }
    const { route } = this;
    if (record.type === 'flow' && route.to === 'direct' && route.load.take(row, record)) {
      return route.load.due();
    }
    const writing = this.stager.add(row, record);
    if (record.type !== 'flow') return writing;
    this.flowsStaged++;
    const { plan } = this.c;
    // Not for a file already rejected: it would set tables aside only to roll back.
    if (plan.kind !== 'switching' || this.flowsStaged !== plan.switchAt) return writing;
    if (this.c.problems.count > 0) return writing;
    return (async () => {
      await writing;
      await this.switchToDirect(plan.client, row);
    })();
  };

  /** Waits for every write; where flows went in the end. */
  async done(): Promise<FlowRoute> {
    await this.stager.done();
    if (this.route.to === 'direct') await this.route.load.done();
    return this.route;
  }

  private isDuplicate(row: number, record: ImportRecord): boolean {
    const seen = this.keys[record.type];
    const first = seen.get(record.key);
    if (first === undefined) {
      seen.set(record.key, row);
      return false;
    }
    this.c.problems.add(
      row,
      record.type === 'flow' && this.c.format === 'CSV' ? 'external_id' : 'key',
      `duplicate external id "${record.key}" (first at row ${first})`,
    );
    return true;
  }

  private async switchToDirect(client: pg.Client, row: number): Promise<void> {
    const { trx, bulkMin } = this.c;
    await this.writes.settle();
    const load = await DirectFlows.open(trx, client, {
      bulk: this.bulk,
      writes: this.writes,
      revisionsToo: await shouldBulkLoad(trx, 'revisions', this.flowsStaged, bulkMin),
      by: this.c.by,
      reason: this.c.reason,
      problems: this.c.problems,
      staged: this.flowsStaged,
      lastStagedRow: row,
      batch: this.c.batch,
    });
    this.route = { to: 'direct', load };
  }
}
