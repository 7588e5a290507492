import type { Credentials } from '../auth/tokens.js';
import type { Author } from '../domain/records/revisions.js';
import { AuthError } from '../graphql-errors.js';

/** The author recorded on revisions; writes need credentials with a name. */
export function authorOf(credentials: Credentials): Author {
  if (credentials.author === null) throw new AuthError('UNAUTHENTICATED', 'Writes need a token.');
  return { author: credentials.author, tokenId: credentials.tokenId };
}
