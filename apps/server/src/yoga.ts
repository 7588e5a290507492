import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createYoga } from 'graphql-yoga';
import type { Kysely } from 'kysely';
import { createContext } from './context.js';
import type { Database } from './db/database.js';
import { queryLimitPlugins } from './request-guards.js';
import { schema } from './schema/index.js';

type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export function createYogaServer(
  db: Kysely<Database>,
  options: { logLevel?: string; production?: boolean } = {},
) {
  const logLevel = options.logLevel ?? 'warn';
  return createYoga({
    schema,
    context: () => createContext(db),
    graphiql: { title: 'fundtrace GraphQL' },
    // GraphiQL bundled with the server: it works offline, with no CDN.
    renderGraphiQL,
    // Unexpected errors are masked; typed GraphQLErrors (bad input) pass through.
    maskedErrors: true,
    landingPage: false,
    plugins: queryLimitPlugins(options.production ?? false),
    logging: (['debug', 'info', 'warn', 'error'].includes(logLevel)
      ? logLevel
      : 'info') as LogLevel,
  });
}
