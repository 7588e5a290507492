import { InputError } from '../errors.js';

export const MAX_PAGE = 100;
export const DEFAULT_PAGE = 20;

/** `first` must be 1..100: larger requests are refused, as GitHub's API does, not clamped. */
export function pageSize(first: number | null | undefined): number {
  if (first == null) return DEFAULT_PAGE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) {
    throw new InputError(`first must be between 1 and ${MAX_PAGE}, got ${first}`, 'first');
  }
  return first;
}

const PREFIX = 'cursor:';

export function encodeCursor(id: number): string {
  return Buffer.from(`${PREFIX}${id}`).toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined): number | null {
  if (cursor == null) return null;
  const text = Buffer.from(cursor, 'base64url').toString();
  const id = Number(text.slice(PREFIX.length));
  if (!text.startsWith(PREFIX) || !Number.isSafeInteger(id) || id < 0) {
    throw new InputError('Malformed cursor: pass an endCursor from a previous page', 'after');
  }
  return id;
}

/** Keyset page over ascending ids: fetch one row more than asked to learn whether more follow. */
export function toConnection<T extends { id: number }>(
  rows: T[],
  size: number,
  totalCount?: number,
) {
  const page = rows.slice(0, size);
  const edges = page.map((node) => ({ cursor: encodeCursor(node.id), node }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: rows.length > size,
      hasPreviousPage: false,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
