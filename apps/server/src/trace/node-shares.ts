import type { TraceFlow, Warning } from './trace-types.js';
import type { Ends, Way } from './walk.js';

/** Shares are computed with this many extra digits, then rounded back to base units. */
export const SCALE = 10n ** 12n;

/** The larger of two amounts (Math.max takes no bigint). */
export const max = (a: bigint, b: bigint) => (a > b ? a : b);

/**
 * A node's share structure, the same whichever way the trace runs: the earmarked children of
 * each inflow (and each child's parent), what each flow puts into or takes from the pool, each
 * parent's denominator `max(amount, earmarked)`, and the pool's.
 */
interface NodeShares {
  children: Map<number, TraceFlow[]>;
  parentOf: Map<number, TraceFlow>;
  pooled: Map<number, bigint>;
  parentDen: Map<number, bigint>;
  poolIn: bigint;
  poolOut: bigint;
  poolDen: bigint;
}

function nodeShares(node: number, ends: Ends, warn: (w: Warning) => void): NodeShares {
  const inflows = new Map(ends.target.map((p) => [p.id, p]));
  const children = new Map<number, TraceFlow[]>();
  const parentOf = new Map<number, TraceFlow>();
  const pooled = new Map<number, bigint>();
  let poolOut = 0n;
  for (const o of ends.source) {
    const parent = o.parent === null ? undefined : inflows.get(o.parent);
    if (parent) {
      const siblings = children.get(parent.id);
      if (siblings) siblings.push(o);
      else children.set(parent.id, [o]);
      parentOf.set(o.id, parent);
    } else {
      if (o.parent !== null) warn({ code: 'BAD_PARENT', actor: node, flow: o.id });
      pooled.set(o.id, o.amount);
      poolOut += o.amount;
    }
  }
  const parentDen = new Map<number, bigint>();
  let poolIn = 0n;
  for (const p of ends.target) {
    const earmarked = (children.get(p.id) ?? []).reduce((s, c) => s + c.amount, 0n);
    parentDen.set(p.id, max(p.amount, earmarked));
    pooled.set(p.id, max(0n, p.amount - earmarked));
    poolIn += max(0n, p.amount - earmarked);
  }
  return { children, parentOf, pooled, parentDen, poolIn, poolOut, poolDen: max(poolIn, poolOut) };
}

/** Passes a node's traced money on: the onward flows' attributed amounts, at SCALE precision. */
export type PassOn = (
  node: number,
  ends: Ends,
  way: Way,
  traced: (f: TraceFlow) => bigint,
  warn: (w: Warning) => void,
) => Map<number, bigint>;

/**
 * Passes the traced money that reaches a node on to its onward flows, at SCALE precision, by
 * the general rule, earmarks and all. What arrives by a flow goes into the pool in proportion to
 * the flow's pooled part, and to the flows it shares an earmark with (downstream a parent's
 * children, upstream a child's parent) in proportion to `amount / max(parent amount,
 * earmarked)`; the pool leaves by each onward flow's pooled part over the pool's denominator.
 * Onward flows come earmarked ones first, by the flow they are earmarked from, then the rest, in
 * recorded order. A node without earmarks takes the shortcut in ledger.ts.
 */
export const passOnByShares: PassOn = (node, ends, way, traced, warn) => {
  const s = nodeShares(node, ends, warn);
  const arriving = ends[way.to];
  let tracedPool = 0n;
  for (const f of arriving) {
    const a = traced(f);
    if (a === 0n || f.amount === 0n) continue;
    tracedPool += (a * (s.pooled.get(f.id) ?? 0n) * SCALE) / f.amount;
    if ((s.parentDen.get(f.id) ?? 0n) > f.amount)
      warn({ code: 'OVERDRAWN', actor: node, flow: f.id });
  }
  if (s.poolOut > s.poolIn && tracedPool > 0n) warn({ code: 'OVERDRAWN', actor: node });

  const onward = [
    ...arriving.flatMap((f) => s.children.get(f.id) ?? []),
    ...ends[way.from].filter((f) => !s.parentOf.has(f.id)),
  ];
  const scaled = new Map<number, bigint>();
  for (const g of onward) {
    const pooled = s.pooled.get(g.id) ?? 0n;
    let v = s.poolDen === 0n ? 0n : (pooled * tracedPool) / s.poolDen;
    const parent = s.parentOf.get(g.id);
    const partners = parent ? [parent] : (s.children.get(g.id) ?? []);
    const den = s.parentDen.get((parent ?? g).id) ?? 0n;
    for (const partner of partners) {
      const a = traced(partner);
      if (a > 0n && den > 0n) v += (a * g.amount * SCALE) / den;
    }
    scaled.set(g.id, v);
  }
  return scaled;
};

/** Rounds high-precision amounts (units / SCALE) so their sum is floor(sum / SCALE). */
export function roundLargestRemainder(values: Map<number, bigint>): Map<number, bigint> {
  const ids = [...values.keys()];
  const rounded = roundShares(ids, [...values.values()]);
  return new Map(ids.map((id, k) => [id, rounded[k] as bigint]));
}

/**
 * `roundLargestRemainder` over parallel lists: the flows' ids and their amounts at SCALE
 * precision. Floors each, then adds a unit to the largest remainders (ties: lower id first)
 * until the sum is floor(sum / SCALE).
 */
export function roundShares(ids: readonly number[], scaled: readonly bigint[]): bigint[] {
  let total = 0n;
  let floors = 0n;
  const out = scaled.map((v) => {
    total += v;
    const f = v / SCALE;
    floors += f;
    return f;
  });
  let extra = total / SCALE - floors;
  if (extra <= 0n) return out;
  const remainder = scaled.map((v) => v % SCALE);
  const ranked = scaled.map((_, k) => k);
  ranked.sort((a, b) => {
    const [x, y] = [remainder[a] as bigint, remainder[b] as bigint];
    return y > x ? 1 : y < x ? -1 : (ids[a] as number) - (ids[b] as number);
  });
  for (const k of ranked) {
    if (extra <= 0n) break;
    out[k] = (out[k] as bigint) + 1n;
    extra -= 1n;
  }
  return out;
}
