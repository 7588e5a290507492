import { GraphQLError } from 'graphql';
import { CombinedError } from 'urql';
import { describe, expect, it } from 'vitest';
import { errorKind, tooMuchWork } from './status';

describe('tooMuchWork', () => {
  it('gives the message of a TOO_MUCH_WORK error (what to narrow), and nothing otherwise', () => {
    const message = 'These totals have more than 5,000 rows; narrow them: filter by a year.';
    const heavy = new CombinedError({
      graphQLErrors: [new GraphQLError(message, { extensions: { code: 'TOO_MUCH_WORK' } })],
    });
    expect(tooMuchWork(heavy)).toBe(message);
    expect(errorKind(heavy)).toBe('server');
    const other = new CombinedError({ graphQLErrors: [new GraphQLError('Unexpected error.')] });
    expect(tooMuchWork(other)).toBeNull();
    expect(tooMuchWork(new Error('network'))).toBeNull();
  });
});
