import type { Kysely } from 'kysely';
import { ANONYMOUS, type Credentials } from './auth/tokens.js';
import type { Database } from './db/database.js';
import { createEvents, type Events } from './mutations/events.js';

export interface Context {
  db: Kysely<Database>;
  /** Who is asking (from the bearer token); anonymous requests can read everything. */
  credentials: Credentials;
  /** Flow events, for subscriptions. */
  events: Events;
}

export function createContext(
  db: Kysely<Database>,
  credentials: Credentials = ANONYMOUS,
  events: Events = createEvents(),
): Context {
  return { db, credentials, events };
}
