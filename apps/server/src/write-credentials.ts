import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Kysely } from 'kysely';
import type { Context } from './context.js';
import type { Database } from './db/database.js';
import { requestCredentials } from './session-http.js';

/**
 * Reads are public and never look a token up (a read costs no token query, whatever header it
 * carries); a mutation's bearer token (or session cookie) is looked up once, just before it
 * executes, and its credentials replace the anonymous ones of the context.
 */
export function writeCredentialsPlugin(
  db: Kysely<Database>,
  adminToken: string | undefined,
): Plugin<Context> {
  return {
    async onExecute({ args, extendContext }) {
      if (getOperationAST(args.document, args.operationName)?.operation !== 'mutation') return;
      const { request } = args.contextValue as { request: Request };
      extendContext({ credentials: await requestCredentials(db, request, adminToken) });
    },
  };
}
