import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createYoga } from 'graphql-yoga';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { authenticate } from './auth/tokens.js';
import { responseCachePlugin } from './cache/response-cache.js';
import { DEFAULT_MAX_BODY_BYTES } from './config.js';
import { createContext } from './context.js';
import type { Database } from './db/database.js';
import { corsOptions, type HardeningOptions, hardeningPlugins } from './hardening.js';
import { createEvents, type Events } from './mutations/events.js';
import { yogaLogger } from './observability/logger.js';
import { queryLimitPlugins } from './request-guards.js';
import { schema } from './schema/index.js';

type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface YogaOptions extends HardeningOptions {
  logLevel?: string;
  production?: boolean;
  /** NODE_ENV=development: masked errors carry the original error (never otherwise). */
  development?: boolean;
  /** "Did you mean …?" in validation errors; off in production unless asked for. */
  fieldSuggestions?: boolean;
  /** Yoga's own messages (a masked error's cause) go here; by default to the console. */
  logger?: Logger;
  /** Bearer token with every scope (ADMIN_TOKEN); ignored when empty. */
  adminToken?: string | undefined;
  maxBodyBytes?: number;
  /** PostgreSQL connection string: subscribers hear flows recorded by every server. */
  databaseUrl?: string | undefined;
  /** Flow events; by default made from databaseUrl (the caller closes what it passes). */
  events?: Events;
}

export function createYogaServer(db: Kysely<Database>, options: YogaOptions = {}) {
  const logLevel = options.logLevel ?? 'warn';
  const events = options.events ?? createEvents(options.databaseUrl);
  return createYoga({
    schema,
    // Reads are public: without an Authorization header no token is looked up.
    context: async ({ request }) =>
      createContext(
        db,
        await authenticate(db, request.headers.get('authorization'), options.adminToken),
        events,
      ),
    graphiql: { title: 'fundtrace GraphQL' },
    // GraphiQL bundled with the server: it works offline, with no CDN.
    renderGraphiQL,
    // Unexpected errors are masked; typed GraphQLErrors (bad input) pass through.
    maskedErrors: { isDev: options.development ?? false },
    cors: corsOptions(options.corsOrigins),
    landingPage: false,
    // Larger bodies get 413 (code REQUEST_ENTITY_TOO_LARGE), counted while read when chunked.
    maxRequestBodySize: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    plugins: [
      ...queryLimitPlugins(!(options.fieldSuggestions ?? !options.production)),
      ...hardeningPlugins(options),
      // last: its onExecute must run after the rate limiter's (see cache/response-cache.ts)
      responseCachePlugin(db, { databaseUrl: options.databaseUrl, registry: options.metrics }),
    ],
    logging: options.logger
      ? yogaLogger(options.logger)
      : ((['debug', 'info', 'warn', 'error'].includes(logLevel) ? logLevel : 'info') as LogLevel),
  });
}
