import { GraphQLError } from 'graphql';
import { handleStreamOrSingleExecutionResult, type Plugin } from 'graphql-yoga';
import {
  InputError,
  isCancelledStatement,
  NotFoundError,
  TooMuchWorkError,
} from './domain/errors.js';

/**
 * Authorization failures are GraphQL errors, not union members: UNAUTHENTICATED when the request
 * carries no usable token (none, unknown, revoked), FORBIDDEN when the token lacks the scope.
 * The field resolves to null and nothing is written.
 */
export class AuthError extends GraphQLError {
  constructor(code: 'UNAUTHENTICATED' | 'FORBIDDEN', message: string) {
    super(message, { extensions: { code } });
  }
}

/** A BAD_USER_INPUT error, where `at` (the error it replaces) says where in the request. */
export function badUserInput(message: string, argument?: string, at?: GraphQLError) {
  return new GraphQLError(message, {
    nodes: at?.nodes,
    source: at?.source,
    positions: at?.positions,
    path: at?.path,
    extensions: { code: 'BAD_USER_INPUT', ...(argument ? { argument } : {}) },
  });
}

/** A TOO_MUCH_WORK error: the read ran out of time; `narrow` names what makes it smaller. */
function tooMuchWork(message: string, narrow: readonly string[], at?: GraphQLError) {
  return new GraphQLError(message, {
    nodes: at?.nodes,
    source: at?.source,
    positions: at?.positions,
    path: at?.path,
    extensions: { code: 'TOO_MUCH_WORK', narrow },
  });
}

/**
 * The one place domain errors become GraphQL errors (outside the write unions, see
 * schema/errors.ts): bad input in a query argument, or an id there that names no record, is a
 * typed BAD_USER_INPUT error that Yoga passes through unmasked, so clients learn what to fix
 * without seeing internals. Anything else stays as it is (unexpected errors are masked).
 */
export function toGraphQLError(error: GraphQLError): GraphQLError {
  // graphql-js passes an error with a `path` array (a NotFoundError) on as if it were located.
  const at = error instanceof GraphQLError ? error : undefined;
  const original: unknown = at ? at.originalError : error;
  if (original instanceof InputError) return badUserInput(original.message, original.argument, at);
  if (original instanceof NotFoundError) {
    return badUserInput(original.message, String(original.path[0] ?? ''), at);
  }
  if (original instanceof TooMuchWorkError)
    return tooMuchWork(original.message, original.narrow, at);
  if (isCancelledStatement(original)) {
    return tooMuchWork(
      'This request took too long for the database; ask for less at once.',
      [],
      at,
    );
  }
  return error;
}

/** Maps the errors of every result (each event of a subscription too) by toGraphQLError. */
export function domainErrorsPlugin(): Plugin {
  return {
    onExecute: () => ({
      onExecuteDone: (payload) =>
        handleStreamOrSingleExecutionResult(payload, ({ result, setResult }) => {
          if (result.errors?.length) {
            setResult({ ...result, errors: result.errors.map(toGraphQLError) });
          }
        }),
    }),
  };
}
