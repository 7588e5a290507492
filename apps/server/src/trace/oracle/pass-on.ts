/**
 * The readable rule's way of passing money on at a node: the general rule, or, at a node
 * without earmarks, a shortcut over the pool (the fast trace's shortcut is in ../ledger.ts).
 */

import { max, type PassOn, passOnByShares, SCALE } from '../node-shares.js';

export const passOn: PassOn = (node, ends, way, traced, warn) =>
  (ends.source.every((o) => o.parent === null) ? passOnPooled : passOnByShares)(
    node,
    ends,
    way,
    traced,
    warn,
  );

/**
 * `passOn` at a node without earmarks (most nodes): every flow is pooled whole, so a flow's
 * pooled part is its amount and the pool's shares need no bookkeeping per flow.
 */
export const passOnPooled: PassOn = (node, ends, way, traced, warn) => {
  let [poolIn, poolOut, tracedPool] = [0n, 0n, 0n];
  for (const p of ends.target) poolIn += p.amount;
  for (const o of ends.source) poolOut += o.amount;
  for (const f of ends[way.to]) {
    if (f.amount !== 0n) tracedPool += traced(f) * SCALE;
  }
  if (poolOut > poolIn && tracedPool > 0n) warn({ code: 'OVERDRAWN', actor: node });
  const poolDen = max(poolIn, poolOut);
  const scaled = new Map<number, bigint>();
  for (const g of ends[way.from]) {
    scaled.set(g.id, poolDen === 0n ? 0n : (g.amount * tracedPool) / poolDen);
  }
  return scaled;
};
