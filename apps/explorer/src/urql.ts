import { Client, cacheExchange, fetchExchange } from 'urql';
import { sessionHeaders } from './curate/session';
import { liveExchange, refreshOnFlowRecorded } from './lib/live-exchange';
import { prefetchExchange } from './lib/prefetch-exchange';

const live = liveExchange();

/** A query that hangs shows an error with a retry, never an endless "Loading…". */
const REQUEST_TIMEOUT_MS = 30_000;

/** fetch with a deadline for queries; the live subscription stream stays open. */
function fetchWithDeadline(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const text = typeof init?.body === 'string' ? init.body : decodeURIComponent(String(input));
  if (/"subscription[\s{(]|query=subscription[\s{(+]/.test(text)) return fetch(input, init);
  const deadline = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
  const signal = init?.signal ? AbortSignal.any([init.signal, deadline]) : deadline;
  return fetch(input, { ...init, signal });
}

// Same origin: the server serves the built explorer, and Vite's dev server proxies /graphql.
// Exchange order is live (tracks every open query, cached ones too) -> cache -> prefetched
// answers -> fetch.
export const client = new Client({
  url: '/graphql',
  // The server's CSRF prevention refuses requests a browser sends without a preflight (urql
  // sends short queries as GET) unless they carry this header, which cross-site pages cannot add.
  // A signed-in curator's writes also carry the session's CSRF token (curate/session.ts).
  fetchOptions: () => ({ headers: { 'x-graphql-yoga-csrf': '1', ...sessionHeaders() } }),
  // flowRecorded arrives over SSE through the same fetch.
  fetchSubscriptions: true,
  fetch: fetchWithDeadline,
  exchanges: [live.exchange, cacheExchange, prefetchExchange, fetchExchange],
});

/** Redraws the open views when flows are recorded or imported anywhere. */
export const startLiveUpdates = () => refreshOnFlowRecorded(client, live.refresh);
