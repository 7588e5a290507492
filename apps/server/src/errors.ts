import { GraphQLError } from 'graphql';

/**
 * Bad input in a query argument: a typed GraphQL error (code BAD_USER_INPUT) that Yoga passes
 * through unmasked, so clients learn what to fix without seeing internals.
 */
export class InputError extends GraphQLError {
  constructor(message: string, argument?: string) {
    super(message, { extensions: { code: 'BAD_USER_INPUT', ...(argument ? { argument } : {}) } });
  }
}
