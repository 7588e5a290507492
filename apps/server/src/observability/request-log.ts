import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';

/** What the access log says about one request; the GraphQL layer fills in the operation. */
export interface RequestInfo {
  id: string;
  operationName?: string | undefined;
  operationType?: string | undefined;
}

const infos = new WeakMap<IncomingMessage, RequestInfo>();

export const requestInfo = (req: IncomingMessage | undefined) => (req ? infos.get(req) : undefined);

/** An incoming id is kept when it is short and plain (it goes into logs and a header). */
const PLAIN_ID = /^[\w.:@/+=-]{1,128}$/;

/** Probes and scrapes are frequent and say little: they are logged at debug level only. */
const QUIET = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * Gives every request an id (the caller's x-request-id when plain, else a new UUID), echoes it
 * in the response and logs one JSON line when the response ends: method, path (never the query
 * string, which may carry GraphQL variables), status, time, and the operation's name and type.
 */
export function withRequestLog(
  logger: Logger,
  handler: (req: IncomingMessage, res: ServerResponse) => void,
) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const incoming = req.headers['x-request-id'];
    const id = typeof incoming === 'string' && PLAIN_ID.test(incoming) ? incoming : randomUUID();
    const info: RequestInfo = { id };
    infos.set(req, info);
    res.setHeader('x-request-id', id);
    const start = process.hrtime.bigint();
    res.once('close', () => {
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      const entry = {
        reqId: id,
        method: req.method,
        path,
        status: res.statusCode,
        ms: Math.round(Number(process.hrtime.bigint() - start) / 1e4) / 100,
        operationName: info.operationName,
        operationType: info.operationType,
        // The client went away, or the server cut the response short.
        aborted: res.writableFinished ? undefined : true,
      };
      if (res.statusCode >= 500) logger.error(entry, 'request failed');
      else if (QUIET.has(path)) logger.debug(entry, 'request');
      else logger.info(entry, 'request');
    });
    handler(req, res);
  };
}

/** Tells the access log which operation a request ran (the name only: never variables). */
export const operationLogPlugin: Plugin = {
  onExecute({ args }) {
    const info = requestInfo((args.contextValue as { req?: IncomingMessage }).req);
    if (!info) return;
    const operation = getOperationAST(args.document, args.operationName);
    info.operationName = operation?.name?.value ?? info.operationName;
    info.operationType = operation?.operation;
  },
};
