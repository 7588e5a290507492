import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { trace as reference } from './oracle/propagate.js';
import { trace } from './propagate.js';
import type { Qualifier, TraceFlow, TraceInput, TraceResult } from './trace-types.js';

const QUALIFIERS: Qualifier[] = ['EXACT', 'EXACT', 'AT_LEAST', 'AT_MOST', 'APPROXIMATE'];

/** Random flows over a few actors: cycles, parallel flows, zero amounts, earmarks (some bad). */
const flows = fc
  .array(
    fc.record({
      source: fc.integer({ min: 1, max: 8 }),
      target: fc.integer({ min: 1, max: 8 }),
      amount: fc.oneof(fc.bigInt({ min: 0n, max: 5n }), fc.bigInt({ min: 0n, max: 10n ** 15n })),
      qualifier: fc.constantFrom(...QUALIFIERS),
      parentPick: fc.option(fc.nat(40), { nil: undefined, freq: 3 }),
      pooled: fc.boolean(),
    }),
    { minLength: 1, maxLength: 30 },
  )
  .map((raw) =>
    raw.map((r, k): TraceFlow => {
      // ids out of order, and negative ones as pooled pairs have; a parent may name any flow
      const id = r.pooled ? -(k + 1) : 1000 - k * 7;
      const parent = r.parentPick === undefined || r.pooled ? null : 1000 - (r.parentPick % 30) * 7;
      return {
        id,
        source: r.source,
        target: r.target,
        amount: r.amount,
        qualifier: r.qualifier,
        parent,
      };
    }),
  );

const input = fc
  .record({
    flows,
    origin: fc.integer({ min: 1, max: 9 }),
    direction: fc.constantFrom('DOWNSTREAM' as const, 'UPSTREAM' as const),
    maxDepth: fc.integer({ min: 1, max: 12 }),
    oneSeed: fc.option(fc.nat(29), { nil: undefined }),
    // actor ids far apart, as a trace of a few flows in a large database has them
    spread: fc.constantFrom(1, 1_000_003),
  })
  .map(({ flows: given, origin: o, direction, maxDepth, oneSeed, spread }): TraceInput => {
    const flows = given.map((f) => ({
      ...f,
      source: f.source * spread,
      target: f.target * spread,
    }));
    const origin = o * spread;
    const leaving = flows.filter(
      (f) => (direction === 'DOWNSTREAM' ? f.source : f.target) === origin,
    );
    const seed = oneSeed === undefined ? undefined : leaving[oneSeed % Math.max(1, leaving.length)];
    const seeds = oneSeed === undefined ? leaving.map((f) => f.id) : seed ? [seed.id] : [];
    return { flows, origin, direction, maxDepth, seeds };
  });

/** Everything a result holds, in the order it holds it. */
const whole = (r: TraceResult) => ({
  total: r.total,
  qualifier: r.qualifier,
  nodes: [...r.nodes],
  links: [...r.links],
  residuals: r.residuals,
  warnings: r.warnings,
});

/** A flow from the origin to itself, the origin's only seed. */
const selfLoop: TraceInput = {
  flows: [{ id: 1, source: 1, target: 1, amount: 5n, qualifier: 'EXACT', parent: null }],
  origin: 1,
  direction: 'DOWNSTREAM',
  maxDepth: 1,
  seeds: [1],
};

describe('the trace over typed arrays', () => {
  it('gives what the readable rule gives, in the same order, on any graph', () => {
    fc.assert(
      fc.property(input, (i) => {
        expect(whole(trace(i))).toEqual(whole(reference(i)));
      }),
      { numRuns: 3000, examples: [[selfLoop]] },
    );
  });
});
