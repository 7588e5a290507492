import { Client, cacheExchange, fetchExchange } from 'urql';
import { liveExchange, refreshOnFlowRecorded } from './lib/live-exchange';
import { prefetchExchange } from './lib/prefetch-exchange';

const live = liveExchange();

// Same origin: the server serves the built explorer, and Vite's dev server proxies /graphql.
// Exchange order is live (tracks every open query, cached ones too) -> cache -> prefetched
// answers -> fetch.
export const client = new Client({
  url: '/graphql',
  // The server's CSRF prevention refuses requests a browser sends without a preflight (urql
  // sends short queries as GET) unless they carry this header, which cross-site pages cannot add.
  fetchOptions: { headers: { 'x-graphql-yoga-csrf': '1' } },
  // flowRecorded arrives over SSE through the same fetch.
  fetchSubscriptions: true,
  exchanges: [live.exchange, cacheExchange, prefetchExchange, fetchExchange],
});

/** Redraws the open views when flows are recorded or imported anywhere. */
export const startLiveUpdates = () => refreshOnFlowRecorded(client, live.refresh);
