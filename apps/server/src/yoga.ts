import type { DocumentNode } from 'graphql';
import { createYoga } from 'graphql-yoga';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { bodyLimitPlugin } from './body-limits.js';
import { responseCachePlugin } from './cache/response-cache.js';
import { DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_UPLOAD_BYTES } from './config.js';
import { createContext } from './context.js';
import type { Database } from './db/database.js';
import { graphiqlPlugin } from './graphiql.js';
import { domainErrorsPlugin } from './graphql-errors.js';
import { corsOptions, type HardeningOptions, hardeningPlugins } from './hardening.js';
import { createEvents, type Events } from './mutations/events.js';
import { yogaLogger } from './observability/logger.js';
import { queryLimitPlugins } from './request-guards.js';
import { compiledReadsPlugin } from './schema/compiled/plugin.js';
import { schema } from './schema/index.js';
import { readScopes } from './schema/read-scopes.js';
import { sessionPlugin } from './session-http.js';
import {
  DEFAULT_SUBSCRIPTION_LIMITS,
  type SubscriptionLimits,
  subscriptionLimitPlugin,
} from './subscription-limits.js';
import { writeCredentialsPlugin } from './write-credentials.js';

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
  /** A multipart request (file upload) may be this large. */
  maxUploadBytes?: number;
  /** PostgreSQL connection string: subscribers hear flows recorded by every server. */
  databaseUrl?: string | undefined;
  /** Flow events; by default made from databaseUrl (the caller closes what it passes). */
  events?: Events;
  /** Open subscriptions per client and in total (SUBSCRIPTIONS_PER_CLIENT, SUBSCRIPTIONS_MAX). */
  subscriptions?: SubscriptionLimits;
  /** How long a trace may compute (TRACE_TIMEOUT_MS); 20 s by default. */
  traceTimeoutMs?: number;
  /** Rows one `totals` answer may hold (MAX_TOTAL_ROWS); 5,000 by default. */
  maxTotalRows?: number;
  /**
   * Pages of flows answered by one statement that builds their JSON (schema/compiled); on
   * unless COMPILED_READS=off. `onCompiled` hears each request answered so (tests).
   */
  compiledReads?: boolean;
  onCompiled?: (document: DocumentNode) => void;
}

export function createYogaServer(db: Kysely<Database>, options: YogaOptions = {}) {
  const logLevel = options.logLevel ?? 'warn';
  const events = options.events ?? createEvents(options.databaseUrl);
  // Larger bodies get 413 (code REQUEST_ENTITY_TOO_LARGE), counted while read when chunked.
  const limits = {
    body: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    upload: options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES,
  };
  return createYoga({
    schema,
    // Reads are public and anonymous; a mutation's token is looked up by writeCredentialsPlugin.
    context: () =>
      createContext(db, undefined, events, options.traceTimeoutMs, options.maxTotalRows),
    // Yoga's own GraphiQL sends 9 MB uncompressed: graphiqlPlugin serves it, where it can work.
    graphiql: false,
    // Unexpected errors are masked; typed GraphQLErrors (bad input) pass through.
    maskedErrors: { isDev: options.development ?? false },
    cors: corsOptions(options.corsOrigins),
    landingPage: false,
    // bodyLimitPlugin holds each kind of request to its own limit, counting a body only when it
    // comes without a length (Yoga's own limit would wrap every body in one more stream).
    maxRequestBodySize: false,
    plugins: [
      sessionPlugin(db, options.adminToken),
      bodyLimitPlugin(limits),
      ...(options.introspection === false ? [] : [graphiqlPlugin()]),
      domainErrorsPlugin(),
      ...queryLimitPlugins(!(options.fieldSuggestions ?? !options.production)),
      ...hardeningPlugins(options),
      subscriptionLimitPlugin(options.subscriptions ?? DEFAULT_SUBSCRIPTION_LIMITS),
      writeCredentialsPlugin(db, options.adminToken),
      ...((options.compiledReads ?? process.env.COMPILED_READS !== 'off')
        ? [compiledReadsPlugin(options.onCompiled)]
        : []),
      // last: its onExecute must run after the rate limiter's (see cache/response-cache.ts)
      responseCachePlugin(db, {
        databaseUrl: options.databaseUrl,
        registry: options.metrics,
        scopesOf: readScopes,
      }),
    ],
    logging: options.logger
      ? yogaLogger(options.logger)
      : ((['debug', 'info', 'warn', 'error'].includes(logLevel) ? logLevel : 'info') as LogLevel),
  });
}
