/**
 * A trace's results by id (nodes by actor, links by flow), in the order they were made: kept as
 * two lists and looked up through a typed array over the ids' span when the ids are dense enough
 * (a national trace: a quarter of a million actors with serial ids), else through a Map. Cheaper
 * to build than a Map of a quarter of a million entries, which a trace otherwise spends most of
 * its time on.
 */
export class ResultMap<V> implements ReadonlyMap<number, V> {
  private table?: (id: number) => number;

  constructor(
    private readonly ids: readonly number[],
    private readonly list: readonly V[],
  ) {}

  get size() {
    return this.ids.length;
  }

  get(id: number): V | undefined {
    this.table ??= positions(this.ids);
    const k = this.table(id);
    return k < 0 ? undefined : this.list[k];
  }

  has(id: number): boolean {
    this.table ??= positions(this.ids);
    return this.table(id) >= 0;
  }

  *entries(): MapIterator<[number, V]> {
    for (let k = 0; k < this.ids.length; k++) yield [this.ids[k] as number, this.list[k] as V];
  }

  keys(): MapIterator<number> {
    return this.ids.values();
  }

  values(): MapIterator<V> {
    return this.list.values();
  }

  forEach(callback: (value: V, key: number, map: ReadonlyMap<number, V>) => void): void {
    for (const [id, v] of this.entries()) callback(v, id, this);
  }

  [Symbol.iterator](): MapIterator<[number, V]> {
    return this.entries();
  }
}

/**
 * A slot per integer id between `min` and `max` (-1: empty): a typed array over the span when
 * `count` ids fill it densely enough (serial ids, a large trace), else a Map.
 */
export function idSlots(min: number, max: number, count: number) {
  const span = Math.max(0, max - min + 1);
  if (span > 8 * count + 65_536) {
    const at = new Map<number, number>();
    return { get: (id: number) => at.get(id) ?? -1, set: (id: number, k: number) => at.set(id, k) };
  }
  const at = new Int32Array(span).fill(-1);
  return {
    get: (id: number) => (id < min || id > max ? -1 : (at[id - min] as number)),
    set: (id: number, k: number) => {
      at[id - min] = k;
    },
  };
}

/** Ids (no two alike) to their positions, -1 for an id not among them. */
function positions(ids: readonly number[]): (id: number) => number {
  let [min, max] = [0, -1];
  for (const id of ids) {
    if (max < min) [min, max] = [id, id];
    else if (id < min) min = id;
    else if (id > max) max = id;
  }
  const slots = idSlots(min, max, ids.length);
  for (const [k, id] of ids.entries()) slots.set(id, k);
  return slots.get;
}
