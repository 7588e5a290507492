import { type Adjacency, grouped } from './flow-columns.js';
import { idSlots } from './result-map.js';
import type { Steps } from './steps.js';
import type { TraceFlow } from './trace-types.js';

/**
 * A trace's flows indexed for its walks: actors numbered densely (the origin is node 0), each
 * flow's ends as node numbers, and each node's outflows and inflows as ranges of flow indexes,
 * in the order of the flows given (the order the rule's tie-breaks and cycles depend on).
 */
export interface FlowIndex {
  flows: readonly TraceFlow[];
  /** The actor id of each node. */
  actors: number[];
  /** Each flow's source and target node. */
  source: Int32Array;
  target: Int32Array;
  /** Each node's outflows and inflows. */
  outOf: Adjacency;
  into: Adjacency;
  /** 1 for a node with an outflow that names a parent flow: it passes money on by the general rule. */
  earmarking: Uint8Array;
}

/** Flows numbered between two pauses while a trace's index is built. */
const FLOWS_PER_PAUSE = 4096;

export function* indexFlows(flows: readonly TraceFlow[], origin: number): Steps<FlowIndex> {
  const actors = [origin];
  const node = numbering(flows, actors);
  const n = flows.length;
  const source = new Int32Array(n);
  const target = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const f = flows[i] as TraceFlow;
    source[i] = node(f.source);
    target[i] = node(f.target);
    if (i % FLOWS_PER_PAUSE === FLOWS_PER_PAUSE - 1) yield;
  }
  const earmarking = new Uint8Array(actors.length);
  for (let i = 0; i < n; i++) {
    if ((flows[i] as TraceFlow).parent !== null) earmarking[source[i] as number] = 1;
  }
  const outOf = yield* grouped(source, actors.length);
  const into = yield* grouped(target, actors.length);
  return { flows, actors, source, target, outOf, into, earmarking };
}

/**
 * Numbers actors in the order met, after those in `actors`: through a typed array over the ids'
 * span when the ids are dense enough (serial ids, a large trace), else through a Map.
 */
function numbering(flows: readonly TraceFlow[], actors: number[]): (actor: number) => number {
  let [min, max] = [actors[0] as number, actors[0] as number];
  for (const f of flows) {
    min = Math.min(min, f.source, f.target);
    max = Math.max(max, f.source, f.target);
  }
  const slots = idSlots(min, max, flows.length);
  for (const [k, a] of actors.entries()) slots.set(a, k);
  return (a) => {
    const known = slots.get(a);
    if (known >= 0) return known;
    slots.set(a, actors.length);
    return actors.push(a) - 1;
  };
}

/** The positions of a node's flows in an adjacency's list: [first, last). */
export function rangeOf(side: Adjacency, node: number): [number, number] {
  return [side.start[node] as number, side.start[node + 1] as number];
}
