import { sql } from 'kysely';
import { builder } from '../builder.js';
import type { ActorRow } from '../db/database.js';
import { ACTOR_KINDS } from '../domain/actor/actor.rules.js';
import { existingRegionPrefix } from '../domain/region/region.queries.js';
import { FlowConnection, FlowStatus } from './flow.js';
import { flowPages } from './flow-pages.js';
import {
  connectionOf,
  decodeCursor,
  firstComplexity,
  MAX_PAGE,
  pageComplexity,
  pageSize,
  tablePage,
  toConnection,
} from './pagination.js';
import { pairingCounts, pairingsOf } from './pairing.js';
import { Actor, citationsOf, notesOf, Pairing, Region } from './refs.js';

export const ActorKind = builder.enumType('ActorKind', { values: ACTOR_KINDS });

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
      ...notesOf(t),
      members: t.field({
        type: ActorConnection,
        description: 'Known members of a group, by ascending id; `first` from 1 to 100.',
        complexity: pageComplexity,
        args: { first: t.arg.int(), after: t.arg.string() },
        resolve: (a, args, { db }) =>
          tablePage<ActorRow>(
            db,
            'actors',
            sql`t.id in (select m.member_id from actor_members m where m.group_id = ${a.id})`,
            args,
          ),
      }),
      inflows: flowsField('target_id', 'Flows this actor received; `first` from 1 to 100.'),
      outflows: flowsField('source_id', 'Flows this actor sent; `first` from 1 to 100.'),
      pairings: t.loadableList({
        type: Pairing,
        byPath: true,
        description:
          'Help relations in which this actor helps or is helped, by id: the `first` of them, 1 to 100 (100 by default; more is refused); `pairingCount` counts them all.',
        complexity: firstComplexity,
        args: { first: t.arg.int({ defaultValue: MAX_PAGE }) },
        load: (ids: number[], { db }, args) =>
          pairingsOf(db, ids, pageSize(args.first ?? MAX_PAGE)),
        resolve: (a, args) => {
          pageSize(args.first ?? MAX_PAGE); // refused before anything is read
          return a.id;
        },
      }),
      pairingCount: t.loadable({
        type: 'Int',
        description: 'Help relations in which this actor helps or is helped, all of them.',
        load: (ids: number[], { db }) => pairingCounts(db, ids),
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
