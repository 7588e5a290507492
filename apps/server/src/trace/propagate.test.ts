import { describe, expect, it } from 'vitest';
import { trace } from './propagate.js';
import type { Qualifier, TraceFlow, TraceResult } from './trace-types.js';

/** Yuan as a decimal string → base units (1e-4 yuan). */
const y = (yuan: string) => {
  const [int, frac = ''] = yuan.split('.');
  return BigInt(int ?? '0') * 10_000n + BigInt(frac.padEnd(4, '0'));
};
let nextId = 1;
const f = (
  source: number,
  target: number,
  yuan: string,
  opts: { parent?: number; qualifier?: Qualifier; id?: number } = {},
): TraceFlow => ({
  id: opts.id ?? nextId++,
  source,
  target,
  amount: y(yuan),
  qualifier: opts.qualifier ?? 'EXACT',
  parent: opts.parent ?? null,
});
const down = (flows: TraceFlow[], origin: number, maxDepth = 12) =>
  trace({
    flows,
    direction: 'DOWNSTREAM',
    origin,
    seeds: flows.filter((x) => x.source === origin).map((x) => x.id),
    maxDepth,
  });
const up = (flows: TraceFlow[], origin: number, maxDepth = 12) =>
  trace({
    flows,
    direction: 'UPSTREAM',
    origin,
    seeds: flows.filter((x) => x.target === origin).map((x) => x.id),
    maxDepth,
  });
const residualsAt = (r: TraceResult, actor: number) =>
  r.residuals.filter((x) => x.actor === actor).map((x) => [x.kind, x.amount]);
const link = (r: TraceResult, flow: TraceFlow) => r.links.get(flow.id)?.attributed ?? 0n;

const A = 1;
const B = 2;
const C = 3;
const D = 4;
const E = 5;
const X = 6;

describe('trace, hand-computed', () => {
  it('a diamond that pools with an outside source', () => {
    const ab = f(A, B, '100');
    const ac = f(A, C, '100');
    const bd = f(B, D, '60');
    const cd = f(C, D, '40');
    const xd = f(X, D, '100');
    const de = f(D, E, '150');
    const r = down([ab, ac, bd, cd, xd, de], A);
    expect(r.total).toBe(y('200'));
    // D holds 100 traced of 200 in: half of its 150 outflow is traced money.
    expect(link(r, de)).toBe(y('75'));
    expect(residualsAt(r, B)).toEqual([['RETAINED', y('40')]]);
    expect(residualsAt(r, C)).toEqual([['RETAINED', y('60')]]);
    expect(residualsAt(r, D)).toEqual([['RETAINED', y('25')]]);
    expect(residualsAt(r, E)).toEqual([['RETAINED', y('75')]]);
    expect(r.nodes.get(D)).toMatchObject({ depth: 2, in: y('100'), out: y('75') });
    expect(r.nodes.has(X)).toBe(false);
  });

  it('a pool with two sources and a residual, both ways', () => {
    const s1 = f(A, C, '300');
    const s2 = f(B, C, '100');
    const out = f(C, D, '200');
    const fromA = down([s1, s2, out], A);
    expect(link(fromA, out)).toBe(y('150'));
    expect(residualsAt(fromA, C)).toEqual([['RETAINED', y('150')]]);
    const fromB = down([s1, s2, out], B);
    expect(link(fromB, out)).toBe(y('50'));
    const toD = up([s1, s2, out], D);
    expect(link(toD, s1)).toBe(y('150'));
    expect(link(toD, s2)).toBe(y('50'));
    expect(residualsAt(toD, A)).toEqual([['ORIGIN', y('150')]]);
    expect(residualsAt(toD, C)).toEqual([]);
  });

  it('an earmarked pass-through carries its parent exactly; the rest pools', () => {
    const p1 = f(A, C, '100');
    const p2 = f(B, C, '100');
    const child = f(C, D, '60', { parent: p1.id });
    const pooled = f(C, E, '100');
    const fromA = down([p1, p2, child, pooled], A);
    expect(link(fromA, child)).toBe(y('60'));
    // pool: 40 of p1 and 100 of p2; A's share of the 100 pooled out is 100 * 40/140
    expect(link(fromA, pooled)).toBe(y('28.5714'));
    expect(residualsAt(fromA, C)).toEqual([['RETAINED', y('11.4286')]]);
    const fromB = down([p1, p2, child, pooled], B);
    expect(link(fromB, child)).toBe(0n);
    // shares are floored to the base unit (1e-4 yuan); the remainder stays as residual
    expect(link(fromB, pooled)).toBe(y('71.4285'));
  });

  it('scales an overdrawn node for attribution and flags it', () => {
    const inflow = f(A, B, '100');
    const outflow = f(B, C, '150');
    const r = down([inflow, outflow], A);
    expect(link(r, outflow)).toBe(y('100'));
    expect(residualsAt(r, B)).toEqual([]);
    expect(r.warnings).toContainEqual({ code: 'OVERDRAWN', actor: B });
    const back = up([inflow, outflow], C);
    expect(link(back, inflow)).toBe(y('100'));
    expect(residualsAt(back, B)).toEqual([['UNATTRIBUTED', y('50')]]);
  });
});

describe('trace, hand-computed: cycles, depth, one flow, qualifiers', () => {
  it('ends a cycle: money that comes back is not sent round again', () => {
    const ab = f(A, B, '100');
    const bc = f(B, C, '100');
    const cb = f(C, B, '50');
    const cd = f(C, D, '50');
    const r = down([ab, bc, cb, cd], A);
    // B pools 100 from A and 50 from C: 2/3 of its outflow is traced.
    expect(link(r, bc)).toBe(y('66.6666'));
    expect(link(r, cb)).toBe(y('33.3333'));
    expect(link(r, cd)).toBe(y('33.3333'));
    expect(residualsAt(r, B)).toEqual([
      ['RETAINED', y('33.3334')],
      ['RETURNED', y('33.3333')],
    ]);
    expect(r.warnings).toContainEqual({ code: 'CYCLE', actor: B, flow: cb.id });
    expect(r.residuals.reduce((s, x) => s + x.amount, 0n)).toBe(r.total);
  });

  it('stops at the depth limit and says so', () => {
    const ab = f(A, B, '10');
    const bc = f(B, C, '10');
    const cd = f(C, D, '10');
    const r = down([ab, bc, cd], A, 2);
    expect(r.nodes.has(D)).toBe(false);
    expect(residualsAt(r, C)).toEqual([['DEPTH_LIMIT', y('10')]]);
    expect(r.warnings).toContainEqual({ code: 'DEPTH_LIMIT', actor: C });
  });

  it('traces one flow rather than the whole actor', () => {
    const one = f(A, B, '30');
    const other = f(A, C, '70');
    const onward = f(B, D, '30');
    const r = trace({
      flows: [one, other, onward],
      direction: 'DOWNSTREAM',
      origin: A,
      seeds: [one.id],
      maxDepth: 12,
    });
    expect(r.total).toBe(y('30'));
    expect(r.nodes.has(C)).toBe(false);
    expect(link(r, onward)).toBe(y('30'));
  });

  it('carries qualifiers: an at-least amount gives at-least attributions', () => {
    const loans = f(A, B, '150', { qualifier: 'AT_LEAST' });
    const onward = f(B, C, '100');
    const r = down([loans, onward], A);
    expect(r.qualifier).toBe('AT_LEAST');
    expect(r.links.get(onward.id)?.qualifier).toBe('AT_LEAST');
    expect(r.residuals[0]?.qualifier).toBe('AT_LEAST');
  });
});
