/**
 * `node(id)` answers `{}` when the id is of another type (the inline fragment does not apply).
 * Returns the node when it has `key`, typed without the empty case.
 */
export function nodeWith<N extends object, K extends string>(
  node: N | null | undefined,
  key: K,
): Exclude<N, Record<PropertyKey, never>> | null {
  return node && key in node ? (node as Exclude<N, Record<PropertyKey, never>>) : null;
}
