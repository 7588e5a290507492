import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/database.js';

// Flows written are announced on a PostgreSQL channel; mutations/events.ts hears them for subscriptions.

/** The channel of one schema: tests (and tenants) that share a database do not hear each other. */
export const CHANNEL_PREFIX = 'fundtrace_flow_recorded:';
const CHANNEL = sql`${sql.lit(CHANNEL_PREFIX)} || current_schema()`;

/** How many flow ids one announcement carries: an import of more is announced by its first ones. */
export const FLOWS_PER_EVENT = 100;

/**
 * One write's announcement: how many flows it created or changed, and the first of them by id
 * (at most FLOWS_PER_EVENT). A recordFlow announces one flow, an import all of its flows in one
 * event, so subscribers run their selection once per write, not once per row.
 */
export interface FlowsEvent {
  count: number;
  flowIds: number[];
}

/** The NOTIFY payload of an event: "count:id,id,...", under PostgreSQL's 8,000-byte limit. */
export function parseFlowsEvent(payload: string): FlowsEvent | null {
  const match = /^([1-9][0-9]{0,9}):([1-9][0-9]{0,9}(?:,[1-9][0-9]{0,9}){0,99})$/.exec(payload);
  if (!match) return null;
  return { count: Number(match[1]), flowIds: (match[2] ?? '').split(',').map(Number) };
}

/**
 * Announces a recorded flow to every server of the deployment: a NOTIFY sent inside the write's
 * transaction, which PostgreSQL delivers once the transaction commits (never if it rolls back).
 */
export async function announceFlow(db: Kysely<Database>, flowId: number): Promise<FlowsEvent> {
  await sql`select pg_notify(${CHANNEL}, ${`1:${flowId}`})`.execute(db);
  return { count: 1, flowIds: [flowId] };
}

/**
 * Announces the flows the current transaction (an import) created or changed, by its revisions
 * after `sinceRevision` (read before it wrote, so that the primary key bounds the search instead
 * of a scan of every revision), as one event, in one statement; returns it (null when the import
 * wrote no flow). Revisions that other transactions committed meanwhile are not this import's.
 */
export async function announceImportedFlows(
  db: Kysely<Database>,
  sinceRevision: number,
): Promise<FlowsEvent | null> {
  const { rows } = await sql<{ payload: string | null }>`
    with flows as (
      select distinct record_id from revisions
      where id > ${sinceRevision} and xmin = pg_current_xact_id()::xid and record_type = 'Flow'
        and action in ('CREATE', 'UPDATE')
    ), event as (
      select (select count(*) from flows) || ':' || (select string_agg(record_id::text, ',')
        from (select record_id from flows order by record_id limit ${FLOWS_PER_EVENT}) f) as payload
    )
    select payload, pg_notify(${CHANNEL}, payload) from event where payload is not null`.execute(
    db,
  );
  const payload = rows[0]?.payload;
  return payload ? parseFlowsEvent(payload) : null;
}
