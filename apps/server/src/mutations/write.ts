import type { Kysely, Transaction } from 'kysely';
import type { Credentials } from '../auth/tokens.js';
import type { Database } from '../db/database.js';
import type { Author } from '../domain/records/revisions.js';
import { inTransaction } from '../domain/records/transaction.js';
import { AuthError } from '../graphql-errors.js';

/** The author recorded on revisions; writes need credentials with a name. */
export function authorOf(credentials: Credentials): Author {
  if (credentials.author === null) throw new AuthError('UNAUTHENTICATED', 'Writes need a token.');
  return { author: credentials.author, tokenId: credentials.tokenId };
}

/** A write mutation's work: one transaction, by the author of the request's credentials. */
export function inWrite<T>(
  { db, credentials }: { db: Kysely<Database>; credentials: Credentials },
  write: (trx: Transaction<Database>, by: Author) => Promise<T>,
): Promise<T> {
  return inTransaction(db, (trx) => write(trx, authorOf(credentials)));
}
