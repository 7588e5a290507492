import { builder } from '../builder.js';
import { InputError } from '../domain/errors.js';

// Shared by importDataset and importDocument (uploads).

export const FileScalar = builder.scalarType('File', {
  description: 'A file sent as a part of a GraphQL multipart request (input only).',
  serialize: () => {
    throw new Error('File is an input type only');
  },
  parseValue: (value) => {
    if (isFile(value)) return value;
    throw new InputError('expected a file sent as a multipart upload', 'file');
  },
});

/** Yoga's multipart parser may give its own File class (a ponyfill): duck-typed. */
export function isFile(value: unknown): value is File {
  const v = value as Partial<File> | null;
  return typeof v?.stream === 'function' && typeof v.size === 'number';
}
