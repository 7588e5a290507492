import { Decimal, decimal } from '@fundtrace/schema/money';
import { Kind } from 'graphql';
import { builder } from '../builder.js';
import { InputError } from '../errors.js';

function parseDecimal(value: unknown): string {
  if (typeof value !== 'string')
    throw new InputError('Decimal must be a string, e.g. "4880000000"');
  try {
    return decimal(value).toFixed();
  } catch (error) {
    throw new InputError(`Invalid Decimal "${value.slice(0, 40)}": ${(error as Error).message}`);
  }
}

builder.scalarType('Decimal', {
  description: 'An exact decimal as a string, e.g. "4880000000". Never a float.',
  // numeric columns come back padded to their scale ("14.7000"): print the canonical form.
  serialize: (value) => new Decimal(String(value)).toFixed(),
  parseValue: parseDecimal,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new InputError('Decimal literals must be strings');
    return parseDecimal(ast.value);
  },
});
