import { createYoga } from 'graphql-yoga';
import type { Kysely } from 'kysely';
import { createContext } from './context.js';
import type { Database } from './db/database.js';
import { schema } from './schema/index.js';

export function createYogaServer(db: Kysely<Database>) {
  return createYoga({
    schema,
    context: () => createContext(db),
    graphiql: { title: 'fundtrace GraphQL' },
    // Unexpected errors are masked; typed GraphQLErrors (bad input) pass through.
    maskedErrors: true,
    landingPage: false,
  });
}
