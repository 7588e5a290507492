import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ApiTokenRow, Database } from '../db/database.js';

/** Scopes a token can carry. Reads are public; `write` allows every mutation and imports. */
export const SCOPES = ['write'] as const;
export type Scope = (typeof SCOPES)[number];

/** Who is asking: the scopes they hold and the name their writes are recorded under. */
export interface Credentials {
  scopes: ReadonlySet<Scope>;
  /** Recorded as the author of revisions: the token's label, `token #id`, or `admin`. */
  author: string | null;
  tokenId: number | null;
  /** Why a presented token gave no scopes (unknown, revoked, malformed), for the 401 message. */
  problem: string | null;
}

export const ANONYMOUS: Credentials = {
  scopes: new Set(),
  author: null,
  tokenId: null,
  problem: null,
};

const PREFIX = 'ft_';
const SECRET = /^ft_[A-Za-z0-9_-]{43}$/;

export function sha256(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}

/** A token's term unless `token create --expires-in` says otherwise, and the longest allowed. */
export const DEFAULT_TOKEN_DAYS = 90;
export const MAX_TOKEN_DAYS = 366;

/** Creates a token and returns its secret: shown once, stored only as its SHA-256. */
export async function createToken(
  db: Kysely<Database>,
  options: { scopes: Scope[]; label?: string | null; expiresInDays?: number },
): Promise<{ id: number; secret: string; expiresAt: Date }> {
  if (options.scopes.length === 0) throw new Error('a token needs at least one scope');
  const days = options.expiresInDays ?? DEFAULT_TOKEN_DAYS;
  if (!Number.isInteger(days) || days < 1 || days > MAX_TOKEN_DAYS) {
    throw new Error(`a token expires in 1 to ${MAX_TOKEN_DAYS} days`);
  }
  const expiresAt = new Date(Date.now() + days * 86_400_000);
  const secret = PREFIX + randomBytes(32).toString('base64url');
  const row = await db
    .insertInto('api_tokens')
    .values({
      secret_sha256: sha256(secret),
      scopes: [...new Set(options.scopes)],
      label: options.label ?? null,
      expires_at: expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, secret, expiresAt };
}

export async function listTokens(
  db: Kysely<Database>,
): Promise<Omit<ApiTokenRow, 'secret_sha256'>[]> {
  return db
    .selectFrom('api_tokens')
    .select(['id', 'label', 'scopes', 'created_at', 'revoked_at', 'expires_at'])
    .orderBy('id')
    .execute();
}

/** Revokes a token; false when no unrevoked token has that id. */
export async function revokeToken(db: Kysely<Database>, id: number): Promise<boolean> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: new Date() })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Compares two secrets in constant time (by their hashes, so lengths may differ). */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(sha256(a), 'hex');
  const y = Buffer.from(sha256(b), 'hex');
  return timingSafeEqual(x, y);
}

/**
 * Credentials from an Authorization header. No header: anonymous (reads are public). `ADMIN_TOKEN`
 * (when set and non-empty) holds every scope; any other bearer token is looked up by its hash.
 * A token that is malformed, unknown, revoked or expired gives no scopes and says why.
 */
export async function authenticate(
  db: Kysely<Database>,
  header: string | null | undefined,
  adminToken: string | undefined,
): Promise<Credentials> {
  if (header == null || header === '') return ANONYMOUS;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  const secret = match?.[1];
  if (!secret) {
    return { ...ANONYMOUS, problem: 'the Authorization header must be "Bearer <token>"' };
  }
  if (adminToken && sameSecret(secret, adminToken)) {
    return { scopes: new Set(SCOPES), author: 'admin', tokenId: null, problem: null };
  }
  if (!SECRET.test(secret)) return { ...ANONYMOUS, problem: 'unknown token' };
  const row = await db
    .selectFrom('api_tokens')
    .select(['id', 'label', 'scopes', 'revoked_at', 'expires_at'])
    .where('secret_sha256', '=', sha256(secret))
    .executeTakeFirst();
  if (!row) return { ...ANONYMOUS, problem: 'unknown token' };
  if (row.revoked_at) return { ...ANONYMOUS, problem: 'the token was revoked' };
  if (new Date(row.expires_at).getTime() <= Date.now()) {
    return {
      ...ANONYMOUS,
      problem: `the token expired at ${new Date(row.expires_at).toISOString()}`,
    };
  }
  return {
    scopes: new Set(row.scopes.filter(isScope)),
    author: row.label ?? `token #${row.id}`,
    tokenId: row.id,
    problem: null,
  };
}
