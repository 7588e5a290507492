import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/database.js';

/**
 * Bulk loading: when an import at least doubles a table, keeping every secondary index and
 * foreign key up to date row by row costs more than building them again (measured on a million
 * flows: 32 s row by row against 12 s with the rebuilds). So, inside the import's transaction,
 * the table's non-unique indexes, foreign keys, and unique constraints and primary keys that no
 * foreign key uses (flows.key, flow_edges' and revisions' keys; not flows.id) are dropped, the
 * rows written, and each index built again and each key validated again in one pass. A rollback
 * restores everything. The tables, and the tables their foreign keys name (actors, programs …:
 * dropping a foreign key locks both ends), are locked (ACCESS EXCLUSIVE) before the import writes
 * to any of them, so other writers queue behind it, and readers wait until the commit. A reader
 * that holds one of them while waiting for another can still meet the import in a deadlock,
 * which PostgreSQL ends by failing one of the two: bulk loads are for quiet hours.
 */

/** Staged rows at or above this count, and at least as many as the table holds, load in bulk. */
export const BULK_MIN_ROWS = 100_000;

/** Whether `incoming` rows for `table` should load in bulk (`min` lowers the floor for tests). */
export async function shouldBulkLoad(
  db: Kysely<Database>,
  table: 'flows' | 'observations' | 'revisions',
  incoming: number,
  min = BULK_MIN_ROWS,
): Promise<boolean> {
  if (incoming < min) return false;
  // Counted, not estimated: reltuples can be stale or unset (PGlite never updates it), and a
  // count is small next to an import of this size.
  const { rows } = await sql<{ n: number }>`select count(*)::bigint as n
    from ${sql.table(table)}`.execute(db);
  return incoming >= (rows[0]?.n ?? 0);
}

export type BulkTable = 'flows' | 'observations' | 'flow_edges' | 'revisions';

interface Definition {
  name: string;
  def: string;
}

/**
 * The triggers that keep `flow_edges` and the rollups of totals (`flow_totals`,
 * `flow_source_totals`) in step with `flows` one statement at a time.
 */
const EDGE_TRIGGERS = [
  'flow_edges_insert',
  'flow_edges_delete',
  'flow_edges_update_old',
  'flow_edges_update_new',
  'flow_totals_insert',
  'flow_totals_delete',
  'flow_totals_update_old',
  'flow_totals_update_new',
];

/**
 * The tables of one import that are loading in bulk. A table is set aside (`begin`) before the
 * import's first write to it, which may come while the file is still being read (direct.ts), and
 * everything is restored at once (`finish`) after the last. A rollback restores everything too.
 */
export class BulkLoad {
  private readonly restores: (() => Promise<void>)[] = [];
  private readonly tables = new Set<BulkTable>();

  constructor(private readonly db: Kysely<Database>) {}

  has(table: BulkTable): boolean {
    return this.tables.has(table);
  }

  /**
   * Locks everything first, before the import holds any other lock it takes by writing: the
   * tables their foreign keys name (dropping a foreign key locks those too), then `tables`. Then
   * sets each aside; `flows` also turns the flow_edges triggers off (rebuilt at `finish`).
   */
  async begin(tables: BulkTable[]): Promise<void> {
    if (tables.length === 0) return;
    const locked = tables.flatMap((t) =>
      t === 'flows' ? ['flows', 'flow_edges', 'flow_totals', 'flow_source_totals'] : [t],
    );
    const { rows: named } = await sql<{ name: string }>`select distinct c.relname as name
      from pg_constraint k join pg_class c on c.oid = k.confrelid
      where k.contype = 'f' and k.conrelid in (${sql.join(locked.map((t) => sql`${t}::regclass`))})
        and k.confrelid not in (${sql.join(locked.map((t) => sql`${t}::regclass`))})
      order by 1`.execute(this.db);
    for (const table of [...named.map((r) => r.name), ...locked]) {
      await sql`lock table ${sql.table(table)} in access exclusive mode`.execute(this.db);
    }
    // flow_edges is rebuilt from flows after the flows' own keys are back: set aside first.
    if (tables.includes('flows')) await this.pauseEdges();
    for (const table of tables) await this.setAside(table);
  }

  /** Restores what was set aside, the last set aside first. */
  async finish(): Promise<void> {
    // Index builds sort in memory when they may.
    if (this.restores.length) await sql`set local maintenance_work_mem = '256MB'`.execute(this.db);
    while (this.restores.length) await this.restores.pop()?.();
    this.tables.clear();
  }

  /** Drops `table`'s secondary indexes and foreign keys, and the keys no foreign key uses. */
  private async setAside(table: BulkTable): Promise<void> {
    const db = this.db;
    const { rows: indexes } = await sql<Definition>`select c.relname as name,
        pg_get_indexdef(i.indexrelid) as def
      from pg_index i join pg_class c on c.oid = i.indexrelid
      where i.indrelid = ${table}::regclass and not i.indisunique and not i.indisprimary`.execute(
      db,
    );
    // Foreign keys, and unique constraints and primary keys that no foreign key leans on.
    const { rows: keys } = await sql<Definition>`select c.conname as name,
        pg_get_constraintdef(c.oid) as def
      from pg_constraint c where c.conrelid = ${table}::regclass and (c.contype = 'f'
        or (c.contype in ('u', 'p') and not exists (select 1 from pg_constraint f
          where f.contype = 'f' and f.conindid = c.conindid)))`.execute(db);
    for (const k of keys) {
      await sql`alter table ${sql.table(table)} drop constraint ${sql.id(k.name)}`.execute(db);
    }
    for (const i of indexes) await sql`drop index ${sql.id(i.name)}`.execute(db);
    this.tables.add(table);
    this.restores.push(async () => {
      // The definitions come from PostgreSQL's own catalog, not from input.
      for (const i of indexes) await sql.raw(i.def).execute(db);
      for (const k of keys) {
        await sql`alter table ${sql.table(table)} add constraint ${sql.id(k.name)} ${sql.raw(k.def)}`.execute(
          db,
        );
      }
    });
  }

  /**
   * Turns the flow_edges and totals triggers off; at `finish`, builds `flow_edges` and the totals
   * again from every flow: for a load that at least doubles the flows, one grouping of the whole
   * table is cheaper than merging each statement's groups into the table (3.4 s against 7 s on a
   * million for flow_edges). The grouping is the one of the flow_edges migration; the totals'
   * is the migration's own `flow_totals_rebuild()`.
   */
  private async pauseEdges(): Promise<void> {
    const db = this.db;
    for (const t of EDGE_TRIGGERS) {
      await sql`alter table flows disable trigger ${sql.id(t)}`.execute(db);
    }
    this.restores.push(async () => {
      await sql`truncate flow_edges`.execute(db);
      const edges = new BulkLoad(db);
      await edges.setAside('flow_edges');
      await sql`insert into flow_edges
        select source_id, target_id, unit, year, status, count(*) from flows group by 1, 2, 3, 4, 5`.execute(
        db,
      );
      await edges.finish();
      await sql`select flow_totals_rebuild()`.execute(db);
      for (const t of EDGE_TRIGGERS) {
        await sql`alter table flows enable trigger ${sql.id(t)}`.execute(db);
      }
    });
  }
}
