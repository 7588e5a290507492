/**
 * The walks of the readable trace (oracle/propagate.ts), over Maps of flow objects: the
 * fast walks in ../walk.ts must find what these find.
 */

import type { Steps } from '../steps.js';
import type { TraceFlow } from '../trace-types.js';
import { type Ends, FLOWS_PER_STEP } from '../walk.js';

/** Every node's flows, by end. */
export function indexEnds(flows: readonly TraceFlow[]): (node: number) => Ends {
  const ends = new Map<number, Ends>();
  const endsOf = (node: number) => {
    let e = ends.get(node);
    if (!e) {
      e = { source: [], target: [] };
      ends.set(node, e);
    }
    return e;
  };
  for (const f of flows) {
    endsOf(f.target).target.push(f);
    endsOf(f.source).source.push(f);
  }
  return endsOf;
}

/** How a trace walks the graph: the flows it leaves each node by, and where a flow leads. */
export interface Walk {
  origin: number;
  maxDepth: number;
  leaving: (node: number) => TraceFlow[];
  onward: (node: number) => TraceFlow[];
  next: (f: TraceFlow) => number;
}

/** Fewest hops from the origin. Nodes at maxDepth are reached but not expanded. */
export function* reachDepths(walk: Walk): Steps<Map<number, number>> {
  const depth = new Map<number, number>([[walk.origin, 0]]);
  let frontier = [walk.origin];
  let handled = 0;
  for (let d = 0; d < walk.maxDepth && frontier.length; d++) {
    const nextFrontier: number[] = [];
    for (const node of frontier) {
      const leaving = walk.leaving(node);
      handled += 1 + leaving.length;
      if (handled >= FLOWS_PER_STEP) {
        handled = 0;
        yield;
      }
      for (const f of leaving) {
        const reached = walk.next(f);
        if (!depth.has(reached)) {
          depth.set(reached, d + 1);
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
 * the nodes that feed it; flows into a node still on the stack close a cycle (`back`).
 */
export function* visitOrder(
  walk: Walk,
  expanded: (node: number) => boolean,
): Steps<{ order: number[]; back: Set<number> }> {
  const order: number[] = [];
  const state = new Map<number, 'open' | 'done'>();
  const back = new Set<number>();
  const stack: { node: number; edges: TraceFlow[]; i: number }[] = [
    { node: walk.origin, edges: walk.leaving(walk.origin), i: 0 },
  ];
  state.set(walk.origin, 'open');
  let handled = 0;
  while (stack.length) {
    if (++handled % FLOWS_PER_STEP === 0) yield;
    const top = stack[stack.length - 1] as (typeof stack)[number];
    const f = top.edges[top.i++];
    if (!f) {
      state.set(top.node, 'done');
      order.push(top.node);
      stack.pop();
      continue;
    }
    const reached = walk.next(f);
    const s = state.get(reached);
    if (s === 'open') back.add(f.id);
    else if (s === undefined) {
      state.set(reached, 'open');
      stack.push({ node: reached, edges: expanded(reached) ? walk.onward(reached) : [], i: 0 });
    }
  }
  return { order: order.reverse(), back };
}
