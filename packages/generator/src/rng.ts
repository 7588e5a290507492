/**
 * Deterministic randomness for the synthetic data set: every choice comes from a mulberry32
 * stream seeded from the run's seed and a label, so one part's draws never shift another's.
 * No Math.random, no clock.
 */
function mulberry32(state: number): () => number {
  let a = state >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a of seed and label: independent streams, so that one part's draws don't shift another's. */
export function stream(seed: number, label: string): Rng {
  let h = 0x811c9dc5;
  for (const ch of `${seed}:${label}`) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193);
  }
  return new Rng(mulberry32(h));
}

export class Rng {
  constructor(readonly next: () => number) {}
  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const a = at(items, i);
      items[i] = at(items, j);
      items[j] = a;
    }
    return items;
  }
}

export function at<T>(items: ArrayLike<T>, i: number): T {
  const v = items[i];
  if (v === undefined) throw new Error(`synthetic: index ${i} out of range`);
  return v;
}
