import { Client, cacheExchange, fetchExchange } from 'urql';
import { prefetchExchange } from './lib/prefetch-exchange';

// Same origin: the server serves the built explorer, and Vite's dev server proxies /graphql.
// Exchange order is cache -> (auth, when mutations arrive) -> prefetched answers -> fetch.
export const client = new Client({
  url: '/graphql',
  exchanges: [cacheExchange, prefetchExchange, fetchExchange],
});
