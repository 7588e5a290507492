import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from './money.js';
import { type OverlapEdge, sharedAtLeast, sharedAtMost } from './overlap-range.js';

const d = (v: number | string) => new Decimal(v);

interface Case {
  amounts: Map<string, Decimal>;
  edges: OverlapEdge[];
}

/** Flows f0…f(n-1) with integer amounts and overlaps between distinct pairs. */
function cases(maxFlows: number, maxAmount: number, maxEdges: number): fc.Arbitrary<Case> {
  return fc
    .array(fc.integer({ min: 1, max: maxAmount }), { minLength: 1, maxLength: maxFlows })
    .chain((values) => {
      const n = values.length;
      const pair = fc
        .tuple(fc.nat(n - 1), fc.nat(n - 1), fc.integer({ min: 0, max: maxAmount }))
        .filter(([a, b]) => a !== b);
      const edges = n < 2 ? fc.constant([]) : fc.array(pair, { maxLength: maxEdges });
      return edges.map((pairs) => ({
        amounts: new Map(values.map((v, i) => [`f${i}`, d(v)])),
        edges: pairs.map(([a, b, m], k) => ({
          id: `o${k}`,
          a: `f${a}`,
          b: `f${b}`,
          maxShared: d(Math.min(m, values[a] ?? 0, values[b] ?? 0)),
        })),
      }));
    });
}

const sum = (xs: Iterable<Decimal>) => [...xs].reduce((s, x) => s.plus(x), d(0));
const low = ({ amounts, edges }: Case) =>
  sum(amounts.values()).minus(sharedAtMost(amounts, edges).shared);

/**
 * The same programme by enumeration: every overlap shares 0, ½, 1, … up to its maximum; keep
 * the assignments where no flow gives more than its amount. Optima are half-integral for
 * integer data, so this finds the true maximum.
 */
function bruteShared({ amounts, edges }: Case): Decimal {
  let best = d(0);
  const shares: Decimal[] = [];
  const walk = (k: number): void => {
    if (k === edges.length) {
      const given = new Map<string, Decimal>();
      edges.forEach((e, i) => {
        const s = shares[i] ?? d(0);
        for (const f of [e.a, e.b]) given.set(f, (given.get(f) ?? d(0)).plus(s));
      });
      const fits = [...given].every(([f, g]) => g.lte(amounts.get(f) ?? 0));
      const total = sum(shares);
      if (fits && total.gt(best)) best = total;
      return;
    }
    const edge = edges[k];
    if (!edge) return;
    for (let s = d(0); s.lte(edge.maxShared); s = s.plus(0.5)) {
      shares[k] = s;
      walk(k + 1);
    }
  };
  walk(0);
  return best;
}

describe('sharedAtMost, by example', () => {
  it('shares nothing without overlaps', () => {
    const amounts = new Map([['a', d(5)]]);
    expect(sharedAtMost(amounts, [])).toEqual({ shared: d(0), overlaps: [] });
  });

  it('takes the smaller flow out of a pair, and lists the overlap', () => {
    const amounts = new Map([
      ['treasury', d('4880000000')],
      ['pool', d('8000000000')],
    ]);
    const edge = { id: 'o1', a: 'treasury', b: 'pool', maxShared: d('4880000000') };
    const result = sharedAtMost(amounts, [edge]);
    expect(result.shared.toFixed()).toBe('4880000000');
    expect(result.overlaps).toEqual(['o1']);
  });

  it('never takes the same yuan of a flow out twice along a chain', () => {
    // b (10) may share all of itself with a (10) and all of itself with c (10): at most 10.
    const amounts = new Map([
      ['a', d(10)],
      ['b', d(10)],
      ['c', d(10)],
    ]);
    const edges = [
      { id: 'ab', a: 'a', b: 'b', maxShared: d(10) },
      { id: 'bc', a: 'b', b: 'c', maxShared: d(10) },
    ];
    expect(sharedAtMost(amounts, edges).shared.toFixed()).toBe('10');
  });

  it('splits a triangle in halves', () => {
    const amounts = new Map([
      ['a', d(10)],
      ['b', d(10)],
      ['c', d(10)],
    ]);
    const edges = [
      { id: 'ab', a: 'a', b: 'b', maxShared: d(10) },
      { id: 'bc', a: 'b', b: 'c', maxShared: d(10) },
      { id: 'ca', a: 'c', b: 'a', maxShared: d(10) },
    ];
    expect(sharedAtMost(amounts, edges).shared.toFixed()).toBe('15');
  });

  it('ignores overlaps with a flow outside the sum, and a flow with itself', () => {
    const amounts = new Map([['a', d(10)]]);
    const edges = [
      { id: 'ax', a: 'a', b: 'x', maxShared: d(10) },
      { id: 'aa', a: 'a', b: 'a', maxShared: d(10) },
    ];
    expect(sharedAtMost(amounts, edges)).toEqual({ shared: d(0), overlaps: [] });
  });

  it('is exact in decimals', () => {
    const amounts = new Map([
      ['a', d('0.1')],
      ['b', d('0.2')],
    ]);
    const edges = [{ id: 'ab', a: 'a', b: 'b', maxShared: d('0.1') }];
    expect(low({ amounts, edges }).toFixed()).toBe('0.2');
  });
});

describe('sharedAtMost, as properties', () => {
  it('keeps low between the largest flow and the plain sum', () => {
    fc.assert(
      fc.property(cases(12, 1_000_000, 20), (c) => {
        const l = low(c);
        expect(l.lte(sum(c.amounts.values()))).toBe(true);
        expect(l.gte(Decimal.max(...c.amounts.values()))).toBe(true);
      }),
    );
  });

  it('never lowers low when an overlap is removed', () => {
    fc.assert(
      fc.property(
        cases(10, 1000, 12).filter((c) => c.edges.length > 0),
        fc.nat(),
        (c, k) => {
          const without = c.edges.filter((_, i) => i !== k % c.edges.length);
          expect(low({ ...c, edges: without }).gte(low(c))).toBe(true);
        },
      ),
    );
  });

  it('equals the brute-force minimum on small sets', () => {
    fc.assert(
      fc.property(cases(4, 4, 4), (c) => {
        expect(sharedAtMost(c.amounts, c.edges).shared.toFixed()).toBe(bruteShared(c).toFixed());
      }),
      { numRuns: 300 },
    );
  });
});

describe('sharedAtLeast: a stated total narrows the high end', () => {
  const amounts = new Map([
    ['f80', d(80)],
    ['f48', d(48.8)],
    ['f20', d(20)],
    ['g', d(10)],
    ['h', d(10)],
  ]);
  const edge = (id: string, a: string, b: string, max: number, min?: number): OverlapEdge => ({
    id,
    a,
    b,
    maxShared: d(max),
    minShared: min === undefined ? null : d(min),
  });

  it('the 80 / 48.8 pair under a stated 100 shares at least 28.8; a chained pair counts once', () => {
    const pair = edge('o1', 'f80', 'f48', 48.8, 28.8);
    expect(sharedAtLeast(amounts, [pair]).toFixed()).toBe('28.8');
    // the 20 may be inside the 48.8 as well: it can share the same yuan, so nothing is added
    expect(sharedAtLeast(amounts, [pair, edge('o2', 'f20', 'f48', 20, 5)]).toFixed()).toBe('28.8');
    // a pair with no flow in common shares other yuan: the two add up
    expect(sharedAtLeast(amounts, [pair, edge('o3', 'g', 'h', 10, 4)]).toFixed()).toBe('32.8');
    // no stated least, or a flow outside the sum: nothing is sure
    expect(sharedAtLeast(amounts, [edge('o4', 'f80', 'f48', 48.8)]).toFixed()).toBe('0');
    expect(sharedAtLeast(amounts, [edge('o5', 'f80', 'x', 48.8, 28.8)]).toFixed()).toBe('0');
  });

  it('never passes sharedAtMost, so low ≤ high', () => {
    fc.assert(
      fc.property(cases(10, 1000, 12), fc.array(fc.nat(1000), { maxLength: 12 }), (c, mins) => {
        const edges = c.edges.map((e, i) => ({
          ...e,
          minShared: d(Math.min(mins[i] ?? 0, e.maxShared.toNumber())),
        }));
        const least = sharedAtLeast(c.amounts, edges);
        expect(least.lte(sharedAtMost(c.amounts, edges).shared)).toBe(true);
        const largest = edges.reduce((m, e) => Decimal.max(m, e.minShared), d(0));
        expect(least.gte(largest)).toBe(true);
      }),
    );
  });
});
