import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { trace } from './propagate.js';
import type { TraceFlow, TraceResult } from './trace-types.js';

/** A random flow graph over `nodes` actors; `acyclic` keeps every flow going to a higher id. */
const graph = (acyclic: boolean, nodes = 7) =>
  fc
    .array(
      fc.record({
        source: fc.integer({ min: 1, max: nodes }),
        target: fc.integer({ min: 1, max: nodes }),
        amount: fc.bigInt({ min: 0n, max: 10_000_000_000n }),
        parentPick: fc.option(fc.nat(40), { nil: undefined, freq: 3 }),
      }),
      { minLength: 1, maxLength: 18 },
    )
    .map((raw) => {
      const flows: TraceFlow[] = [];
      for (const r of raw) {
        let { source, target } = r;
        if (source === target) continue;
        if (acyclic && source > target) [source, target] = [target, source];
        const id = flows.length + 1;
        // An earmark names an earlier flow into this flow's source, when there is one.
        const into = flows.filter((p) => p.target === source);
        const parent =
          r.parentPick === undefined || into.length === 0
            ? null
            : (into[r.parentPick % into.length]?.id ?? null);
        flows.push({ id, source, target, amount: r.amount, qualifier: 'EXACT', parent });
      }
      return flows;
    })
    .filter((flows) => flows.length > 0);

const run = (
  flows: TraceFlow[],
  direction: 'DOWNSTREAM' | 'UPSTREAM',
  origin: number,
  maxDepth = 12,
) =>
  trace({
    flows,
    direction,
    origin,
    seeds: flows
      .filter((f) => (direction === 'DOWNSTREAM' ? f.source : f.target) === origin)
      .map((f) => f.id),
    maxDepth,
  });

function checkConservation(r: TraceResult, flows: TraceFlow[]) {
  const residual = new Map<number, bigint>();
  for (const x of r.residuals) {
    expect(x.amount).toBeGreaterThan(0n);
    residual.set(x.actor, (residual.get(x.actor) ?? 0n) + x.amount);
  }
  for (const [actor, node] of r.nodes) {
    expect(node.in, `node ${actor}`).toBe(node.out + (residual.get(actor) ?? 0n));
  }
  expect(r.residuals.reduce((s, x) => s + x.amount, 0n)).toBe(r.total);
  const byId = new Map(flows.map((f) => [f.id, f]));
  for (const [id, link] of r.links) {
    expect(link.attributed).toBeGreaterThanOrEqual(0n);
    expect(link.attributed).toBeLessThanOrEqual(byId.get(id)?.amount ?? -1n);
  }
}

/** Exact fractions, for the brute-force reference. */
type Frac = [bigint, bigint];
const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
const norm = ([n, d]: Frac): Frac => {
  const g = gcd(n, d) || 1n;
  return [n / g, d / g];
};
const add = (a: Frac, b: Frac): Frac => norm([a[0] * b[1] + b[0] * a[1], a[1] * b[1]]);
const mul = (a: Frac, b: Frac): Frac => norm([a[0] * b[0], a[1] * b[1]]);
const big = (a: bigint, b: bigint) => (a > b ? a : b);

/**
 * The documented rule, path by path: of what flow p brings to a node, flow o carries
 * m(p, o) / p.amount, where m(p, o) = o.amount * poolIn(p) / max(poolIn, poolOut) for a pooled
 * o and c.amount * p.amount / max(p.amount, earmarked(p)) for a child c of p.
 */
function bruteForceArrivals(flows: TraceFlow[], origin: number): Map<number, Frac> {
  const m = (p: TraceFlow, o: TraceFlow): Frac => {
    const node = p.target;
    const inflows = flows.filter((x) => x.target === node);
    const outflows = flows.filter((x) => x.source === node);
    const ids = new Set(inflows.map((x) => x.id));
    const kids = (q: TraceFlow) => outflows.filter((x) => x.parent === q.id);
    const earmarked = (q: TraceFlow) => kids(q).reduce((s, x) => s + x.amount, 0n);
    const pool = outflows.filter((x) => x.parent === null || !ids.has(x.parent));
    const poolIn = inflows.reduce((s, q) => s + big(0n, q.amount - earmarked(q)), 0n);
    const poolOut = pool.reduce((s, x) => s + x.amount, 0n);
    if (o.parent !== null && ids.has(o.parent)) {
      if (o.parent !== p.id) return [0n, 1n];
      const den = big(p.amount, earmarked(p));
      return den === 0n ? [0n, 1n] : norm([o.amount * p.amount, den]);
    }
    const den = big(poolIn, poolOut);
    return den === 0n ? [0n, 1n] : norm([o.amount * big(0n, p.amount - earmarked(p)), den]);
  };
  // attributed(o) summed over all paths from the origin's flows.
  const arrived = new Map<number, Frac>();
  const walk = (flow: TraceFlow, value: Frac) => {
    arrived.set(flow.id, add(arrived.get(flow.id) ?? [0n, 1n], value));
    if (flow.amount === 0n || value[0] === 0n) return;
    for (const o of flows.filter((x) => x.source === flow.target)) {
      walk(o, mul(mul(value, m(flow, o)), [1n, flow.amount]));
    }
  };
  for (const seed of flows.filter((x) => x.source === origin)) walk(seed, [seed.amount, 1n]);
  return arrived;
}

describe('trace, properties', () => {
  it('conserves money at every node, on any graph, both ways', () => {
    fc.assert(
      fc.property(graph(false), fc.integer({ min: 1, max: 7 }), (flows, origin) => {
        checkConservation(run(flows, 'DOWNSTREAM', origin), flows);
        checkConservation(run(flows, 'UPSTREAM', origin), flows);
      }),
      { numRuns: 400 },
    );
  });

  it('agrees with brute-force path enumeration on acyclic graphs', () => {
    fc.assert(
      fc.property(graph(true), fc.integer({ min: 1, max: 7 }), (flows, origin) => {
        const r = run(flows, 'DOWNSTREAM', origin);
        const exact = bruteForceArrivals(flows, origin);
        for (const f of flows) {
          const [n, d] = exact.get(f.id) ?? [0n, 1n];
          const got = r.links.get(f.id)?.attributed ?? 0n;
          // Each node floors its shares to the base unit: at most one unit per flow on the way.
          const slack = BigInt(flows.length);
          expect(
            got <= n / d + 1n && got + slack >= n / d,
            `flow ${f.id}: ${got} vs ${n}/${d}`,
          ).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('downstream and upstream agree: what A sends to B is what B gets from A', () => {
    fc.assert(
      fc.property(
        graph(true),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 7 }),
        (flows, a, b) => {
          fc.pre(a !== b);
          const downstream = run(flows, 'DOWNSTREAM', a);
          const upstream = run(flows, 'UPSTREAM', b);
          const atB = flows
            .filter((f) => f.target === b)
            .reduce((s, f) => s + (downstream.links.get(f.id)?.attributed ?? 0n), 0n);
          const fromA = flows
            .filter((f) => f.source === a)
            .reduce((s, f) => s + (upstream.links.get(f.id)?.attributed ?? 0n), 0n);
          const diff = atB > fromA ? atB - fromA : fromA - atB;
          expect(diff <= BigInt(2 * flows.length), `${atB} vs ${fromA}`).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('upstream is downstream on the mirrored graph, when nothing is earmarked', () => {
    // Reversing every flow swaps inflows and outflows: a pool-only node shares alike both ways.
    const kind = (k: string) => (k === 'DEPTH_LIMIT' || k === 'RETURNED' ? k : 'KEPT');
    const comparable = (r: TraceResult) => ({
      total: r.total,
      nodes: [...r.nodes],
      links: [...r.links],
      residuals: r.residuals.map((x) => ({ ...x, kind: kind(x.kind) })),
      warnings: r.warnings.filter((w) => w.code !== 'OVERDRAWN'),
    });
    fc.assert(
      fc.property(
        graph(false),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 12 }),
        (raw, origin, maxDepth) => {
          const flows = raw.map((f) => ({ ...f, parent: null }));
          const mirrored = flows.map((f) => ({ ...f, source: f.target, target: f.source }));
          const upstream = run(flows, 'UPSTREAM', origin, maxDepth);
          const downstream = run(mirrored, 'DOWNSTREAM', origin, maxDepth);
          expect(comparable(downstream)).toEqual(comparable(upstream));
        },
      ),
      { numRuns: 400 },
    );
  });
});
