import { sql } from 'kysely';
import { builder } from '../builder.js';
import { bucketSum, emptyGroup, type FlowGroup, groupFlows } from '../domain/flow/flow-totals.js';
import { validateYear } from '../domain/records/record.rules.js';
import { regionPrefix } from '../domain/region/region.queries.js';
import { Money } from './money.js';
import { Actor, Region } from './refs.js';

interface SharedInflow {
  groupId: number;
  elsewhere: string[];
  totals: FlowGroup;
}

const SharedInflowRef = builder.objectRef<SharedInflow>('SharedInflow').implement({
  description:
    'Money to a group whose known members lie partly in a place and partly elsewhere: the source does not split it, so it is listed under each place and counted in none.',
  fields: (t) => ({
    group: t.field({ type: Actor, resolve: (s) => String(s.groupId) }),
    sharedWith: t.field({
      type: [Region],
      description: 'Where the group’s other members lie.',
      resolve: (s) => s.elsewhere,
    }),
    publicMoney: t.field({ type: Money, resolve: (s) => bucketSum(s.totals, 'PUBLIC') }),
    planned: t.field({ type: Money, resolve: (s) => bucketSum(s.totals, 'PLANNED') }),
    flowCount: t.int({ resolve: (s) => s.totals.flowCount }),
  }),
});

builder.objectField(Region, 'sharedInflows', (t) =>
  t.field({
    type: [SharedInflowRef],
    args: { year: t.arg.int() },
    description:
      'Money received by groups that span this place and others (Chifeng and Ulanqab together), not split by the source.',
    resolve: async (region, args, { db }) => {
      const year = args.year == null ? null : validateYear(args.year);
      const prefix = `${regionPrefix(region.code)}%`;
      const { rows } = await sql<{ group_id: number; elsewhere: string[] }>`
        select m.group_id,
               array_agg(distinct a.region_code order by a.region_code)
                 filter (where a.region_code not like ${prefix}) as elsewhere
        from actor_members m join actors a on a.id = m.member_id
        where a.region_code is not null
        group by m.group_id
        having bool_or(a.region_code like ${prefix}) and bool_or(a.region_code not like ${prefix})
        order by m.group_id`.execute(db);
      if (rows.length === 0) return [];
      const ids = rows.map((r) => r.group_id);
      const groups = await groupFlows(
        db,
        [sql`f.target_id::text`],
        sql`f.target_id = any(${ids}::int[]) and (${year}::int is null or f.year = ${year}::int)`,
      );
      return rows.map((r) => ({
        groupId: r.group_id,
        elsewhere: r.elsewhere,
        totals: groups.find((g) => g.keys[0] === String(r.group_id)) ?? emptyGroup(),
      }));
    },
  }),
);
