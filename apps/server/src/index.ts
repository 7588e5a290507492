import { createApp } from './app.js';
import { readConfig } from './config.js';
import { shutDown } from './shutdown.js';

const config = readConfig();
const app = await createApp(config);
const { server, logger } = app;
server.listen(config.port, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info(
    {
      port,
      database: config.databaseUrl ? 'postgresql' : `pglite:${config.pgliteDir}`,
      seeded: app.seeded,
    },
    `fundtrace listening: GraphQL http://localhost:${port}/graphql, explorer http://localhost:${port}/`,
  );
});

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    shutDown(server, {
      timeoutMs: config.shutdownTimeoutMs,
      logger,
      close: () => app.close(),
      endStreams: () => app.endStreams(),
    }).then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
