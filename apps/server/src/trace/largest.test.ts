import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drain } from './steps.js';
import { largest } from './units.js';

describe('the largest items of a trace', () => {
  it('are the first k of a stable sort, largest first, for any amounts and any k', () => {
    fc.assert(
      fc.property(
        // few distinct amounts, so that ties are common; rising runs, the splice's worst case
        fc.array(fc.bigInt({ min: 0n, max: 6n }), { maxLength: 300 }),
        fc.integer({ min: 0, max: 320 }),
        fc.boolean(),
        (amounts, k, rising) => {
          const items = (
            rising ? [...amounts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)) : amounts
          ).map((amount, at) => ({ amount, at }));
          const sorted = [...items].sort((a, b) =>
            b.amount > a.amount ? 1 : b.amount < a.amount ? -1 : 0,
          );
          expect(drain(largest(items, k, (x) => x.amount))).toEqual(
            sorted.slice(0, Math.max(0, k)),
          );
        },
      ),
      { numRuns: 1000 },
    );
  });
});
