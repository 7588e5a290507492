import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/database.js';
import { BaseError, ConflictError, ValidationError } from '../errors.js';

interface DbError {
  code?: string;
  constraint?: string;
  message?: string;
}

/**
 * Constraint violations the checks before a write did not foresee (a concurrent write, a rule
 * only the database states) become typed errors; anything else stays unexpected (masked).
 */
export function mapDbError(error: unknown): unknown {
  if (error instanceof BaseError || !(error instanceof Error)) return error;
  const e = error as DbError;
  switch (e.code) {
    case '23505':
      return new ConflictError(
        `A record with the same ${e.constraint?.includes('key') ? 'key' : 'identity'} exists`,
        ['input', 'key'],
      );
    case '23503':
      return new ConflictError(
        'The write refers to a record that no longer exists, or is still referenced',
      );
    case '23514':
      return new ValidationError([
        {
          path: ['input'],
          message: `breaks the rule ${e.constraint ?? ''}: ${e.message ?? ''}`.trim(),
        },
      ]);
    case '22003':
      return new ValidationError([{ path: ['input'], message: 'a number is out of range' }]);
    default:
      return error;
  }
}

/** One write, in one transaction: a typed error rolls everything back. */
export async function inTransaction<T>(
  db: Kysely<Database>,
  fn: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  try {
    return await db.transaction().execute(fn);
  } catch (error) {
    throw mapDbError(error);
  }
}
