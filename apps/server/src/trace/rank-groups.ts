import { type Columns, sliced } from './flow-columns.js';
import { pause } from './steps.js';
import { desc } from './units.js';

/**
 * The largest groups of flows by public money, ranked in the flows' in-memory columns (the
 * trace's graph) as PostgreSQL would rank them: largest-groups.ts sums only those in SQL.
 */

/** The dimensions that can be ranked in memory: columns of the in-memory flows. */
export const MEMORY_DIMENSIONS = ['YEAR', 'PROGRAM', 'SOURCE', 'TARGET'] as const;
export type MemoryDimension = (typeof MEMORY_DIMENSIONS)[number];

/** The filters that can be matched in memory (ids decoded), and the grouping. */
export interface InMemory {
  dims: readonly MemoryDimension[];
  filter: {
    year?: number | null;
    status?: string | null;
    instrument?: string | null;
    unit?: string | null;
    programId?: number | null;
  };
}

/** A group's key: a value per dimension (-1: no program). */
export type Key = number[];

const columnOf = (c: Columns, d: MemoryDimension) =>
  ({ YEAR: c.year, PROGRAM: c.program, SOURCE: c.source, TARGET: c.target })[d];

/** The flows matching the filter, by index (none when a named code is not among the flows). */
async function matching(c: Columns, filter: InMemory['filter']): Promise<Int32Array> {
  const code = (codes: { find(n: string): number | undefined }, name?: string | null) =>
    name == null ? -1 : (codes.find(name) ?? -2);
  const [status, instrument, unit] = [
    code(c.codes.status, filter.status),
    code(c.codes.instrument, filter.instrument),
    code(c.codes.unit, filter.unit),
  ];
  const { year, programId } = filter;
  const found = new Int32Array(c.length);
  let n = 0;
  if (status === -2 || instrument === -2 || unit === -2) return found.subarray(0, 0);
  await sliced(c.length, (i) => {
    if (year != null && c.year[i] !== year) return;
    if (status >= 0 && c.status[i] !== status) return;
    if (instrument >= 0 && c.instrument[i] !== instrument) return;
    if (unit >= 0 && c.unit[i] !== unit) return;
    if (programId != null && c.program[i] !== programId) return;
    found[n++] = i;
  });
  return found.subarray(0, n);
}

/**
 * Whether flow i counts as public money: the 'PUBLIC' bucket of total-sources.ts's BUCKET (in
 * yuan, not planned, neither loan principal nor leveraged money).
 */
function publicTest(c: Columns): (i: number) => boolean {
  const cny = c.codes.unit.find('CNY') ?? -1;
  const planned = c.codes.status.find('PLANNED') ?? -1;
  const [loan, leveraged] = [c.codes.instrument.find('LOAN'), c.codes.instrument.find('LEVERAGED')];
  return (i) =>
    c.unit[i] === cny &&
    c.status[i] !== planned &&
    c.instrument[i] !== loan &&
    c.instrument[i] !== leveraged;
}

/** Keys as PostgreSQL orders them as text arrays (ids as text, no program last). */
function byKeyText(a: Key, b: Key): number {
  for (let d = 0; d < a.length; d++) {
    const [x, y] = [a[d] as number, b[d] as number];
    if (x === y) continue;
    if (x < 0 || y < 0) return x < 0 ? 1 : -1;
    const [s, t] = [String(x), String(y)];
    return s < t ? -1 : 1;
  }
  return 0;
}

function sameKey(columns: Int32Array[], a: number, b: number): boolean {
  for (let d = 0; d < columns.length; d++) {
    const col = columns[d] as Int32Array;
    if (col[a] !== col[b]) return false;
  }
  return true;
}

/** The k-th largest of the values (1 ≤ k ≤ their number): a heap of the k largest so far. */
function kthLargest(values: Float64Array, k: number): number {
  const heap = new Float64Array(k); // the least of them at the root
  let size = 0;
  for (let j = 0; j < values.length; j++) {
    const v = values[j] as number;
    if (size === k && v <= (heap[0] as number)) continue;
    let i = size < k ? size++ : 0;
    if (i > 0) {
      for (let p = (i - 1) >> 1; i > 0 && (heap[p] as number) > v; p = (i - 1) >> 1) {
        heap[i] = heap[p] as number;
        i = p;
      }
    } else {
      for (let l = 1; l < size; l = 2 * i + 1) {
        const r = l + 1;
        const least = r < size && (heap[r] as number) < (heap[l] as number) ? r : l;
        if ((heap[least] as number) >= v) break;
        heap[i] = heap[least] as number;
        i = least;
      }
    }
    heap[i] = v;
  }
  return heap[0] as number;
}

/** The groups of the flows by their values in `columns`: each flow's group, each group's first flow. */
async function groupsOf(flows: Int32Array, columns: Int32Array[]) {
  let size = 1;
  while (size < 2 * flows.length) size *= 2;
  const table = new Int32Array(size).fill(-1);
  const slotOf = new Int32Array(flows.length);
  const first = new Int32Array(flows.length);
  let count = 0;
  for (let j = 0; j < flows.length; j++) {
    if ((j & TURN) === TURN) await pause();
    const i = flows[j] as number;
    let hash = 0;
    for (const col of columns)
      hash = Math.imul(hash ^ (col[i] as number), 0x9e3779b1) ^ (hash >>> 15);
    for (let at = hash & (size - 1); ; at = (at + 1) & (size - 1)) {
      const slot = table[at] as number;
      if (slot < 0) {
        table[at] = count;
        first[count] = i;
        slotOf[j] = count++;
        break;
      }
      if (sameKey(columns, first[slot] as number, i)) {
        slotOf[j] = slot;
        break;
      }
    }
  }
  return { slotOf, first: first.subarray(0, count), count };
}

/** Loops over flows give the event loop a turn every this many + 1 (a power of two less one). */
const TURN = (1 << 17) - 1;

/** Past this many groups of equal sum at the line, SQL ranks them (ordering them by key here). */
const MAX_TIES = 20_000;

/**
 * The `n` largest groups of the matching flows by public money, largest first, equal sums in
 * the order of their keys as text (as the SQL ranking orders them); every group when there are
 * no more than `n`; null when too many groups tie at the line. Doubles rank the groups first.
 * Amounts are never negative, so a group's double is off by at most k units in the last place
 * of its k flows, and two groups compare wrongly by doubles only when their exact sums are
 * within (their flows + 1) such units: every group of the exact top `n` sums at least the
 * `n`-th largest double less that margin. Only the groups past that line are summed exactly,
 * in base units.
 */
export async function rankGroups(
  c: Columns,
  memory: InMemory,
  n: number,
): Promise<{ keys: Key[]; members: { ids: number[]; ranks: number[] } | null } | null> {
  const flows = await matching(c, memory.filter);
  const columns = memory.dims.map((d) => columnOf(c, d));
  const { slotOf, first, count } = await groupsOf(flows, columns);
  const isPublic = publicTest(c);
  const approx = new Float64Array(count);
  for (let j = 0; j < flows.length; j++) {
    if ((j & TURN) === TURN) await pause();
    const i = flows[j] as number;
    const s = slotOf[j] as number;
    if (isPublic(i)) approx[s] = (approx[s] as number) + (c.approx[i] as number);
  }
  const margin = (flows.length + 1) * 2 ** -52;
  const nth = count <= n ? -1 : kthLargest(approx, n);
  const line = nth * (1 - margin);
  // at zero every group without public money ties: ordering many by key is SQL's job
  if (nth === 0 && count - approx.filter((v) => v > 0).length > MAX_TIES) return null;
  const exact = new Map<number, bigint>();
  for (let s = 0; s < count; s++) if ((approx[s] as number) >= line) exact.set(s, 0n);
  for (let j = 0; j < flows.length; j++) {
    if ((j & TURN) === TURN) await pause();
    const i = flows[j] as number;
    const sum = exact.get(slotOf[j] as number);
    if (sum !== undefined && isPublic(i)) exact.set(slotOf[j] as number, sum + c.units(i));
  }
  const keys = new Map(
    [...exact.keys()].map((s) => [s, columns.map((col) => col[first[s] as number] as number)]),
  );
  const kept = [...exact.keys()]
    .sort(
      (a, b) =>
        desc(exact.get(a) as bigint, exact.get(b) as bigint) ||
        byKeyText(keys.get(a) as Key, keys.get(b) as Key),
    )
    .slice(0, n);
  return {
    keys: kept.map((s) => keys.get(s) as Key),
    members: await members(c, flows, slotOf, kept),
  };
}

/** Kept groups' flows past this many are matched by their keys in SQL, not listed by id. */
const MAX_LISTED_MEMBERS = 100_000;

/** The flows of the kept groups, by id with their group's rank (from 1), unless too many. */
async function members(c: Columns, flows: Int32Array, slotOf: Int32Array, kept: number[]) {
  const rank = new Map(kept.map((s, r) => [s, r + 1]));
  const ids: number[] = [];
  const ranks: number[] = [];
  for (let j = 0; j < flows.length; j++) {
    if ((j & TURN) === TURN) await pause();
    const r = rank.get(slotOf[j] as number);
    if (r === undefined) continue;
    if (ids.length === MAX_LISTED_MEMBERS) return null;
    ids.push(c.ids[flows[j] as number] as number);
    ranks.push(r);
  }
  return { ids, ranks };
}
