import { builder } from '../builder.js';
import {
  BaseError,
  ConflictError,
  type FieldError,
  ImportError,
  NotFoundError,
  type RowError,
  ValidationError,
} from '../domain/errors.js';

/**
 * Expected failures of writes, as members of each mutation's result union. Clients select
 * `... on Error { message }` and the fields of the members they handle.
 */
export const ErrorInterface = builder.interfaceType(BaseError, {
  name: 'Error',
  description: 'An expected failure of a write: nothing was written.',
  fields: (t) => ({ message: t.exposeString('message') }),
});

const path = (p: (string | number)[]) => p.map(String);

const FieldErrorType = builder.objectRef<FieldError>('FieldError').implement({
  description: 'One problem with one input field.',
  fields: (t) => ({
    path: t.stringList({
      description: 'Path of the field in the arguments, e.g. ["input", "amount", "low"].',
      resolve: (e) => path(e.path),
    }),
    message: t.exposeString('message'),
  }),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  description: 'The input breaks a rule; one entry per problem, with the path of the field.',
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof ValidationError,
  fields: (t) => ({
    fieldErrors: t.field({ type: [FieldErrorType], resolve: (e) => e.fieldErrors }),
  }),
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  description: 'An id in the input names no record (or a retracted one).',
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof NotFoundError,
  fields: (t) => ({
    path: t.stringList({ resolve: (e) => path(e.path) }),
    id: t.exposeString('id', { description: 'The id (or code, or key) that was not found.' }),
    typename: t.exposeString('typename', { description: 'What kind of record was looked for.' }),
  }),
});

builder.objectType(ConflictError, {
  name: 'ConflictError',
  description:
    'The write contradicts stored data: a key in use, a record still referenced, or an update based on a revision the record has moved on from.',
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof ConflictError,
  fields: (t) => ({
    path: t.stringList({ resolve: (e) => path(e.path) }),
    currentRevision: t.id({
      nullable: true,
      description:
        'For an update based on a stale revision (path ["input", "expectedRevision"]): the revision the record is at now.',
      resolve: (e) => e.currentRevision,
    }),
  }),
});

const RowErrorType = builder.objectRef<RowError>('RowError').implement({
  description: 'One problem in one row of an imported file.',
  fields: (t) => ({
    row: t.exposeInt('row', {
      description:
        'CSV: the data row, 1 for the first row under the header. JSON: 1 for the first element.',
    }),
    column: t.exposeString('column', {
      nullable: true,
      description: 'The column (CSV) or field path (JSON), when one is at fault.',
    }),
    message: t.exposeString('message'),
  }),
});

builder.objectType(ImportError, {
  name: 'ImportError',
  description: 'The file was rejected whole: nothing of it was written.',
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof ImportError,
  fields: (t) => ({
    rowErrors: t.field({
      type: [RowErrorType],
      description: 'The problems found, in row order (at most 1,000).',
      resolve: (e) => e.rowErrors,
    }),
    errorCount: t.exposeInt('errorCount', { description: 'All problems found.' }),
  }),
});

/** The typed errors every write can return. */
export const WRITE_ERRORS = [ValidationError, NotFoundError, ConflictError];
