import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A loopback TCP proxy in front of PostgreSQL that a test cuts and restores, to play a database
 * that goes away and comes back without touching the real one.
 */
export async function startTcpProxy(target: { host: string; port: number }) {
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let port = 0;

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = createServer((client) => {
        const upstream = connectUpstream(client);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          // A reset on one side closes the other; neither may throw.
          socket.on('error', () => {});
        }
      });
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => {
        port = (s.address() as { port: number }).port;
        server = s;
        resolve();
      });
    });

  function connectUpstream(client: Socket): Socket {
    const upstream = connect(target.port, target.host);
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    return upstream;
  }

  /** Drops every open connection (both sides see a reset); new ones are still accepted. */
  function dropConnections() {
    for (const socket of sockets) socket.destroy();
  }

  await listen();
  return {
    get port() {
      return port;
    },
    dropConnections,
    /** The database is gone: open connections drop and new ones are refused. */
    async cut() {
      const s = server;
      server = null;
      dropConnections();
      if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
    },
    /** The database is back, on the same port. */
    restore: listen,
    async close() {
      dropConnections();
      const s = server;
      server = null;
      if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
    },
  };
}
