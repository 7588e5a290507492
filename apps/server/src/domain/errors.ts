/**
 * The domain's errors: plain classes, thrown by the rules, the writes and the queries. The
 * GraphQL edge maps them once (graphql-errors.ts): the write errors are members of the
 * mutations' result unions (schema/errors.ts); an InputError, or a NotFoundError a query meets,
 * is a BAD_USER_INPUT error; the CLI and the export endpoint print their messages.
 */

/** Bad input in a query argument (a filter, a page size, an id): `argument` names it. */
export class InputError extends Error {
  constructor(
    message: string,
    readonly argument?: string,
  ) {
    super(message);
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

/**
 * The write would contradict stored data: a key in use, a record still referenced, or an update
 * based on a revision the record has moved on from (then `currentRevision` is the one it is at).
 */
export class ConflictError extends BaseError {
  constructor(
    message: string,
    readonly path: FieldPath = [],
    readonly currentRevision: string | null = null,
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

/** Errors the caller's arguments caused (a bad filter, an id naming nothing): refused, not masked. */
export function isBadArgument(error: unknown): error is InputError | NotFoundError {
  return error instanceof InputError || error instanceof NotFoundError;
}

/**
 * A read would take longer than its deadline (its own, or the database's statement timeout):
 * refused, not masked; `narrow` names the arguments that make it smaller.
 */
export class TooMuchWorkError extends Error {
  constructor(
    message: string,
    readonly narrow: readonly string[] = [],
  ) {
    super(message);
  }
}

/** PostgreSQL cancelled the statement (its statement timeout, or a cancel request). */
export function isCancelledStatement(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '57014';
}
