import { Client, cacheExchange, fetchExchange } from 'urql';
import { prefetchExchange } from './lib/prefetch-exchange';

// Same origin: the server serves the built explorer, and Vite's dev server proxies /graphql.
// Exchange order is cache -> (auth, when mutations arrive) -> prefetched answers -> fetch.
export const client = new Client({
  url: '/graphql',
  // The server's CSRF prevention refuses requests a browser sends without a preflight (urql
  // sends short queries as GET) unless they carry this header, which cross-site pages cannot add.
  fetchOptions: { headers: { 'x-graphql-yoga-csrf': '1' } },
  exchanges: [cacheExchange, prefetchExchange, fetchExchange],
});
