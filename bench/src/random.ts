/**
 * Seeded draws for the varied mode: every target replays the same sequence for the same seed,
 * and no request repeats the one before it.
 */

/** mulberry32: small, fast and deterministic; plenty for picking parameters. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws from `pool` at random, never the same item twice in a row (a pool of one repeats). */
export function draws<T>(pool: readonly T[], seed: number): () => T {
  if (pool.length === 0) throw new Error('an empty parameter pool');
  const random = prng(seed);
  let last = -1;
  return () => {
    let i = Math.floor(random() * pool.length);
    if (i === last && pool.length > 1) i = (i + 1) % pool.length;
    last = i;
    return pool[i] as T;
  };
}

/** The same item every time: the repeated-request mode, which measures caches. */
export const repeats =
  <T>(pool: readonly T[]): (() => T) =>
  () => {
    if (pool.length === 0) throw new Error('an empty parameter pool');
    return pool[0] as T;
  };
