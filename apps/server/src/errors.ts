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

// Expected failures of writes: each class is a member of the mutations' result unions
// (schema/errors.ts), all implementing the `Error` interface.

/** A path into the input, e.g. ["input", "amount", "low"] or, in an import, ["row", "12"]. */
export type FieldPath = (string | number)[];

export interface FieldError {
  path: FieldPath;
  message: string;
}

export class BaseError extends Error {}

/** The input breaks a rule; one entry per problem, each with the path of the field at fault. */
export class ValidationError extends BaseError {
  constructor(
    readonly fieldErrors: FieldError[],
    message = summarise(fieldErrors),
  ) {
    super(message);
  }
}

function summarise(errors: FieldError[]): string {
  const first = errors[0];
  if (!first) return 'Invalid input';
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  return `Invalid input: ${first.path.join('.')}: ${first.message}${more}`;
}

/** An id in the input names no record (or a retracted one). */
export class NotFoundError extends BaseError {
  constructor(
    readonly path: FieldPath,
    readonly id: string,
    readonly typename: string,
  ) {
    super(`${path.join('.')}: no ${typename} with id ${id.slice(0, 80)}`);
  }
}

/** The write would contradict stored data: a key in use, a record still referenced. */
export class ConflictError extends BaseError {
  constructor(
    message: string,
    readonly path: FieldPath = [],
  ) {
    super(message);
  }
}

/** One bad row of an import: 1-based row (the CSV header is row 0), column, reason. */
export interface RowError {
  row: number;
  column: string | null;
  message: string;
}

/** An import rejected whole: every bad row found (up to a limit), none of the file written. */
export class ImportError extends BaseError {
  constructor(
    readonly rowErrors: RowError[],
    readonly errorCount: number = rowErrors.length,
  ) {
    const first = rowErrors[0];
    super(
      first
        ? `The file was rejected: ${errorCount} error${errorCount === 1 ? '' : 's'}; row ${first.row}${first.column ? `, ${first.column}` : ''}: ${first.message}`
        : 'The file was rejected',
    );
  }
}
