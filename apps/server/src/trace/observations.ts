import { type Kysely, sql } from 'kysely';
import type { Database, ObservationRow } from '../db/database.js';
import { pause, type WorkBudget } from './steps.js';

/** What a trace reads of an observation; a view reads the whole row of those it lists. */
export type OutcomeSubject = Pick<
  ObservationRow,
  'id' | 'actor_id' | 'metric' | 'kind' | 'unit' | 'year' | 'qualifier' | 'value'
>;

/** Rows of the whole observations table read at a time (their parsing holds the event loop). */
const SCAN_PAGE = 5_000;

/**
 * What a trace reads of the observations of `actors` in `year` (null: every year), by id, those
 * it `keep`s, within the trace's `budget`. With no actors, of every actor, a page at a time: a national trace reads all
 * 236,000, and pg parsed them (and the trace tested them) in turns of the event loop of 50-80 ms
 * (a page of 5,000 takes about 15).
 */
export async function observationsOf(
  db: Kysely<Database>,
  actors: readonly number[] | null,
  year: number | null,
  keep: (o: OutcomeSubject) => boolean,
  { budget, pageSize = SCAN_PAGE }: { budget?: WorkBudget; pageSize?: number } = {},
): Promise<OutcomeSubject[]> {
  const rows: OutcomeSubject[] = [];
  for (let after = 0; ; ) {
    const page = await sql<OutcomeSubject>`
      select id, actor_id, metric, kind, unit, year, qualifier, value from observations
      where ${actors ? sql`actor_id = any(${actors}::int[])` : sql`id > ${after}`}
        and (${year}::int is null or year = ${year}::int)
      order by id ${actors ? sql`` : sql`limit ${pageSize}`}`.execute(db);
    for (const row of page.rows) if (keep(row)) rows.push(row);
    const last = page.rows.at(-1);
    if (actors || !last || page.rows.length < pageSize) return rows;
    after = last.id;
    await pause();
    // the trace's deadline (or a shutdown's) stops it between statements
    budget?.check();
  }
}
