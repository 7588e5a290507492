import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { passOnByShares } from '../node-shares.js';
import type { TraceFlow, Warning } from '../trace-types.js';
import { WAYS } from '../walk.js';
import { passOn } from './pass-on.js';

/** Amounts, small ones often, so that sums come out equal (pool in = pool out) now and then. */
const amount = fc.oneof(fc.bigInt({ min: 0n, max: 3n }), fc.bigInt({ min: 0n, max: 10n ** 14n }));

/** A node (actor 0) with random inflows and outflows and none earmarked, and traced amounts. */
const pooledNode = fc
  .record({
    inflows: fc.array(amount, { maxLength: 8 }),
    outflows: fc.array(amount, { maxLength: 8 }),
    traced: fc.array(amount, { minLength: 16, maxLength: 16 }),
  })
  .map(({ inflows, outflows, traced }) => {
    const flow = (amount: bigint, i: number, source: number, target: number): TraceFlow => ({
      id: i + 1,
      source,
      target,
      amount,
      qualifier: 'EXACT',
      parent: null,
    });
    const target = inflows.map((a, i) => flow(a, i, i + 1, 0));
    const source = outflows.map((a, i) => flow(a, i + inflows.length, 0, 100 + i));
    return { ends: { source, target }, traced: (f: TraceFlow) => traced[f.id - 1] ?? 0n };
  });

describe('passing money on at a node', () => {
  it('without earmarks, the pooled shortcut gives what the general rule gives', () => {
    fc.assert(
      fc.property(pooledNode, fc.constantFrom(...Object.values(WAYS)), (node, way) => {
        const fast: Warning[] = [];
        const general: Warning[] = [];
        const a = passOn(0, node.ends, way, node.traced, (w) => fast.push(w));
        const b = passOnByShares(0, node.ends, way, node.traced, (w) => general.push(w));
        expect([...a]).toEqual([...b]);
        expect(fast).toEqual(general);
      }),
      { numRuns: 2000 },
    );
  });
});
