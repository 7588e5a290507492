import { combineTwo } from '@fundtrace/schema/money';
import { type Adjacency, adjacency, Columns, type GraphRow, sliced } from './flow-columns.js';
import type { PooledMember, PooledPair, Subgraph, SubgraphFilter } from './load-subgraph.js';
import { type Pacer, pacer } from './steps.js';
import type { Direction, Qualifier, TraceFlow } from './trace-types.js';

/** Flows a loop handles between two looks at the clock (pacer). */
const CLOCK_EVERY = 1023;

/** The index of a flow id in ascending ids, or -1. */
function indexIn(ids: Int32Array, id: number): number {
  let [lo, hi] = [0, ids.length - 1];
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = ids[mid] as number;
    if (at === id) return mid;
    if (at < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * Every flow of the database in typed arrays, with each actor's outflows and inflows and each
 * flow's children, so that a trace's subgraph is cut out in memory instead of queried. It gives
 * what `loadSubgraph` gives for the same request (a test compares them): the actors within
 * `maxDepth` hops under the filter, every flow touching them, earmarked flows one by one and the
 * other flows between two actors pooled. Built once per data version (see graph-store.ts).
 */
export class FlowGraph {
  readonly size: number;

  /** From rows in any order (tests); the store appends pages in id order to `columns()`. */
  static of(rows: readonly GraphRow[]): Promise<FlowGraph> {
    const columns = FlowGraph.columns();
    for (const r of [...rows].sort((a, b) => a.id - b.id)) columns.add(r);
    return FlowGraph.build(columns);
  }

  static columns() {
    return new Columns();
  }

  /** Indexes the columns, giving the event loop turns: a national graph holds 1.5 M flows. */
  static async build(c: Columns): Promise<FlowGraph> {
    const n = c.length;
    let actors = 0;
    await sliced(n, (i) => {
      actors = Math.max(actors, c.source[i] as number, c.target[i] as number);
    });
    const ids = c.ids.subarray(0, n);
    const parent = new Int32Array(n);
    await sliced(n, (i) => {
      const p = c.parentId[i] as number;
      parent[i] = p < 0 ? -1 : indexIn(ids, p);
    });
    const out = await adjacency(c.source.subarray(0, n), actors + 1);
    const into = await adjacency(c.target.subarray(0, n), actors + 1);
    return new FlowGraph(c, parent, out, into, await adjacency(parent, n));
  }

  private constructor(
    /** The flows' columns, by flow index (ascending id): read, never changed, once built. */
    readonly c: Columns,
    /** Each flow's parent as an index (-1: none). */
    private readonly parent: Int32Array,
    private readonly out: Adjacency,
    private readonly into: Adjacency,
    private readonly children: Adjacency,
  ) {
    this.size = parent.length;
  }

  /** A test of the filter on a flow index, or null when nothing can match. */
  private matcher(filter: SubgraphFilter): ((i: number) => boolean) | null {
    const unit = this.c.codes.unit.find(filter.unit);
    if (unit === undefined) return null;
    const statuses = filter.statuses?.map((s) => this.c.codes.status.find(s) ?? -1) ?? null;
    const { year } = filter;
    return (i) =>
      this.c.unit[i] === unit &&
      (year === null || this.c.year[i] === year) &&
      (statuses === null || statuses.includes(this.c.status[i] as number));
  }

  /** The flows of actor `a` on one side, as a range of an adjacency list. */
  private flowsOf(side: Adjacency, k: number): Int32Array {
    if (k < 0 || k >= side.start.length - 1) return new Int32Array(0);
    return side.list.subarray(side.start[k], side.start[k + 1]);
  }

  /** The actors within `maxDepth` hops of `start` over flows that match. */
  private async reach(
    start: number,
    direction: Direction,
    maxDepth: number,
    match: (i: number) => boolean,
    pace: Pacer,
  ) {
    const down = direction === 'DOWNSTREAM';
    const [side, ends] = down ? [this.out, this.c.target] : [this.into, this.c.source];
    // typed marks rather than sets: a national trace reaches a quarter of a million actors
    const marked = new Uint8Array(this.out.start.length);
    const reached = [start];
    if (start >= 0 && start < marked.length) marked[start] = 1;
    for (let depth = 0, from = 0; depth < maxDepth && from < reached.length; depth++) {
      const to = reached.length;
      for (let k = from; k < to; k++) {
        const a = reached[k] as number;
        const [first, last] = [side.start[a] ?? 0, side.start[a + 1] ?? 0];
        for (let j = first; j < last; j++) {
          if ((j & CLOCK_EVERY) === 0) await pace.turn();
          const i = side.list[j] as number;
          const b = ends[i] as number;
          if (marked[b] === 0 && match(i)) {
            marked[b] = 1;
            reached.push(b);
          }
        }
      }
      from = to;
    }
    return reached;
  }

  /** Whether a flow takes part in an earmark under the filter: a child, or a matching child's parent. */
  private earmarked(i: number, match: (i: number) => boolean): boolean {
    if ((this.parent[i] as number) >= 0) return true;
    for (const c of this.flowsOf(this.children, i)) if (match(c)) return true;
    return false;
  }

  /** The flows (by index) that match and touch a reached actor, each once. */
  private async touching(reached: readonly number[], match: (i: number) => boolean, pace: Pacer) {
    const marked = new Uint8Array(this.size);
    const found: number[] = [];
    for (const a of reached) {
      for (const side of [this.out, this.into]) {
        const [first, last] = [side.start[a] ?? 0, side.start[a + 1] ?? 0];
        for (let j = first; j < last; j++) {
          if ((j & CLOCK_EVERY) === 0) await pace.turn();
          const i = side.list[j] as number;
          if (marked[i] === 1 || !match(i)) continue;
          marked[i] = 1;
          found.push(i);
        }
      }
    }
    return found;
  }

  private flowAt(i: number): TraceFlow {
    const p = this.parent[i] as number;
    return {
      id: this.c.ids[i] as number,
      source: this.c.source[i] as number,
      target: this.c.target[i] as number,
      amount: this.c.units(i),
      qualifier: this.c.codes.qualifier.names[this.c.qualifier[i] as number] as Qualifier,
      parent: p < 0 ? null : (this.c.ids[p] as number),
    };
  }

  /** What `loadSubgraph` loads for the same arguments, cut out of memory. */
  async subgraph(
    start: number,
    direction: Direction,
    maxDepth: number,
    filter: SubgraphFilter,
    individually: readonly number[] = [],
  ): Promise<Subgraph> {
    const match = this.matcher(filter);
    if (!match) return { flows: [], pooled: new Map() };
    // one clock for the whole cut: a turn at most 8 ms after the last, whichever loop runs
    const pace = pacer();
    const reached = await this.reach(start, direction, maxDepth, match, pace);
    const alone = new Set(individually);
    const flows: TraceFlow[] = [];
    const pooledFlows: number[] = [];
    for (const [k, i] of (await this.touching(reached, match, pace)).entries()) {
      if ((k & CLOCK_EVERY) === 0) await pace.turn();
      if (this.earmarked(i, match) || alone.has(this.c.ids[i] as number)) {
        flows.push(this.flowAt(i));
      } else pooledFlows.push(i);
    }
    return { flows, pooled: await this.pool(pooledFlows, flows, pace) };
  }

  /**
   * Sums the flows between each two actors into one pooled flow (negative ids, added to
   * `flows`): sources in the order met, then their targets in the order met.
   * Typed marks per actor instead of a Map per pair: a national trace sums a quarter of a
   * million pairs.
   */
  private async pool(list: readonly number[], flows: TraceFlow[], pace: Pacer) {
    const { source, target, qualifier, codes } = this.c;
    const actors = this.out.start.length;
    // each flow's source's place among the sources met, and the flows grouped by it
    const rank = new Int32Array(actors).fill(-1);
    let sources = 0;
    const ranks = new Int32Array(list.length);
    for (let j = 0; j < list.length; j++) {
      if ((j & CLOCK_EVERY) === 0) await pace.turn();
      const s = source[list[j] as number] as number;
      if (rank[s] === -1) rank[s] = sources++;
      ranks[j] = rank[s] as number;
    }
    const byRank = await adjacency(ranks, sources);
    const pooled = new Map<number, PooledPair>();
    const [seen, pairOf] = [new Int32Array(actors), new Int32Array(actors)];
    for (let r = 0; r < sources; r++) {
      for (let j = byRank.start[r] as number; j < (byRank.start[r + 1] as number); j++) {
        // by flows, not by sources: the treasury alone sends 250,000
        if ((j & CLOCK_EVERY) === 0) await pace.turn();
        const i = list[byRank.list[j] as number] as number;
        const [t, amount] = [target[i] as number, this.c.units(i)];
        const q = codes.qualifier.names[qualifier[i] as number] as Qualifier;
        if (seen[t] !== r + 1) {
          seen[t] = r + 1;
          pairOf[t] = flows.length;
          const id = -(pooled.size + 1);
          pooled.set(id, { source: source[i] as number, target: t, flowCount: 1 });
          flows.push({
            id,
            source: source[i] as number,
            target: t,
            amount,
            qualifier: q,
            parent: null,
          });
          continue;
        }
        const f = flows[pairOf[t] as number] as TraceFlow;
        f.amount += amount;
        f.qualifier = combineTwo(f.qualifier, q);
        (pooled.get(f.id) as PooledPair).flowCount += 1;
      }
    }
    return pooled;
  }

  /**
   * What `pooledMembers` reads for the same arguments: the flows each pooled pair stands for,
   * each source's outflows scanned once for all its listed pairs.
   */
  members(
    pairs: readonly PooledPair[],
    filter: SubgraphFilter,
    individually: readonly number[],
  ): PooledMember[] {
    const match = this.matcher(filter);
    if (!match) return [];
    const alone = new Set(individually);
    const targetsOf = new Map<number, Set<number>>();
    for (const { source, target } of pairs) {
      targetsOf.set(source, (targetsOf.get(source) ?? new Set()).add(target));
    }
    const members: PooledMember[] = [];
    for (const [source, targets] of targetsOf) {
      for (const i of this.flowsOf(this.out, source)) {
        const target = this.c.target[i] as number;
        if (!targets.has(target) || !match(i) || this.earmarked(i, match)) continue;
        const flow = this.flowAt(i);
        if (!alone.has(flow.id)) members.push({ id: flow.id, source, target, amount: flow.amount });
      }
    }
    return members;
  }
}
