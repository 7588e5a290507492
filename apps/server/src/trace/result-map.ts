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

/** Whether `count` ids over a span of `span` are dense enough for a typed array over the span. */
export const denseEnough = (span: number, count: number) => span <= 8 * count + 65_536;

/** Ids (no two alike) to their positions, -1 for an id not among them. */
function positions(ids: readonly number[]): (id: number) => number {
  let [min, max] = [0, -1];
  for (const id of ids) {
    if (max < min) [min, max] = [id, id];
    else if (id < min) min = id;
    else if (id > max) max = id;
  }
  const span = max - min + 1;
  if (!denseEnough(span, ids.length)) {
    const at = new Map(ids.map((id, k) => [id, k]));
    return (id) => at.get(id) ?? -1;
  }
  const at = new Int32Array(Math.max(0, span)).fill(-1);
  ids.forEach((id, k) => {
    at[id - min] = k;
  });
  return (id) => (id < min || id > max ? -1 : (at[id - min] as number));
}
