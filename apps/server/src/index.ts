import { createApp } from './app.js';
import { readConfig } from './config.js';
import { shutDown } from './shutdown.js';
import { hurryRunningWork } from './trace/steps.js';

const config = readConfig();
const app = await createApp(config);
const { server, logger } = app;
server.listen(config.port, config.host, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info(
    {
      port,
      host: config.host,
      database: config.databaseUrl ? 'postgresql' : `pglite:${config.pgliteDir}`,
      seeded: app.seeded,
    },
    `fundtrace listening: GraphQL http://localhost:${port}/graphql, explorer http://localhost:${port}/`,
  );
});
app.metricsServer?.listen(config.metricsPort, config.metricsHost, () => {
  const address = app.metricsServer?.address();
  const metricsPort = typeof address === 'object' && address ? address.port : config.metricsPort;
  logger.info({ metricsPort }, `metrics on http://${config.metricsHost}:${metricsPort}/metrics`);
});

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    shutDown(server, {
      timeoutMs: config.shutdownTimeoutMs,
      logger,
      close: async () => {
        app.metricsServer?.close();
        await app.close();
      },
      endStreams: () => {
        app.endStreams();
        // Heavy work in flight (a national trace) ends well within the deadline, answered with
        // TOO_MUCH_WORK, so that the pool can close before the process exits.
        hurryRunningWork(config.shutdownTimeoutMs / 4);
      },
    }).then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
