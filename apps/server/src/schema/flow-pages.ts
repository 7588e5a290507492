import type { GraphQLResolveInfo } from 'graphql';
import { sql } from 'kysely';
import type { Context } from '../context.js';
import type { FlowRow } from '../db/database.js';
import { validateYear } from '../domain/records/record.rules.js';
import { type FlowWithRelations, primeRelations, relationColumns } from './flow-relations.js';
import { decodeCursor, type Page, pageSize, toConnection } from './pagination.js';

export interface FlowPageArgs {
  first?: number | null;
  after?: string | null;
  year?: number | null;
  status?: string | null;
}

type Column = 'source_id' | 'target_id';
type Row = FlowWithRelations & { actor_id: number; _k: number };

interface Pending {
  column: Column;
  actorIds: number[];
  args: FlowPageArgs;
  info: GraphQLResolveInfo;
  done: (rows: Row[]) => void;
  failed: (error: unknown) => void;
}

/** The page requests of one request's current turn, sent together. */
const queues = new WeakMap<Context, Pending[]>();

/** An actor's page of in- or outflows: its column and the year and status filters (also compiled/). */
export const filtersOf = (column: Column, args: FlowPageArgs) => {
  const year = args.year == null ? null : validateYear(args.year);
  const status = args.status ?? null;
  return {
    column: sql.ref(`f.${column}`),
    where: sql`(${year}::int is null or f.year = ${year}::int)
      and (${status}::text is null or f.status = ${status}::text)`,
  };
};

/**
 * Every page asked in this turn of the request (an actor's inflows and its outflows are two
 * loaders, dispatched one after the other) in one statement: a lateral keyset page per actor
 * and request, which the (source_id, id) and (target_id, id) indexes serve in order without
 * reading an actor's other flows, tagged by request (_k).
 */
async function run(context: Context, pending: Pending[]) {
  try {
    const parts = pending.map((p, k) => {
      const { column, where } = filtersOf(p.column, p.args);
      const size = pageSize(p.args.first);
      const afterId = decodeCursor(p.args.after) ?? 0;
      return sql`select ${k}::int as _k, a.id as actor_id, f.*
        from unnest(${p.actorIds}::int[]) as a(id) cross join lateral (
          select f.* ${relationColumns(p.info, true)} from flows f
          where ${column} = a.id and f.id > ${afterId} and ${where}
          order by f.id limit ${size + 1}) f`;
    });
    const { rows } = await sql<Row>`${sql.join(parts, sql` union all `)}
      order by _k, actor_id, id`.execute(context.db);
    for (const [k, p] of pending.entries()) p.done(rows.filter((r) => r._k === k));
  } catch (error) {
    for (const p of pending) p.failed(error);
  }
}

function queued(context: Context, request: Omit<Pending, 'done' | 'failed'>) {
  return new Promise<Row[]>((done, failed) => {
    let queue = queues.get(context);
    if (!queue) {
      const mine: Pending[] = [];
      queue = mine;
      queues.set(context, mine);
      // after the loaders dispatched in this turn (process.nextTick) have all asked
      setImmediate(() => {
        queues.delete(context);
        void run(context, mine);
      });
    }
    queue.push({ ...request, done, failed });
  });
}

/**
 * One page of in- or outflows for every actor of the batch. The counts (totalCount) are one
 * more statement for the whole batch, run only when some page asks for its count.
 */
export async function flowPages(
  context: Context,
  column: Column,
  actorIds: number[],
  args: FlowPageArgs,
  info: GraphQLResolveInfo,
): Promise<Page<FlowRow>[]> {
  const size = pageSize(args.first);
  decodeCursor(args.after);
  const { column: ref, where } = filtersOf(column, args);
  const rows = await queued(context, { column, actorIds, args, info });
  let counts: Promise<Map<number, number>> | undefined;
  const countAll = () => {
    counts ??= sql<{ actor_id: number; n: number }>`
      select ${ref} as actor_id, count(*)::int as n from flows f
      where ${ref} = any(${actorIds}::int[]) and ${where}
      group by 1`
      .execute(context.db)
      .then((r) => new Map(r.rows.map((c) => [c.actor_id, c.n])));
    return counts;
  };
  const primed = primeRelations(context, rows);
  return actorIds.map((id) => {
    const mine = primed.filter((r) => r.actor_id === id).map(({ _k, ...row }) => row);
    return toConnection(mine, size, async () => (await countAll()).get(id) ?? 0);
  });
}
