import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { ANONYMOUS, type Credentials, isScope, sha256 } from './tokens.js';

/** Browser sessions: a curator's token exchanged for an HttpOnly cookie (docs/curation.md). */

export const SESSION_COOKIE = 'ft_session';
/** The header a cookie-authenticated write must carry: the session's CSRF token. */
export const SESSION_CSRF_HEADER = 'x-csrf-token';
export const DEFAULT_SESSION_HOURS = 12;
const SECRET = /^[A-Za-z0-9_-]{43}$/;

export function sessionHours(env: NodeJS.ProcessEnv = process.env): number {
  const hours = Number(env.SESSION_HOURS);
  return Number.isFinite(hours) && hours > 0 && hours <= 24 * 30 ? hours : DEFAULT_SESSION_HOURS;
}

/**
 * The CSRF token of a session, derived from its secret: the page may read it (it is in a JSON
 * answer, not the cookie), another site cannot, and the server needs to store nothing for it.
 */
export function csrfTokenOf(secret: string): string {
  return createHmac('sha256', secret).update('fundtrace csrf').digest('base64url');
}

export interface NewSession {
  secret: string;
  csrfToken: string;
  expiresAt: Date;
}

/** Starts a session for credentials that may write; the secret goes only into the cookie. */
export async function startSession(
  db: Kysely<Database>,
  credentials: Credentials,
  hours = sessionHours(),
): Promise<NewSession> {
  if (credentials.author === null) throw new Error('a session needs named credentials');
  const secret = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + hours * 3_600_000);
  await db
    .insertInto('sessions')
    .values({
      secret_sha256: sha256(secret),
      token_id: credentials.tokenId,
      author: credentials.author,
      scopes: [...credentials.scopes],
      expires_at: expiresAt,
    })
    .execute();
  return { secret, csrfToken: csrfTokenOf(secret), expiresAt };
}

/** Ends a session; false when it was unknown or over already. */
export async function endSession(db: Kysely<Database>, secret: string): Promise<boolean> {
  if (!SECRET.test(secret)) return false;
  const result = await db
    .updateTable('sessions')
    .set({ ended_at: new Date() })
    .where('secret_sha256', '=', sha256(secret))
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * The credentials a session cookie stands for: none when the session is unknown (forged), ended,
 * expired, or its token was revoked since. `csrf` is the request's CSRF header: without the
 * session's token the session is known (for "who am I") but holds no scopes, so it cannot write.
 */
export async function sessionCredentials(
  db: Kysely<Database>,
  secret: string,
  csrf: string | null,
): Promise<Credentials & { expiresAt: Date | null }> {
  const none = (problem: string) => ({ ...ANONYMOUS, problem, expiresAt: null });
  if (!SECRET.test(secret)) return none('the session cookie is not one this server set');
  const row = await db
    .selectFrom('sessions as s')
    .leftJoin('api_tokens as t', 't.id', 's.token_id')
    .select([
      's.author',
      's.token_id',
      's.scopes',
      's.expires_at',
      's.ended_at',
      't.revoked_at',
      't.expires_at as token_expires_at',
    ])
    .where('s.secret_sha256', '=', sha256(secret))
    .executeTakeFirst();
  if (!row) return none('the session cookie is not one this server set');
  if (row.ended_at) return none('the session was ended: sign in again');
  if (row.expires_at <= new Date()) return none('the session expired: sign in again');
  if (row.revoked_at) return none('the token of the session was revoked');
  if (row.token_expires_at && new Date(row.token_expires_at) <= new Date()) {
    return none('the token of the session expired: sign in with a new one');
  }
  const known = { author: row.author, tokenId: row.token_id, expiresAt: row.expires_at };
  if (!sameToken(csrf, csrfTokenOf(secret))) {
    return {
      ...known,
      scopes: new Set(),
      problem: `a write with a session cookie needs the session's ${SESSION_CSRF_HEADER} header`,
    };
  }
  return { ...known, scopes: new Set(row.scopes.filter(isScope)), problem: null };
}

function sameToken(given: string | null, expected: string): boolean {
  if (given === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The value of one cookie in a Cookie header. */
export function cookieValue(header: string | null, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return null;
}
