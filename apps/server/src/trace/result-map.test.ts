import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ResultMap } from './result-map.js';

/** Distinct ids, close together (a typed array) or far apart (a Map), negative ones too. */
const ids = fc.oneof(
  fc.uniqueArray(fc.integer({ min: -50, max: 500 }), { maxLength: 60 }),
  fc.uniqueArray(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { maxLength: 60 }),
);

describe('a trace result by id', () => {
  it('answers as a Map of the same entries, whether its ids are dense or sparse', () => {
    fc.assert(
      fc.property(
        ids,
        fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 })),
        (keys, probes) => {
          const values = keys.map((id) => ({ id }));
          const map = new Map(keys.map((id, k) => [id, values[k]]));
          const results = new ResultMap(keys, values);
          expect([...results]).toEqual([...map]);
          expect([...results.keys()]).toEqual([...map.keys()]);
          expect(results.size).toBe(map.size);
          for (const id of [...keys, ...probes, 0, -1]) {
            expect(results.get(id)).toBe(map.get(id));
            expect(results.has(id)).toBe(map.has(id));
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
