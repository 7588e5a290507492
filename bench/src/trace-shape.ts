// biome-ignore-all lint/suspicious/noExplicitAny: the answers are untyped GraphQL JSON
/**
 * Shape e: the downstream trace from a county or league government for one year, depth 6, on
 * our server and as PostGraphile's plpgsql rule (bench-sql.ts). The timed request lists the
 * largest 100 nodes; the pre-check asks ours for the largest 1,000 (its most) and the plpgsql
 * rule for every node, and compares every node: each node ours lists by id, depth and
 * attributed amount, the nodes it sums per depth ("others") by count and amount.
 */
import type { Shape } from './shapes.js';

const DEPTH = 6;
const LIMIT = 100;
const CHECK_LIMIT = 1000;
/**
 * Attributions computed by different roundings (ours floors shares in 1e-4 yuan and rounds by
 * largest remainder; plpgsql divides in numeric) agree to within this, in 1e-4 yuan per node.
 */
const TOLERANCE = 100n;

const gid = (id: number) => Buffer.from(`Actor:${id}`).toString('base64');
const localId = (id: string) => Number(Buffer.from(id, 'base64').toString().split(':')[1]);
/** An exact decimal in 1e-4 yuan (the database scale), further digits cut. */
export function units(v: string | number): bigint {
  const [whole = '0', frac = ''] = String(v).split('.');
  const negative = whole.startsWith('-');
  const u = BigInt(whole.replace('-', '')) * 10_000n + BigInt(frac.padEnd(4, '0').slice(0, 4));
  return negative ? -u : u;
}
const off = (a: bigint, b: bigint, tolerance: bigint) => (a > b ? a - b : b - a) > tolerance;

const ours = (limit: number) => (p: Record<string, unknown>) => ({
  query: `query($from: ID!, $year: Int) {
    trace(from: $from, year: $year, maxDepth: ${DEPTH}, limit: ${limit}) {
      total { value } nodeCount linkCount
      nodes { actor { id } depth attributed { value } }
      others { depth actorCount attributed { value } } } }`,
  variables: { from: gid(p.start as number), year: p.year },
});
const postgraphile = (limit: number) => (p: Record<string, unknown>) => ({
  query: `query($id: Int!, $year: Int) {
    traceDownstream(startId: $id, year: $year, maxDepth: ${DEPTH}, lim: ${limit}) {
      total nodeCount linkCount nodes } }`,
  variables: { id: p.start, year: p.year },
});

function compare(a: any, b: any): string | null {
  const o = a.trace;
  const p = b.traceDownstream;
  if (units(o.total.value) !== units(p.total)) return `total ${o.total.value} ≠ ${p.total}`;
  if (o.nodeCount !== p.nodeCount) return `nodeCount ${o.nodeCount} ≠ ${p.nodeCount}`;
  const theirs = new Map<number, { depth: number; attributed: string }>(
    p.nodes.map((x: any) => [x.actorId, x]),
  );
  for (const x of o.nodes) {
    const id = localId(x.actor.id);
    const t = theirs.get(id);
    if (!t) return `node ${id} listed by ours only`;
    if (t.depth !== x.depth) return `node ${id}: depth ${x.depth} ≠ ${t.depth}`;
    if (off(units(x.attributed.value), units(t.attributed), TOLERANCE)) {
      return `node ${id}: attributed ${x.attributed.value} ≠ ${t.attributed}`;
    }
    theirs.delete(id);
  }
  // the rest, per depth: what ours sums as "others"
  const rest = new Map<number, { count: number; sum: bigint }>();
  for (const t of theirs.values()) {
    const r = rest.get(t.depth) ?? { count: 0, sum: 0n };
    rest.set(t.depth, { count: r.count + 1, sum: r.sum + units(t.attributed) });
  }
  for (const x of o.others) {
    const r = rest.get(x.depth) ?? { count: 0, sum: 0n };
    if (r.count !== x.actorCount) return `depth ${x.depth}: ${x.actorCount} others ≠ ${r.count}`;
    if (off(units(x.attributed.value), r.sum, TOLERANCE * BigInt(r.count))) {
      return `depth ${x.depth}: others carry ${x.attributed.value} ≠ ${r.sum} (1e-4 yuan)`;
    }
    rest.delete(x.depth);
  }
  const left = [...rest.entries()].filter(([, r]) => r.count > 0);
  return left.length ? `nodes at depths ${left.map(([d]) => d)} not in ours` : null;
}

export const traceShape: Shape = {
  key: 'e',
  title: `downstream trace from a county or league government, one year, depth ${DEPTH}`,
  pool: (p) => p.e,
  ours: ours(LIMIT),
  postgraphile: postgraphile(LIMIT),
  check: { ours: ours(CHECK_LIMIT), postgraphile: postgraphile(1_000_000) },
  floor: (p) => [
    {
      text: 'select * from bench.trace_downstream($1, $2, $3, $4)',
      values: [p.start, p.year, DEPTH, LIMIT],
    },
  ],
  compare,
};
