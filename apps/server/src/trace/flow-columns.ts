import type { Steps } from './steps.js';
import { pause } from './steps.js';
import { toUnits } from './units.js';

/** A flow row as the graph is loaded from (the columns a trace and largest totals read). */
export interface GraphRow {
  id: number;
  source_id: number;
  target_id: number;
  year: number;
  status: string;
  instrument: string;
  program_id: number | null;
  unit: string;
  qualifier: string;
  amount: string;
  parent_id: number | null;
}

const INT64_MAX = 2n ** 63n - 1n;

/** Small codes for the few distinct strings of a column (statuses, units, qualifiers). */
export class Codes {
  readonly names: string[] = [];
  private readonly index = new Map<string, number>();
  code(name: string): number {
    let c = this.index.get(name);
    if (c === undefined) {
      c = this.names.length;
      this.names.push(name);
      this.index.set(name, c);
    }
    return c;
  }
  find(name: string): number | undefined {
    return this.index.get(name);
  }
}

/** Compressed adjacency: the flows (by index) of each key, `start[k]` to `start[k + 1]`. */
export interface Adjacency {
  start: Int32Array;
  list: Int32Array;
}

/** Elements a loop over every flow handles between two turns of the event loop. */
const SLICE = 1 << 18;

/** Runs `body(i)` for i in [0, n), giving the event loop a turn every SLICE elements. */
export async function sliced(n: number, body: (i: number) => void): Promise<void> {
  for (let from = 0; from < n; from += SLICE) {
    if (from > 0) await pause();
    const to = Math.min(n, from + SLICE);
    for (let i = from; i < to; i++) body(i);
  }
}

/** Groups flow indexes by a key per flow (an actor, a parent; -1: none), giving the event loop turns. */
export async function adjacency(keyOf: Int32Array, keys: number): Promise<Adjacency> {
  const steps = grouped(keyOf, keys);
  for (let next = steps.next(); ; next = steps.next()) {
    if (next.done) return next.value;
    await pause();
  }
}

/**
 * Groups flow indexes by a key per flow (keys 0 to `keys - 1`; -1: none), each group in flow
 * order, as pausable work that yields every SLICE flows.
 */
export function* grouped(keyOf: Int32Array, keys: number): Steps<Adjacency> {
  const start = new Int32Array(keys + 1);
  for (let i = 0; i < keyOf.length; i++) {
    const k = keyOf[i] as number;
    if (k >= 0) start[k + 1] = (start[k + 1] as number) + 1;
    if ((i & (SLICE - 1)) === SLICE - 1) yield;
  }
  for (let k = 0; k < keys; k++) start[k + 1] = (start[k + 1] as number) + (start[k] as number);
  const next = start.slice();
  const list = new Int32Array(start[keys] as number);
  for (let i = 0; i < keyOf.length; i++) {
    const k = keyOf[i] as number;
    if (k >= 0) list[(next[k] as number)++] = i;
    if ((i & (SLICE - 1)) === SLICE - 1) yield;
  }
  return { start, list };
}

/** Growable columns that flow rows, given in ascending id, are appended to. */
export class Columns {
  length = 0;
  ids = new Int32Array(1024);
  source = new Int32Array(1024);
  target = new Int32Array(1024);
  year = new Int32Array(1024);
  status = new Uint16Array(1024);
  instrument = new Uint16Array(1024);
  /** -1: none. */
  program = new Int32Array(1024);
  unit = new Uint16Array(1024);
  qualifier = new Uint16Array(1024);
  amount = new BigInt64Array(1024);
  /** The amount as the nearest double: for ranking, never for sums (see largest-groups.ts). */
  approx = new Float64Array(1024);
  parentId = new Int32Array(1024);
  /** Amounts past 64 bits (in base units), by flow index. */
  readonly large = new Map<number, bigint>();

  /** Flow i's amount in base units of 1e-4. */
  units(i: number): bigint {
    return this.large.get(i) ?? (this.amount[i] as bigint);
  }
  readonly codes = {
    status: new Codes(),
    instrument: new Codes(),
    unit: new Codes(),
    qualifier: new Codes(),
  };

  add(r: GraphRow) {
    if (this.length === this.ids.length) this.grow();
    const i = this.length++;
    if (i > 0 && r.id <= (this.ids[i - 1] as number)) throw new Error('flow rows out of order');
    this.ids[i] = r.id;
    this.source[i] = r.source_id;
    this.target[i] = r.target_id;
    this.year[i] = r.year;
    this.status[i] = this.codes.status.code(r.status);
    this.instrument[i] = this.codes.instrument.code(r.instrument);
    this.program[i] = r.program_id ?? -1;
    this.unit[i] = this.codes.unit.code(r.unit);
    this.qualifier[i] = this.codes.qualifier.code(r.qualifier);
    this.parentId[i] = r.parent_id ?? -1;
    const units = toUnits(r.amount);
    this.approx[i] = Number(units);
    if (units > INT64_MAX) this.large.set(i, units);
    else this.amount[i] = units;
  }

  private grow() {
    const twice = <T extends Int32Array | Uint16Array | BigInt64Array | Float64Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(a.length * 2);
      b.set(a as never);
      return b;
    };
    this.ids = twice(this.ids);
    this.source = twice(this.source);
    this.target = twice(this.target);
    this.year = twice(this.year);
    this.status = twice(this.status);
    this.instrument = twice(this.instrument);
    this.program = twice(this.program);
    this.unit = twice(this.unit);
    this.qualifier = twice(this.qualifier);
    this.amount = twice(this.amount);
    this.approx = twice(this.approx);
    this.parentId = twice(this.parentId);
  }
}
