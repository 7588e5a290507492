/**
 * Tracing: how much of a starting amount reaches every actor and flow, and what stays where.
 *
 * The rule, at every node N that the trace passes through (downstream):
 * - A flow with a parent flow is an earmarked pass-through of that parent (an inflow of N): it
 *   carries the parent's traced share exactly. If N passes on more than the parent brought,
 *   the children are scaled down together, for attribution only.
 * - What is not earmarked is pooled. Each inflow p puts `p.amount - earmarked(p)` into N's
 *   pool, carrying p's traced share. Every pool outflow o then carries
 *   `o.amount * tracedPool / max(poolIn, poolOut)`: each source in proportion to its share of
 *   the pool. When N reports more pool outflow than pool inflow it is flagged OVERDRAWN and the
 *   outflows are scaled down (for attribution only; stored data never changes).
 * - What N received and did not pass on is a residual: RETAINED; money that comes back round a
 *   cycle is not sent round again: it stays at the node it returns to as RETURNED (warning
 *   CYCLE); money at a node the depth limit stops is DEPTH_LIMIT.
 * Upstream applies the transpose of the same node-local shares, so what A sends to B
 * downstream is what B gets from A upstream. Upstream residuals: ORIGIN (a node with no
 * recorded inflows: its own money), UNATTRIBUTED (an overdrawn node's excess), RETURNED,
 * DEPTH_LIMIT.
 *
 * Amounts are integers in base units (1e-4 yuan, the database scale). Shares are computed with
 * SCALE extra digits, floored, and each node's outflows are rounded by largest remainder so
 * that, at every node, attributed in = attributed out + residuals exactly.
 */

export type Qualifier = 'EXACT' | 'APPROXIMATE' | 'AT_LEAST' | 'AT_MOST';
export type Direction = 'DOWNSTREAM' | 'UPSTREAM';
export type ResidualKind = 'RETAINED' | 'RETURNED' | 'DEPTH_LIMIT' | 'ORIGIN' | 'UNATTRIBUTED';

export interface TraceFlow {
  id: number;
  source: number;
  target: number;
  amount: bigint;
  qualifier: Qualifier;
  parent: number | null;
}

export interface TraceInput {
  flows: readonly TraceFlow[];
  direction: Direction;
  /** The actor the trace starts from. */
  origin: number;
  /** The flows that carry the starting amount in full (all of the origin's, or one flow). */
  seeds: readonly number[];
  maxDepth: number;
}

export interface NodeResult {
  depth: number;
  /** Traced money arriving (for the origin: the starting total, plus any that returns). */
  in: bigint;
  out: bigint;
  qualifier: Qualifier;
}

export interface LinkResult {
  attributed: bigint;
  qualifier: Qualifier;
}

export interface Residual {
  actor: number;
  amount: bigint;
  kind: ResidualKind;
  qualifier: Qualifier;
}

export interface Warning {
  code: 'OVERDRAWN' | 'CYCLE' | 'DEPTH_LIMIT' | 'BAD_PARENT';
  actor?: number;
  flow?: number;
}

export interface TraceResult {
  total: bigint;
  qualifier: Qualifier;
  nodes: Map<number, NodeResult>;
  links: Map<number, LinkResult>;
  residuals: Residual[];
  warnings: Warning[];
}

const SCALE = 10n ** 12n;

export function combineQualifiers(qualifiers: Iterable<Qualifier>): Qualifier {
  const set = new Set(qualifiers);
  set.delete('EXACT');
  if (set.size === 0) return 'EXACT';
  if (set.size === 1) return [...set][0] as Qualifier;
  return 'APPROXIMATE';
}

const max = (a: bigint, b: bigint) => (a > b ? a : b);

interface Local {
  inflows: TraceFlow[];
  outflows: TraceFlow[];
}

/** Node-local share structure: earmarked children, pool contributions and denominators. */
function shares(node: number, local: Local, warn: (w: Warning) => void) {
  const inflowIds = new Set(local.inflows.map((p) => p.id));
  const children = new Map<number, TraceFlow[]>();
  const pool: TraceFlow[] = [];
  for (const o of local.outflows) {
    if (o.parent !== null && inflowIds.has(o.parent)) {
      const list = children.get(o.parent) ?? [];
      list.push(o);
      children.set(o.parent, list);
    } else {
      if (o.parent !== null) warn({ code: 'BAD_PARENT', actor: node, flow: o.id });
      pool.push(o);
    }
  }
  const earmarked = new Map<number, bigint>();
  let poolIn = 0n;
  for (const p of local.inflows) {
    const e = (children.get(p.id) ?? []).reduce((s, c) => s + c.amount, 0n);
    earmarked.set(p.id, e);
    poolIn += max(0n, p.amount - e);
  }
  const poolOut = pool.reduce((s, o) => s + o.amount, 0n);
  return { children, pool, earmarked, poolIn, poolOut, poolDen: max(poolIn, poolOut) };
}

/** Rounds high-precision amounts (units / SCALE) so their sum is floor(sum / SCALE). */
function roundLargestRemainder(values: Map<number, bigint>): Map<number, bigint> {
  let total = 0n;
  let floors = 0n;
  const out = new Map<number, bigint>();
  const remainders: [number, bigint][] = [];
  for (const [id, v] of values) {
    total += v;
    const f = v / SCALE;
    floors += f;
    out.set(id, f);
    remainders.push([id, v % SCALE]);
  }
  let extra = total / SCALE - floors;
  remainders.sort((a, b) => (b[1] > a[1] ? 1 : b[1] < a[1] ? -1 : a[0] - b[0]));
  for (const [id] of remainders) {
    if (extra <= 0n) break;
    out.set(id, (out.get(id) ?? 0n) + 1n);
    extra -= 1n;
  }
  return out;
}

export function trace(input: TraceInput): TraceResult {
  const down = input.direction === 'DOWNSTREAM';
  const byId = new Map(input.flows.map((f) => [f.id, f]));
  const local = new Map<number, Local>();
  const localOf = (n: number) => {
    let l = local.get(n);
    if (!l) {
      l = { inflows: [], outflows: [] };
      local.set(n, l);
    }
    return l;
  };
  for (const f of input.flows) {
    localOf(f.target).inflows.push(f);
    localOf(f.source).outflows.push(f);
  }
  // In the trace direction: the flows that lead on from a node, and where a flow leads.
  const onward = (n: number) => (down ? localOf(n).outflows : localOf(n).inflows);
  const arriving = (n: number) => (down ? localOf(n).inflows : localOf(n).outflows);
  const next = (f: TraceFlow) => (down ? f.target : f.source);
  const seeds = input.seeds.map((id) => byId.get(id)).filter((f): f is TraceFlow => !!f);
  const leaving = (n: number) => (n === input.origin ? seeds : onward(n));

  // Depth: fewest hops from the origin. Nodes at maxDepth are reached but not expanded.
  const depth = new Map<number, number>([[input.origin, 0]]);
  let frontier = [input.origin];
  for (let d = 0; d < input.maxDepth && frontier.length; d++) {
    const nextFrontier: number[] = [];
    for (const n of frontier) {
      for (const f of leaving(n)) {
        const m = next(f);
        if (!depth.has(m)) {
          depth.set(m, d + 1);
          nextFrontier.push(m);
        }
      }
    }
    frontier = nextFrontier;
  }
  const expanded = (n: number) => (depth.get(n) ?? Number.POSITIVE_INFINITY) < input.maxDepth;

  // Reverse postorder of an iterative DFS; flows into a node on the stack close a cycle.
  const order: number[] = [];
  const state = new Map<number, 'open' | 'done'>();
  const back = new Set<number>();
  const stack: { node: number; edges: TraceFlow[]; i: number }[] = [
    { node: input.origin, edges: leaving(input.origin), i: 0 },
  ];
  state.set(input.origin, 'open');
  while (stack.length) {
    const top = stack[stack.length - 1] as (typeof stack)[number];
    const f = top.edges[top.i++];
    if (!f) {
      state.set(top.node, 'done');
      order.push(top.node);
      stack.pop();
      continue;
    }
    const m = next(f);
    const s = state.get(m);
    if (s === 'open') back.add(f.id);
    else if (s === undefined) {
      state.set(m, 'open');
      stack.push({ node: m, edges: expanded(m) ? onward(m) : [], i: 0 });
    }
  }
  order.reverse();

  const warnings: Warning[] = [];
  const warned = new Set<string>();
  const warn = (w: Warning) => {
    const key = `${w.code}:${w.actor ?? ''}:${w.flow ?? ''}`;
    if (!warned.has(key)) {
      warned.add(key);
      warnings.push(w);
    }
  };
  const links = new Map<number, LinkResult>();
  const nodes = new Map<number, NodeResult>();
  const residuals: Residual[] = [];
  const total = seeds.reduce((s, f) => s + f.amount, 0n);
  const totalQualifier = combineQualifiers(seeds.map((f) => f.qualifier));

  for (const n of order) {
    const d = depth.get(n) ?? 0;
    if (n === input.origin) {
      for (const f of seeds) links.set(f.id, { attributed: f.amount, qualifier: f.qualifier });
      nodes.set(n, { depth: 0, in: total, out: total, qualifier: totalQualifier });
      continue;
    }
    // Traced money arriving through flows already attributed (back edges come later).
    let forwardIn = 0n;
    const inQualifiers: Qualifier[] = [];
    for (const f of arriving(n)) {
      const link = links.get(f.id);
      if (!link || link.attributed === 0n || back.has(f.id)) continue;
      inQualifiers.push(link.qualifier);
      forwardIn += link.attributed;
    }
    const qualifier = combineQualifiers(inQualifiers);
    if (!expanded(n) || forwardIn === 0n) {
      if (forwardIn > 0n) {
        const cut = onward(n).length > 0;
        if (cut) warn({ code: 'DEPTH_LIMIT', actor: n });
        const kind: ResidualKind = cut ? 'DEPTH_LIMIT' : down ? 'RETAINED' : 'ORIGIN';
        residuals.push({ actor: n, amount: forwardIn, kind, qualifier });
      }
      nodes.set(n, { depth: d, in: forwardIn, out: 0n, qualifier });
      continue;
    }

    const l = localOf(n);
    const s = shares(n, l, warn);
    const hp = new Map<number, bigint>();
    const traced = (f: TraceFlow) => links.get(f.id)?.attributed ?? 0n;
    if (down) {
      // Traced money in the pool, at SCALE precision; children carry their parent's share.
      let tracedPool = 0n;
      for (const p of l.inflows) {
        const a = back.has(p.id) ? 0n : traced(p);
        if (a === 0n || p.amount === 0n) continue;
        tracedPool += (a * max(0n, p.amount - (s.earmarked.get(p.id) ?? 0n)) * SCALE) / p.amount;
        const kids = s.children.get(p.id) ?? [];
        const den = max(p.amount, s.earmarked.get(p.id) ?? 0n);
        if ((s.earmarked.get(p.id) ?? 0n) > p.amount)
          warn({ code: 'OVERDRAWN', actor: n, flow: p.id });
        for (const c of kids) hp.set(c.id, (c.amount * a * SCALE) / den);
      }
      if (s.poolOut > s.poolIn && tracedPool > 0n) warn({ code: 'OVERDRAWN', actor: n });
      for (const o of s.pool) {
        hp.set(o.id, s.poolDen === 0n ? 0n : (o.amount * tracedPool) / s.poolDen);
      }
    } else {
      let tracedPool = 0n;
      for (const o of s.pool) if (!back.has(o.id)) tracedPool += traced(o) * SCALE;
      if (s.poolOut > s.poolIn && tracedPool > 0n) warn({ code: 'OVERDRAWN', actor: n });
      for (const p of l.inflows) {
        const poolShare = max(0n, p.amount - (s.earmarked.get(p.id) ?? 0n));
        let v = s.poolDen === 0n ? 0n : (tracedPool * poolShare) / s.poolDen;
        const den = max(p.amount, s.earmarked.get(p.id) ?? 0n);
        for (const c of s.children.get(p.id) ?? []) {
          const a = back.has(c.id) ? 0n : traced(c);
          if (a > 0n && den > 0n) v += (a * p.amount * SCALE) / den;
        }
        hp.set(p.id, v);
      }
    }
    let out = 0n;
    for (const [id, v] of roundLargestRemainder(hp)) {
      const f = byId.get(id) as TraceFlow;
      if (v > 0n)
        links.set(id, { attributed: v, qualifier: combineQualifiers([qualifier, f.qualifier]) });
      out += v;
    }
    const kept = forwardIn - out;
    if (kept > 0n) {
      const kind: ResidualKind = down ? 'RETAINED' : l.inflows.length ? 'UNATTRIBUTED' : 'ORIGIN';
      residuals.push({ actor: n, amount: kept, kind, qualifier });
    }
    nodes.set(n, { depth: d, in: forwardIn, out, qualifier });
  }
  // Money that comes back round a cycle is not sent round again: it stays where it returns.
  for (const id of back) {
    const link = links.get(id);
    const f = byId.get(id) as TraceFlow;
    const node = nodes.get(next(f));
    if (!link || !node) continue;
    warn({ code: 'CYCLE', actor: next(f), flow: id });
    node.in += link.attributed;
    residuals.push({
      actor: next(f),
      amount: link.attributed,
      kind: 'RETURNED',
      qualifier: link.qualifier,
    });
  }
  return { total, qualifier: totalQualifier, nodes, links, residuals, warnings };
}
