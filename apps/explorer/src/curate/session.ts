import { useSyncExternalStore } from 'react';

/**
 * Who is signed in. The secret lives only in an HttpOnly cookie the server sets: page scripts
 * see the author's name and the session's CSRF token (sent with each write), never the token.
 */
export interface Session {
  author: string;
  csrfToken: string;
}

const PATH = '/auth/session';
const HEADERS = { 'x-graphql-yoga-csrf': '1', 'content-type': 'application/json' };
let current: Session | null = null;
const listeners = new Set<() => void>();

function set(session: Session | null) {
  current = session;
  for (const listener of listeners) listener();
}

export function useSession(): Session | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}

/** The headers a write needs besides the cookie: the session's CSRF token. */
export function sessionHeaders(): Record<string, string> {
  return current ? { 'x-csrf-token': current.csrfToken } : {};
}

/** Asks the server whether the cookie (if any) is a live session. */
export async function loadSession(): Promise<void> {
  const response = await fetch(PATH, { headers: HEADERS, credentials: 'same-origin' });
  const body = (await response.json()) as { author: string | null; csrfToken?: string };
  set(body.author && body.csrfToken ? { author: body.author, csrfToken: body.csrfToken } : null);
}

/** Exchanges a token for a session cookie; resolves to an error message, or null when signed in. */
export async function signIn(token: string): Promise<string | null> {
  const response = await fetch(PATH, {
    method: 'POST',
    headers: HEADERS,
    credentials: 'same-origin',
    body: JSON.stringify({ token: token.trim() }),
  });
  const body = (await response.json()) as { author?: string; csrfToken?: string; error?: string };
  if (!response.ok || !body.author || !body.csrfToken)
    return body.error ?? `HTTP ${response.status}`;
  set({ author: body.author, csrfToken: body.csrfToken });
  return null;
}

export async function signOut(): Promise<void> {
  await fetch(PATH, { method: 'DELETE', headers: HEADERS, credentials: 'same-origin' });
  set(null);
}
