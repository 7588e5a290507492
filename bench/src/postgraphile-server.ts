/**
 * PostGraphile 4.14.1 in library mode on its own loopback port, as a child process of the bench
 * (so it gets its own event loop, as our server does). The options are those a fair production
 * user would set: no query log, JSON as JSON, non-null set items, RBAC respected, no GraphiQL,
 * a pool as large as ours. Prints "ready <port>" when listening.
 *
 *   DATABASE_URL=… PORT=… tsx src/postgraphile-server.ts
 */
import { createServer } from 'node:http';
import pg from 'pg';
import { postgraphile } from 'postgraphile';

const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.PG_POOL_MAX ?? 10),
});
const handler = postgraphile(pool, ['public', 'bench'], {
  dynamicJson: true,
  setofFunctionsContainNulls: false,
  ignoreRBAC: false,
  disableQueryLog: true,
  graphiql: false,
  enableQueryBatching: false,
  legacyRelations: 'omit',
  retryOnInitFail: false,
  // the default inflection (no simplify plugin): allFlows, actorBySourceId, flowsByTargetId …
});
const server = createServer(handler);
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  console.log(`ready ${typeof address === 'object' && address ? address.port : ''}`);
});
process.on('SIGTERM', () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
