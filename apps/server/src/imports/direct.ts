import { type Kysely, sql } from 'kysely';
import type pg from 'pg';
import type { Database } from '../db/database.js';
import { type FlowRecord, flowValues } from '../domain/flow/flow.rules.js';
import type { Author } from '../domain/records/revisions.js';
import type { BulkLoad } from './bulk-load.js';
import { copyField, copyInto, copyLines } from './stage.js';
import type { WriteQueue } from './writes.js';

/** Rows per COPY: a batch is written while the next one is read. */
const BATCH = 20_000;

/** Where a row's problems go; `count` above 0 means the import is rejected. */
export interface ProblemSink {
  add(row: number, column: string | null, message: string): void;
  readonly count: number;
}

/** Ids kept for the flows staged before direct loading began, so ids follow the file. */
export interface ReservedIds {
  /** The first id kept. */
  from: number;
  /** The staged rows up to this row number take them, in row order. */
  upToRow: number;
}

export interface DirectOptions {
  bulk: BulkLoad;
  writes: WriteQueue;
  /** Whether revisions load in bulk too (the load at least doubles them). */
  revisionsToo: boolean;
  by: Author;
  reason: string;
  problems: ProblemSink;
  /** Flows staged so far, and the row number of the last of them. */
  staged: number;
  lastStagedRow: number;
  /** Rows per write (tests make it small). */
  batch?: number | undefined;
}

/** What a directly loaded row is checked against, read when direct loading begins. */
interface Known {
  actors: Map<string, number>;
  programs: Map<string, number>;
  /** Keys of stored flows, and of retracted ones. */
  stored: Set<string>;
  retracted: Set<string>;
}

async function readKnown(db: Kysely<Database>): Promise<Known> {
  const pairs = async (query: ReturnType<typeof sql<{ key: string; id: number }>>) =>
    new Map((await query.execute(db)).rows.map((r) => [r.key, r.id]));
  const actors = await pairs(sql`select key, id from actors`);
  const programs = await pairs(sql`select key, id from programs`);
  const { rows: stored } = await sql<{ key: string }>`select key from flows`.execute(db);
  const { rows: retracted } = await sql<{ key: string }>`select distinct record_key as key
    from revisions where record_type = 'Flow' and action = 'RETRACT'`.execute(db);
  return {
    actors,
    programs,
    stored: new Set(stored.map((r) => r.key)),
    retracted: new Set(retracted.map((r) => r.key)),
  };
}

/** What a direct load starts from: its connection, options, checks and the flow ids it found. */
interface DirectSetup {
  db: Kysely<Database>;
  client: pg.Client;
  options: DirectOptions;
  known: Known;
  /** The largest stored flow id, and the first id this load gives. */
  ids: { last: number; next: number };
}

/**
 * Direct loading. Once a CSV import on a PostgreSQL connection of its own has staged as many
 * flows as bulk loading needs (the floor, and as many as the table holds), the rest of the file
 * no longer waits in the staging table for set-based writes at the end: each new flow is checked
 * against the actors and programs here, and written straight into `flows` by COPY, its revision
 * after it, while the next batch is read. Reading is JavaScript on one core and writing is
 * PostgreSQL on the other, so the two overlap instead of taking turns.
 *
 * Rows this cannot decide alone still go to the staging table: a row naming a parent flow (its
 * parent may come later in the file), and a row whose key is stored (an update). Everything runs
 * in the import's transaction: a rejected file or a dry run rolls it all back.
 */
export class DirectFlows {
  /** Flows written, and rows skipped because their key belongs to a retracted flow. */
  created = 0;
  skipped = 0;
  /**
   * Keys of the flows this took but did not write (the file was rejected by then): a staged row
   * may still name one as its parent, which is in the file, as the staged path sees.
   */
  readonly unwritten: string[] = [];
  private rows: (string | number | null)[][] = [];

  private readonly db: Kysely<Database>;
  private readonly client: pg.Client;
  private readonly writes: WriteQueue;
  private readonly problems: ProblemSink;
  private readonly batch: number;
  /** The columns of a flow's CREATE revision after its id and key, as COPY text. */
  private readonly revisionTail: string;
  private readonly known: Known;
  /** The largest flow id before this wrote any: the flows above are this import's. */
  readonly storedUpTo: number;
  readonly reserved: ReservedIds;
  private nextId: number;

  private constructor(s: DirectSetup) {
    this.db = s.db;
    this.client = s.client;
    this.writes = s.options.writes;
    this.problems = s.options.problems;
    this.batch = s.options.batch ?? BATCH;
    const { by, reason } = s.options;
    this.revisionTail = `\tCREATE\t${copyField(by.author)}\t${copyField(by.tokenId)}\t${copyField(reason)}\n`;
    this.known = s.known;
    this.storedUpTo = s.ids.last;
    this.reserved = { from: s.ids.next, upToRow: s.options.lastStagedRow };
    this.nextId = s.ids.next + s.options.staged;
  }

  /**
   * Sets flows (and revisions, when `revisionsToo`) aside for bulk loading, then reads what rows
   * are checked against: every actor and program, the keys of stored flows (no more than the
   * rows already staged, by the bulk-loading rule) and of retracted ones.
   */
  static async open(
    db: Kysely<Database>,
    client: pg.Client,
    options: DirectOptions,
  ): Promise<DirectFlows> {
    await options.bulk.begin(options.revisionsToo ? ['flows', 'revisions'] : ['flows']);
    const known = await readKnown(db);
    // Ids are given here, so that revisions go by COPY too. The flows are locked: no other
    // transaction draws from their sequence until this one ends (done() moves it past ours).
    const { rows: ids } = await sql<{ last: number; next: number }>`select last, greatest(
        nextval(pg_get_serial_sequence('flows', 'id')), last + 1)::bigint as next
      from (select coalesce(max(id), 0)::bigint as last from flows) f`.execute(db);
    const last = ids[0]?.last ?? 0;
    return new DirectFlows({ db, client, options, known, ids: { last, next: ids[0]?.next ?? 1 } });
  }

  /**
   * Takes a flow (to write, to skip, or for its problems), or leaves it for staging. Then `due`
   * says whether a batch is ready to write.
   */
  take(row: number, f: FlowRecord): boolean {
    if (f.parentKey !== null || this.known.stored.has(f.key)) return false;
    // References are checked first, as for staged rows (a bad row is an error, retracted or not).
    const source = this.actor(row, 'source_key', f.sourceKey);
    const target = this.actor(row, 'target_key', f.targetKey);
    const program = f.programKey === null ? null : this.known.programs.get(f.programKey);
    if (program === undefined) {
      this.problems.add(row, 'program_key', `no program with key ${f.programKey}`);
    }
    if (this.known.retracted.has(f.key)) {
      this.skipped++;
      return true;
    }
    // A rejected file is read to its end for its errors, and nothing more is written.
    if (this.problems.count > 0 || source === null || target === null) {
      this.unwritten.push(f.key);
      return true;
    }
    this.rows.push([
      this.nextId++,
      f.key,
      source,
      target,
      ...flowValues(f),
      program ?? null,
      f.note,
      f.noteZh,
      f.inferred,
    ]);
    return true;
  }

  /** The write of a full batch, to await; undefined while the batch fills. */
  due(): Promise<void> | undefined {
    return this.rows.length >= this.batch ? this.flush() : undefined;
  }

  private actor(row: number, column: string, key: string): number | null {
    const id = this.known.actors.get(key);
    if (id !== undefined) return id;
    this.problems.add(row, column, `no actor with key ${key}`);
    return null;
  }

  private async flush(): Promise<void> {
    const rows = this.rows;
    this.rows = [];
    if (rows.length === 0) return;
    if (this.problems.count > 0) {
      for (const [, key] of rows) this.unwritten.push(String(key));
      return;
    }
    await this.writes.add(() => this.write(rows));
  }

  /** COPYs the flows, then a CREATE revision for each. */
  private async write(rows: (string | number | null)[][]): Promise<void> {
    await copyInto(
      this.client,
      `flows (id, key, source_id, target_id, amount, qualifier, low, high, unit, year, status,
        instrument, program_id, note, note_zh, inferred)`,
      copyLines(rows),
    );
    let revisions = '';
    for (const [id, key] of rows) {
      revisions += `Flow\t${id}\t${copyField(key ?? null)}${this.revisionTail}`;
    }
    await copyInto(
      this.client,
      'revisions (record_type, record_id, record_key, action, author, token_id, reason)',
      revisions,
    );
    this.created += rows.length;
  }

  /**
   * Writes what is left and waits for every write; then moves the flows' sequence past the ids
   * given here and kept for the staged rows.
   */
  async done(): Promise<void> {
    await this.flush();
    await this.writes.settle();
    await sql`select setval(pg_get_serial_sequence('flows', 'id'), ${this.nextId}, false)`.execute(
      this.db,
    );
  }
}
