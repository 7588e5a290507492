import { Client, cacheExchange, fetchExchange } from 'urql';

// Same origin: the server serves the built explorer, and Vite's dev server proxies /graphql.
// Exchange order is cache -> (auth, when mutations arrive) -> fetch.
export const client = new Client({
  url: '/graphql',
  exchanges: [cacheExchange, fetchExchange],
});
