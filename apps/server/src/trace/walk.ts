import type { Adjacency } from './flow-columns.js';
import { type FlowIndex, rangeOf } from './flow-index.js';
import type { Steps } from './steps.js';
import type { Direction, ResidualKind, TraceFlow } from './trace-types.js';

/** An end of a flow. */
export type End = 'source' | 'target';

/** A node's flows by the end of them it is: `target` holds its inflows, `source` its outflows. */
export type Ends = Record<End, TraceFlow[]>;

/**
 * A trace direction as a value. Traced money leaves a node by the flows whose `from` end is
 * the node and reaches the node at their `to` end; what stays behind is named by `kept` (at a
 * node that has onward flows) or `end` (at one that has none).
 */
export interface Way {
  from: End;
  to: End;
  kept: ResidualKind;
  end: ResidualKind;
}

export const WAYS: Record<Direction, Way> = {
  DOWNSTREAM: { from: 'source', to: 'target', kept: 'RETAINED', end: 'RETAINED' },
  UPSTREAM: { from: 'target', to: 'source', kept: 'UNATTRIBUTED', end: 'ORIGIN' },
};

/** How many flows a walk or a trace handles between two pauses (each node counts as one). */
export const FLOWS_PER_STEP = 64;

/**
 * How a trace walks its index: the flows it leaves each node by (the origin: the seeds only)
 * and the node each flow leads to.
 */
export interface Walk {
  index: FlowIndex;
  way: Way;
  /** The flows (indexes) that carry the starting amount, in the order given. */
  seeds: Int32Array;
  maxDepth: number;
}

/** The flows a walk leaves by and arrives by, and the node at each end it follows. */
export function sidesOf({ index, way }: Walk) {
  const down = way.from === 'source';
  return {
    leaving: down ? index.outOf : index.into,
    arriving: down ? index.into : index.outOf,
    next: down ? index.target : index.source,
  };
}

/** The flows a walk leaves `node` by: a list and the range of it. */
function leavingOf(walk: Walk, leaving: Adjacency, node: number): [Int32Array, number, number] {
  if (node === 0) return [walk.seeds, 0, walk.seeds.length];
  return [leaving.list, ...rangeOf(leaving, node)];
}

/** Fewest hops from the origin (node 0), -1 where unreached. Nodes at maxDepth are not expanded. */
export function* reachDepths(walk: Walk): Steps<Int32Array> {
  const { leaving, next } = sidesOf(walk);
  const depth = new Int32Array(walk.index.actors.length).fill(-1);
  depth[0] = 0;
  let frontier = [0];
  let handled = 0;
  for (let d = 0; d < walk.maxDepth && frontier.length; d++) {
    const nextFrontier: number[] = [];
    for (const node of frontier) {
      const [list, first, last] = leavingOf(walk, leaving, node);
      handled += 1 + last - first;
      if (handled >= FLOWS_PER_STEP) {
        handled = 0;
        yield;
      }
      for (let j = first; j < last; j++) {
        const reached = next[list[j] as number] as number;
        if (depth[reached] === -1) {
          depth[reached] = d + 1;
          nextFrontier.push(reached);
        }
      }
    }
    frontier = nextFrontier;
  }
  return depth;
}

/**
 * The nodes in reverse postorder of an iterative depth-first search, so that each comes after
 * the nodes that feed it; flows into a node still on the stack close a cycle (`back`, in the
 * order found). Only nodes above the depth limit are expanded.
 */
export function* visitOrder(
  walk: Walk,
  depth: Int32Array,
): Steps<{ order: number[]; back: number[]; isBack: Uint8Array }> {
  const { leaving, next } = sidesOf(walk);
  const nodes = depth.length;
  const [OPEN, DONE] = [1, 2];
  const state = new Uint8Array(nodes);
  const isBack = new Uint8Array(walk.index.flows.length);
  const order: number[] = [];
  const back: number[] = [];
  const stackNode = new Int32Array(nodes);
  const stackAt = new Int32Array(nodes);
  const stackEnd = new Int32Array(nodes);
  const push = (node: number, sp: number) => {
    const d = depth[node] as number;
    const [first, last] =
      d >= 0 && d < walk.maxDepth ? leavingOf(walk, leaving, node).slice(1) : [0, 0];
    [stackNode[sp], stackAt[sp], stackEnd[sp]] = [node, first as number, last as number];
    state[node] = OPEN;
  };
  push(0, 0);
  let handled = 0;
  for (let sp = 1; sp > 0; ) {
    if (++handled % FLOWS_PER_STEP === 0) yield;
    const top = sp - 1;
    const node = stackNode[top] as number;
    if (stackAt[top] === stackEnd[top]) {
      state[node] = DONE;
      order.push(node);
      sp--;
      continue;
    }
    const j = (stackAt[top] as number) + 1;
    stackAt[top] = j;
    const f = (top === 0 ? walk.seeds : leaving.list)[j - 1] as number;
    const reached = next[f] as number;
    if (state[reached] === OPEN) {
      isBack[f] = 1;
      back.push(f);
    } else if (state[reached] === 0) push(reached, sp++);
  }
  return { order: order.reverse(), back, isBack };
}
