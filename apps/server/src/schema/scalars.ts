import { amountDecimal, Decimal } from '@fundtrace/schema/money';
import { Kind } from 'graphql';
import { builder } from '../builder.js';
import { badUserInput } from '../graphql-errors.js';

function parseDecimal(value: unknown): string {
  if (typeof value !== 'string') throw badUserInput('Decimal must be a string, e.g. "4880000000"');
  try {
    // every Decimal input is an amount or a figure: below MAX_AMOUNT
    return amountDecimal(value).toFixed();
  } catch (error) {
    throw badUserInput(`Invalid Decimal "${value.slice(0, 40)}": ${(error as Error).message}`);
  }
}

builder.scalarType('Decimal', {
  description: 'An exact decimal as a string, e.g. "4880000000". Never a float.',
  // numeric columns come back padded to their scale ("14.7000"): print the canonical form.
  serialize: (value) => new Decimal(String(value)).toFixed(),
  parseValue: parseDecimal,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw badUserInput('Decimal literals must be strings');
    return parseDecimal(ast.value);
  },
});
