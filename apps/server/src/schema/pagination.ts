import { type Kysely, type RawBuilder, sql } from 'kysely';
import { builder } from '../builder.js';
import type { Database } from '../db/database.js';
import { InputError } from '../domain/errors.js';

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

const CURSOR = /^cursor:([1-9]\d{0,9})$/;

export function encodeCursor(id: number): string {
  return Buffer.from(`cursor:${id}`).toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined): number | null {
  if (cursor == null) return null;
  const match = CURSOR.exec(Buffer.from(cursor, 'base64url').toString());
  const id = Number(match?.[1]);
  if (!match || id > 2_147_483_647) {
    throw new InputError('Malformed cursor: pass an endCursor from a previous page', 'after');
  }
  return id;
}

/** A page of rows plus the total over all pages, counted only when `totalCount` is asked for. */
export interface Page<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  count: () => Promise<number>;
}

/** Keyset page over ascending ids: `rows` holds one row more than asked, to tell whether more follow. */
export function toConnection<T extends { id: number }>(
  rows: T[],
  size: number,
  count: () => Promise<number>,
): Page<T> {
  const edges = rows.slice(0, size).map((node) => ({ cursor: encodeCursor(node.id), node }));
  return {
    edges,
    count,
    pageInfo: {
      hasNextPage: rows.length > size,
      hasPreviousPage: false,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/** Connection fields cost what they select times the page size they ask for. */
export const pageComplexity = (args: { first?: number | null }) => ({
  field: 1,
  // capped: a larger `first` is refused by pageSize with its own message
  multiplier: Math.min(MAX_PAGE, Math.max(1, args.first ?? DEFAULT_PAGE)),
});

/** A capped plain list (`first: Int = 100`, at most 100) costs what it selects times `first`. */
export const firstComplexity = (args: { first?: number | null }) => ({
  field: 1,
  multiplier: Math.min(MAX_PAGE, Math.max(1, args.first ?? MAX_PAGE)),
});

/** A Relay connection type with `totalCount`. */
export function connectionOf<T extends { id: number }>(
  // biome-ignore lint/suspicious/noExplicitAny: any node ref of the schema
  type: any,
  name: string,
) {
  return builder.connectionObject({
    type,
    name,
    fields: (t) => ({
      totalCount: t.int({
        description: 'Rows matching the filter, over all pages.',
        resolve: (c) => (c as unknown as Page<T>).count(),
      }),
    }),
  });
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/**
 * A keyset page from `fetch` (the rows after an id by ascending id, at most `limit`, and their
 * count): `first` checked, the cursor decoded, one row more asked for to tell whether more follow.
 */
export async function keysetPage<T extends { id: number }>(
  args: PageArgs,
  fetch: (after: number, limit: number) => Promise<{ rows: T[]; count: () => Promise<number> }>,
): Promise<Page<T>> {
  const size = pageSize(args.first);
  const page = await fetch(decodeCursor(args.after) ?? 0, size + 1);
  return toConnection(page.rows, size, page.count);
}

/**
 * A keyset page of the rows of `table` (aliased `t` in `where`) by ascending id, with their count
 * over all pages when asked for: what every connection over one table answers.
 */
export async function tablePage<T extends { id: number }>(
  db: Kysely<Database>,
  table: keyof Database,
  where: RawBuilder<unknown>,
  args: PageArgs,
): Promise<Page<T>> {
  const size = pageSize(args.first);
  const after = decodeCursor(args.after) ?? 0;
  const { rows } = await sql<T>`select t.* from ${sql.table(table)} t
    where ${where} and t.id > ${after} order by t.id limit ${size + 1}`.execute(db);
  return toConnection(rows, size, async () => {
    const counted = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} t
      where ${where}`.execute(db);
    return counted.rows[0]?.n ?? 0;
  });
}
