import { Decimal } from '@fundtrace/schema/money';
import { ITEMS_PER_STEP, type Steps } from './steps.js';

/** Traces count in integer base units of 1e-4 yuan, the scale of the database's numerics. */
const BASE = new Decimal(10_000);

/** Decimal text (numeric(24,4)) → integer base units of 1e-4. */
export function toUnits(text: string): bigint {
  const negative = text.startsWith('-');
  const [int = '0', frac = ''] = (negative ? text.slice(1) : text).split('.');
  const units = BigInt(int) * 10_000n + BigInt(frac.slice(0, 4).padEnd(4, '0'));
  return negative ? -units : units;
}

export const decimalOf = (units: bigint) => new Decimal(units.toString()).div(BASE);

/** For sorting largest first. */
export const desc = (a: bigint, b: bigint) => (b > a ? 1 : b < a ? -1 : 0);

/**
 * The first `k` items of a stable sort by amount, largest first (equal amounts keep their
 * order), without sorting them all: a national trace lists 100 of a quarter of a million. A heap
 * of the best `k` so far, as pausable work.
 */
export function* largest<T>(
  items: Iterable<T>,
  k: number,
  amountOf: (item: T) => bigint,
): Steps<T[]> {
  type Entry = { item: T; amount: bigint; at: number };
  // a before b in the answer: more money, or as much and met earlier
  const before = (a: Entry, b: Entry) =>
    a.amount > b.amount || (a.amount === b.amount && a.at < b.at);
  const heap: Entry[] = []; // the worst kept entry at the root
  const sift = (from: number) => {
    for (let i = from; ; ) {
      const [l, r] = [2 * i + 1, 2 * i + 2];
      let worst = i;
      if (l < heap.length && before(heap[worst] as Entry, heap[l] as Entry)) worst = l;
      if (r < heap.length && before(heap[worst] as Entry, heap[r] as Entry)) worst = r;
      if (worst === i) return;
      [heap[i], heap[worst]] = [heap[worst] as Entry, heap[i] as Entry];
      i = worst;
    }
  };
  let at = 0;
  for (const item of items) {
    if (++at % ITEMS_PER_STEP === 0) yield;
    if (k <= 0) continue;
    const entry = { item, amount: amountOf(item), at };
    if (heap.length < k) {
      heap.push(entry);
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (!before(heap[parent] as Entry, heap[i] as Entry)) break;
        [heap[i], heap[parent]] = [heap[parent] as Entry, heap[i] as Entry];
        i = parent;
      }
    } else if (before(entry, heap[0] as Entry)) {
      heap[0] = entry;
      sift(0);
    }
  }
  return heap.sort((a, b) => (before(a, b) ? -1 : 1)).map((e) => e.item);
}
