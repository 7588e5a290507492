import type { Plugin } from 'graphql-yoga';
import type { Kysely } from 'kysely';
import {
  cookieValue,
  csrfTokenOf,
  endSession,
  SESSION_COOKIE,
  SESSION_CSRF_HEADER,
  sessionCredentials,
  startSession,
} from './auth/sessions.js';
import { authenticate, type Credentials } from './auth/tokens.js';
import type { Database } from './db/database.js';
import { CSRF_HEADER } from './hardening.js';

export const SESSION_PATH = '/auth/session';

/**
 * Credentials of a request: a bearer token (API clients) when there is an Authorization header,
 * else the session cookie (the explorer), whose writes also need the session's CSRF token.
 */
export async function requestCredentials(
  db: Kysely<Database>,
  request: Request,
  adminToken: string | undefined,
): Promise<Credentials> {
  const header = request.headers.get('authorization');
  const session = cookieValue(request.headers.get('cookie'), SESSION_COOKIE);
  if (header || !session) return authenticate(db, header, adminToken);
  return sessionCredentials(db, session, request.headers.get(SESSION_CSRF_HEADER));
}

function reply(status: number, body: unknown, cookie?: string): Response {
  const headers = new Headers({ 'content-type': 'application/json', 'cache-control': 'no-store' });
  if (cookie) headers.set('set-cookie', cookie);
  return new Response(JSON.stringify(body), { status, headers });
}

function cookie(request: Request, value: string, maxAge: number): string {
  const https =
    new URL(request.url).protocol === 'https:' ||
    request.headers.get('x-forwarded-proto') === 'https';
  return `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${https ? '; Secure' : ''}`;
}

/** Sign-ins are tiny: anything longer is refused unread (this path skips the GraphQL parser). */
const SIGN_IN_BYTES = 4096;

async function smallBody(request: Request, max: number): Promise<string | null> {
  if (Number(request.headers.get('content-length') ?? 0) > max) return null;
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of (request.body ?? []) as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > max) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function signIn(db: Kysely<Database>, request: Request, adminToken?: string) {
  if (!request.headers.get('content-type')?.startsWith('application/json')) {
    return reply(415, { error: 'send {"token": "…"} as application/json' });
  }
  const raw = await smallBody(request, SIGN_IN_BYTES);
  if (raw === null) return reply(413, { error: `a sign-in has at most ${SIGN_IN_BYTES} bytes` });
  let body: { token?: unknown } | null = null;
  try {
    body = JSON.parse(raw) as { token?: unknown } | null;
  } catch {}
  if (typeof body?.token !== 'string' || body.token.length > 200) {
    return reply(400, { error: 'send {"token": "…"} with an API token' });
  }
  const credentials = await authenticate(db, `Bearer ${body.token}`, adminToken);
  if (credentials.author === null || !credentials.scopes.has('write')) {
    return reply(401, { error: credentials.problem ?? 'the token may not write' });
  }
  const session = await startSession(db, credentials);
  const maxAge = Math.floor((session.expiresAt.getTime() - Date.now()) / 1000);
  return reply(
    200,
    { author: credentials.author, csrfToken: session.csrfToken, expiresAt: session.expiresAt },
    cookie(request, session.secret, maxAge),
  );
}

async function current(db: Kysely<Database>, request: Request) {
  const secret = cookieValue(request.headers.get('cookie'), SESSION_COOKIE);
  if (!secret) return reply(200, { author: null });
  const found = await sessionCredentials(db, secret, null);
  if (found.author === null) return reply(200, { author: null, problem: found.problem });
  return reply(200, {
    author: found.author,
    csrfToken: csrfTokenOf(secret),
    expiresAt: found.expiresAt,
  });
}

/**
 * `/auth/session`: POST a token to sign in (sets the cookie), GET who is signed in (and the
 * session's CSRF token), DELETE to sign out (ends the session on the server). Every method needs
 * the header that cross-site pages cannot send without a CORS preflight.
 */
export function sessionPlugin(db: Kysely<Database>, adminToken: string | undefined): Plugin {
  return {
    async onRequest({ request, url, endResponse }) {
      if (url.pathname !== SESSION_PATH) return;
      if (!request.headers.get(CSRF_HEADER)) {
        return endResponse(reply(403, { error: `the ${CSRF_HEADER} header is required` }));
      }
      if (request.method === 'POST') return endResponse(await signIn(db, request, adminToken));
      if (request.method === 'GET') return endResponse(await current(db, request));
      if (request.method === 'DELETE') {
        const secret = cookieValue(request.headers.get('cookie'), SESSION_COOKIE);
        const ended = secret ? await endSession(db, secret) : false;
        return endResponse(reply(200, { ended }, cookie(request, '', 0)));
      }
      endResponse(reply(405, { error: 'use POST, GET or DELETE' }));
    },
  };
}
