import type { Server } from 'node:http';
import type { Logger } from 'pino';

/**
 * Stops accepting connections, lets in-flight requests finish for at most `timeoutMs`, then cuts
 * whatever is left (long subscriptions, stalled clients) and runs `close` (the pool). Resolves
 * with whether every request finished in time.
 */
export async function shutDown(
  server: Server,
  options: {
    timeoutMs: number;
    logger: Logger;
    close: () => Promise<void>;
    /** Ends requests that never finish by themselves (event streams), once accepting stops. */
    endStreams?: () => void;
  },
): Promise<boolean> {
  const { timeoutMs, logger, close, endStreams } = options;
  const started = Date.now();
  logger.info({ timeoutMs }, 'shutting down: no new connections, finishing requests');
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  endStreams?.();
  // Keep-alive connections with no request in flight would hold the server open until their
  // keep-alive timeout; the ones that finish a request while draining become idle later.
  server.closeIdleConnections();
  const sweep = setInterval(() => server.closeIdleConnections(), 100);
  let timer: NodeJS.Timeout | undefined;
  const drained = await Promise.race([
    closed.then(() => true),
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    }),
  ]);
  clearTimeout(timer);
  clearInterval(sweep);
  if (!drained) {
    logger.warn({ timeoutMs }, 'requests still running at the deadline: closing their connections');
    server.closeAllConnections();
    await closed;
  }
  await close();
  logger.info({ ms: Date.now() - started, drained }, 'shut down');
  return drained;
}
