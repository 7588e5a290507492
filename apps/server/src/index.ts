import { createApp } from './app.js';
import { readConfig } from './config.js';

const config = readConfig();
const { server, db, seeded } = await createApp(config);
server.listen(config.port, () => {
  const where = config.databaseUrl ? 'PostgreSQL' : `PGlite at ${config.pgliteDir}`;
  console.log(`fundtrace on ${where}${seeded ? ' (seeded)' : ''}`);
  console.log(
    `GraphQL: http://localhost:${config.port}/graphql  Explorer: http://localhost:${config.port}/`,
  );
});

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    server.close(() => void db.destroy().then(() => process.exit(0)));
  });
}
