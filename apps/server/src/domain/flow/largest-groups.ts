import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../../db/database.js';
import { type Columns, sliced } from '../../trace/flow-columns.js';
import { currentFlowColumns } from '../../trace/graph-store.js';
import { desc } from '../../trace/units.js';
import {
  BUCKET,
  FLOW_ROWS,
  type GroupRow,
  nullKeys,
  overlappingRows,
  ROW_ORDER,
  SOURCES,
} from './total-sources.js';

/**
 * `totals(largest:)` by target actor reads every flow of its filter: a national year by source,
 * program and target has 261,000 groups of about one flow each, which PostgreSQL summed and
 * ranked in 1.5 to 2 s. The flows' in-memory columns (the trace's graph, trace/graph-store.ts)
 * rank them in tens of milliseconds; the database then sums only the groups kept, and the rest
 * as the rollup's sums less theirs. Same answer as the SQL ranking (a test compares them).
 */

/** The dimensions that can be ranked in memory: columns of the in-memory flows. */
export type MemoryDimension = 'YEAR' | 'PROGRAM' | 'SOURCE' | 'TARGET';
export const MEMORY_DIMENSIONS: readonly string[] = ['YEAR', 'PROGRAM', 'SOURCE', 'TARGET'];

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
type Key = number[];

const columnOf = (c: Columns, d: MemoryDimension) =>
  ({ YEAR: c.year, PROGRAM: c.program, SOURCE: c.source, TARGET: c.target })[d];

/** The flows matching the filter, by index; null when a named code is not among the flows. */
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
function groupsOf(flows: Int32Array, columns: Int32Array[]) {
  let size = 1;
  while (size < 2 * flows.length) size *= 2;
  const table = new Int32Array(size).fill(-1);
  const slotOf = new Int32Array(flows.length);
  const first = new Int32Array(flows.length);
  let count = 0;
  for (let j = 0; j < flows.length; j++) {
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

/**
 * The `n` largest groups of the matching flows by public money, largest first, equal sums in
 * the order of their keys as text (as the SQL ranking orders them); every group when there are
 * no more than `n`. Doubles rank the groups first: every group of the exact top `n` sums at
 * least the `n`-th largest double (rounding is monotonic; a margin covers the rounding of
 * sums of doubles), so only the groups past that line are summed exactly, in base units.
 */
export async function rankGroups(
  c: Columns,
  memory: InMemory,
  n: number,
): Promise<{
  keys: Key[];
  groups: number;
  members: { ids: number[]; ranks: number[] } | null;
}> {
  const flows = await matching(c, memory.filter);
  const columns = memory.dims.map((d) => columnOf(c, d));
  const { slotOf, first, count } = groupsOf(flows, columns);
  const isPublic = publicTest(c);
  const approx = new Float64Array(count);
  for (let j = 0; j < flows.length; j++) {
    const i = flows[j] as number;
    const s = slotOf[j] as number;
    if (isPublic(i)) approx[s] = (approx[s] as number) + (c.approx[i] as number);
  }
  // a sum of k doubles is off by at most k units in the last place (k ≤ the flows)
  const margin = (flows.length + 1) * 2 ** -52;
  const line = count <= n ? -1 : kthLargest(approx, n) * (1 - margin);
  const exact = new Map<number, bigint>();
  for (let s = 0; s < count; s++) if ((approx[s] as number) >= line) exact.set(s, 0n);
  for (let j = 0; j < flows.length; j++) {
    const i = flows[j] as number;
    const sum = exact.get(slotOf[j] as number);
    if (sum !== undefined && isPublic(i)) exact.set(slotOf[j] as number, sum + c.units(i));
  }
  const keyOf = (slot: number): Key => columns.map((col) => col[first[slot] as number] as number);
  const kept = [...exact.keys()]
    .sort(
      (a, b) =>
        desc(exact.get(a) as bigint, exact.get(b) as bigint) || byKeyText(keyOf(a), keyOf(b)),
    )
    .slice(0, n);
  return { keys: kept.map(keyOf), groups: count, members: members(c, flows, slotOf, kept) };
}

/** Kept groups' flows past this many are matched by their keys in SQL, not listed by id. */
export const MAX_LISTED_MEMBERS = 100_000;

/** The flows of the kept groups, by id with their group's rank (from 1), unless too many. */
function members(c: Columns, flows: Int32Array, slotOf: Int32Array, kept: number[]) {
  const rank = new Map(kept.map((s, r) => [s, r + 1]));
  const ids: number[] = [];
  const ranks: number[] = [];
  for (let j = 0; j < flows.length; j++) {
    const r = rank.get(slotOf[j] as number);
    if (r === undefined) continue;
    if (ids.length === MAX_LISTED_MEMBERS) return null;
    ids.push(c.ids[flows[j] as number] as number);
    ranks.push(r);
  }
  return { ids, ranks };
}

const FLOW_COLUMN = {
  YEAR: 'year',
  PROGRAM: 'program_id',
  SOURCE: 'source_id',
  TARGET: 'target_id',
};

/**
 * The rows of `totals(largest:)` with the groups ranked in memory, as the SQL ranking gives
 * them (flow-totals.ts); null when the in-memory flows are not current or cannot rank these.
 * `where` is the filter as conditions on flow rows (the in-memory filter is the same filter).
 */
export async function largestInMemory(
  db: Kysely<Database>,
  keys: RawBuilder<unknown>[],
  where: RawBuilder<unknown>,
  n: number,
  memory: InMemory,
  listMembers = true,
): Promise<GroupRow[] | null> {
  if (memory.dims.length === 0) return null;
  const columns = await currentFlowColumns(db);
  if (!columns) return null;
  const ranked = await rankGroups(columns, memory, n);
  const { dims } = memory;
  const arrays = dims.map((_, d) => ranked.keys.map((k) => k[d] as number));
  const given = dims.map((_, d) => sql`${arrays[d]}::int[]`);
  const names = dims.map((_, d) => sql.ref(`k.k${d}`));
  const match = dims.map((dim, d) => {
    const column = sql.ref(`f.${FLOW_COLUMN[dim]}`);
    return sql`${dim === 'PROGRAM' ? sql`coalesce(${column}, -1)` : column} = ${names[d]}`;
  });
  const keyText = dims.map((_, d) => sql`nullif(${names[d]}, -1)::text`);
  const keyArray = dims.length ? sql`array[${sql.join(keyText)}]::text[]` : sql`array[]::text[]`;
  const cells = sql`bucket, qualifier, unit, has_low, has_high`;
  const listed = listMembers ? ranked.members : null;
  const { rows } = await sql<GroupRow>`
    with k as (select * from unnest(${sql.join(given)}) with ordinality
        as k(${sql.join(dims.map((_, d) => sql.ref(`k${d}`)))}, g)),
    kept as (
      select k.g, ${BUCKET} as bucket, f.qualifier, f.unit, f.has_low, f.has_high,
             sum(f.amount) as amount, sum(f.low) as low, sum(f.high) as high,
             sum(f.flow_count)::int as n
      from ${FLOW_ROWS}) f join ${
        // the kept groups' flows by id where they are few: a national year's 2,000 largest
        // groups by target were 110 ms of index lookups by their keys, 10 ms by id
        listed
          ? sql`unnest(${listed.ids}::int[], ${listed.ranks}::int[]) as k(id, g) on f.id = k.id`
          : sql`k on ${sql.join(match, sql` and `)}`
      }
      where ${where} group by k.g, ${cells}),
    whole as (
      select ${BUCKET} as bucket, f.qualifier, f.unit, f.has_low, f.has_high,
             sum(f.amount) as amount, sum(f.low) as low, sum(f.high) as high,
             sum(f.flow_count)::int as n
      from ${SOURCES.regions} where ${where} group by ${cells}),
    kept_cells as (
      select ${cells}, sum(amount) as amount, sum(low) as low, sum(high) as high, sum(n) as n
      from kept group by ${cells})
    select ${keyArray} as keys, false as rest, s.bucket, s.qualifier, s.unit, s.amount::text,
           s.low::text, s.high::text, s.n, null::jsonb as overlapping, s.g
    from kept s join k on k.g = s.g
    union all
    select ${nullKeys(dims.length)}, true, w.bucket, w.qualifier, w.unit,
           (w.amount - coalesce(c.amount, 0))::text, (w.low - coalesce(c.low, 0))::text,
           (w.high - coalesce(c.high, 0))::text, (w.n - coalesce(c.n, 0))::int, null, null
    from whole w left join kept_cells c using (${cells})
    where w.n > coalesce(c.n, 0)
    union all
    ${overlappingRows(keys, where)}
    ${ROW_ORDER}`.execute(db);
  return rows;
}
