import type { GraphQLResolveInfo } from 'graphql';
import { sql } from 'kysely';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import type { ActorRow, FlowRow } from '../db/database.js';
import { loadByIds } from '../db/load-by-ids.js';
import { ACTOR_KINDS } from '../mutations/inputs.js';
import { citationsOf } from './citation.js';
import { existingRegionPrefix, validateYear } from './filters.js';
import { FlowConnection, FlowStatus } from './flow.js';
import { type FlowWithRelations, primeRelations, relationColumns } from './flow-relations.js';
import {
  connectionOf,
  decodeCursor,
  pageComplexity,
  pageSize,
  toConnection,
} from './pagination.js';
import { Pairing } from './pairing.js';
import { Region } from './region.js';

export const ActorKind = builder.enumType('ActorKind', { values: ACTOR_KINDS });

export const Actor = builder.loadableNodeRef('Actor', {
  id: { resolve: (a: ActorRow) => a.id },
  load: (ids: string[], ctx) => loadByIds(ctx.db, 'actors', ids),
  sort: (a) => String(a.id),
});

interface FlowPageArgs {
  first?: number | null;
  after?: string | null;
  year?: number | null;
  status?: string | null;
}

/**
 * One page of in- or outflows for every actor of the batch, in one statement: a lateral
 * keyset page per actor, which the (source_id, id) and (target_id, id) indexes serve in order
 * without reading an actor's other flows. The counts (totalCount) are one more statement for
 * the whole batch, run only when some page asks for its count.
 */
async function flowPages(
  context: Context,
  column: 'source_id' | 'target_id',
  actorIds: number[],
  args: FlowPageArgs,
  info: GraphQLResolveInfo,
) {
  const { db } = context;
  const size = pageSize(args.first);
  const afterId = decodeCursor(args.after) ?? 0;
  const year = args.year == null ? null : validateYear(args.year);
  const status = args.status ?? null;
  const filters = sql`(${year}::int is null or f.year = ${year}::int)
    and (${status}::text is null or f.status = ${status}::text)`;
  const { rows } = await sql<FlowWithRelations & { actor_id: number }>`
    select f.*, a.id as actor_id from unnest(${actorIds}::int[]) as a(id)
    cross join lateral (
      select f.* ${relationColumns(info)} from flows f
      where f.${sql.ref(column)} = a.id and f.id > ${afterId} and ${filters}
      order by f.id limit ${size + 1}) f
    order by a.id, f.id`.execute(db);
  let counts: Promise<Map<number, number>> | undefined;
  const countAll = () => {
    counts ??= sql<{ actor_id: number; n: number }>`
      select f.${sql.ref(column)} as actor_id, count(*)::int as n from flows f
      where f.${sql.ref(column)} = any(${actorIds}::int[]) and ${filters}
      group by 1`
      .execute(db)
      .then((r) => new Map(r.rows.map((c) => [c.actor_id, c.n])));
    return counts;
  };
  const primed = primeRelations(context, rows) as (FlowRow & { actor_id: number })[];
  return actorIds.map((id) => {
    const mine = primed.filter((r) => r.actor_id === id);
    return toConnection(mine, size, async () => (await countAll()).get(id) ?? 0);
  });
}

Actor.implement({
  description:
    'Who holds or receives money. A group (488 enterprises) has a member count when the source speaks of its members only collectively.',
  fields: (t) => {
    const flowsField = (column: 'source_id' | 'target_id', description: string) =>
      t.loadable({
        type: FlowConnection,
        description,
        byPath: true,
        complexity: pageComplexity,
        args: {
          first: t.arg.int(),
          after: t.arg.string(),
          year: t.arg.int(),
          status: t.arg({ type: FlowStatus }),
        },
        load: (ids: number[], context, args, info) => flowPages(context, column, ids, args, info),
        resolve: (actor) => actor.id,
      });
    return {
      key: t.exposeString('key'),
      name: t.exposeString('name'),
      nameEn: t.exposeString('name_en', { nullable: true }),
      kind: t.field({ type: ActorKind, resolve: (a) => a.kind as typeof ActorKind.$inferType }),
      region: t.field({ type: Region, nullable: true, resolve: (a) => a.region_code }),
      memberCount: t.exposeInt('member_count', { nullable: true }),
      aliases: t.exposeStringList('aliases'),
      note: t.exposeString('note', { nullable: true }),
      members: t.loadableGroup({
        type: Actor,
        description: 'Known members of a group.',
        load: async (ids: number[], { db }) =>
          db
            .selectFrom('actor_members as m')
            .innerJoin('actors as a', 'a.id', 'm.member_id')
            .selectAll('a')
            .select('m.group_id')
            .where('m.group_id', 'in', ids)
            .orderBy('a.id')
            .execute(),
        // The loader returns rows, never bare ids.
        group: (row) => (row as ActorRow & { group_id: number }).group_id,
        resolve: (a) => a.id,
      }),
      inflows: flowsField('target_id', 'Flows this actor received; `first` from 1 to 100.'),
      outflows: flowsField('source_id', 'Flows this actor sent; `first` from 1 to 100.'),
      pairings: t.loadableList({
        type: Pairing,
        description: 'Help relations in which this actor helps or is helped.',
        load: async (ids: number[], { db }) => {
          const rows = await db
            .selectFrom('pairings')
            .selectAll()
            .where((eb) => eb.or([eb('helper_id', 'in', ids), eb('recipient_id', 'in', ids)]))
            .orderBy('id')
            .execute();
          return ids.map((id) => rows.filter((p) => p.helper_id === id || p.recipient_id === id));
        },
        resolve: (a) => a.id,
      }),
      citations: citationsOf(t, 'actor_id'),
    };
  },
});

export const ActorConnection = connectionOf<ActorRow>(Actor, 'ActorConnection');

export const ActorFilter = builder.inputType('ActorFilter', {
  fields: (t) => ({
    kind: t.field({ type: ActorKind }),
    regionCode: t.string({ description: 'Actors in this region or below it.' }),
    groupsOnly: t.boolean({ description: 'Only actors with a member count.' }),
  }),
});

builder.queryField('actors', (t) =>
  t.field({
    type: ActorConnection,
    complexity: pageComplexity,
    args: { filter: t.arg({ type: ActorFilter }), first: t.arg.int(), after: t.arg.string() },
    resolve: async (_root, { filter, first, after }, { db }) => {
      const size = pageSize(first);
      const afterId = decodeCursor(after) ?? 0;
      const prefix =
        filter?.regionCode == null ? null : `${await existingRegionPrefix(db, filter.regionCode)}%`;
      const where = sql.join(
        [
          filter?.kind ? sql`a.kind = ${filter.kind}` : sql`true`,
          prefix ? sql`a.region_code like ${prefix}` : sql`true`,
          filter?.groupsOnly ? sql`a.member_count is not null` : sql`true`,
        ],
        sql` and `,
      );
      const { rows } = await sql<ActorRow>`select a.* from actors a
        where ${where} and a.id > ${afterId} order by a.id limit ${size + 1}`.execute(db);
      const count = async () =>
        (
          await sql<{ n: number }>`select count(*)::int as n from actors a where ${where}`.execute(
            db,
          )
        ).rows[0]?.n ?? 0;
      return toConnection(rows, size, count);
    },
  }),
);
