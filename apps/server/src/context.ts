import type { Kysely } from 'kysely';
import { ANONYMOUS, type Credentials } from './auth/tokens.js';
import type { Database } from './db/database.js';
import { MAX_TOTAL_ROWS } from './limits.js';
import { createEvents, type Events } from './mutations/events.js';
import { DEFAULT_TRACE_TIMEOUT_MS } from './trace/compute.js';

export interface Context {
  db: Kysely<Database>;
  /** Who is asking (from the bearer token); anonymous requests can read everything. */
  credentials: Credentials;
  /** Flow events, for subscriptions. */
  events: Events;
  /** How long a trace may compute (TRACE_TIMEOUT_MS). */
  traceTimeoutMs: number;
  /** Rows one `totals` answer may hold (MAX_TOTAL_ROWS). */
  maxTotalRows: number;
}

export function createContext(
  db: Kysely<Database>,
  credentials: Credentials = ANONYMOUS,
  events: Events = createEvents(),
  traceTimeoutMs = DEFAULT_TRACE_TIMEOUT_MS,
  maxTotalRows = MAX_TOTAL_ROWS,
): Context {
  return { db, credentials, events, traceTimeoutMs, maxTotalRows };
}
