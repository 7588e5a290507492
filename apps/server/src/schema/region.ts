import { sql } from 'kysely';
import { builder } from '../builder.js';
import { anyOf } from '../db/any-of.js';
import type { ObservationRow, RegionRow } from '../db/database.js';
import { validateYear } from '../domain/records/record.rules.js';
import { regionPrefix } from '../domain/region/region.queries.js';
import { Observation, ObservationKind, Region } from './refs.js';

export const RegionLevel = builder.enumType('RegionLevel', {
  values: ['PROVINCE', 'PREFECTURE', 'COUNTY', 'TOWNSHIP', 'VILLAGE'] as const,
});

Region.implement({
  description: 'An administrative area with its GB/T 2260 code.',
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    nameEn: t.exposeString('name_en', { nullable: true }),
    level: t.field({ type: RegionLevel, resolve: (r) => r.level as typeof RegionLevel.$inferType }),
    aliases: t.exposeStringList('aliases'),
    designations: t.exposeStringList('designations', {
      description: 'NATIONAL_POOR_COUNTY, REGIONAL_POOR_COUNTY, CONTIGUOUS_AREA_COUNTY ...',
    }),
    parent: t.field({ type: Region, nullable: true, resolve: (r) => r.parent_code }),
    ancestors: t.field({
      type: [Region],
      description: 'The regions above this one, from the top (for a breadcrumb).',
      resolve: async (r, _args, context) => {
        const loader = Region.getDataloader(context);
        const chain: RegionRow[] = [];
        // GB/T 2260 has at most five levels: the walk ends within them.
        for (let code = r.parent_code; code && chain.length < 5; ) {
          const parent = await loader.load(code);
          if (!parent) break;
          chain.unshift(parent);
          code = parent.parent_code;
        }
        return chain;
      },
    }),
    children: t.loadableGroup({
      type: Region,
      load: (codes: string[], { db }) =>
        db
          .selectFrom('regions')
          .selectAll()
          .where('parent_code', '=', anyOf(codes, 'text'))
          .orderBy('code')
          .execute(),
      group: (r) => (r as RegionRow).parent_code ?? '',
      resolve: (r) => r.code,
    }),
    observations: t.loadableList({
      type: Observation,
      byPath: true,
      description:
        'Observations of this region (and, with `includeDescendants`, of places below it).',
      args: {
        metric: t.arg.string(),
        year: t.arg.int(),
        kind: t.arg({ type: ObservationKind }),
        includeDescendants: t.arg.boolean({ defaultValue: false, required: true }),
      },
      // One statement for every region of the response: each row is matched to the regions it
      // belongs to (itself, or with includeDescendants every region whose prefix it carries).
      load: async (codes: string[], { db }, args) => {
        const prefixes = codes.map((c) => (args.includeDescendants ? regionPrefix(c) : c));
        const year = args.year == null ? null : validateYear(args.year);
        const { rows } = await sql<ObservationRow>`select o.* from observations o
          where o.region_code like any(${prefixes.map((p) => (args.includeDescendants ? `${p}%` : p))}::text[])
            and (${args.metric ?? null}::text is null or o.metric = ${args.metric ?? null}::text)
            and (${year}::int is null or o.year = ${year}::int)
            and (${args.kind ?? null}::text is null or o.kind = ${args.kind ?? null}::text)
          order by o.year, o.metric, o.id`.execute(db);
        return prefixes.map((p) =>
          rows.filter((o) =>
            args.includeDescendants ? o.region_code?.startsWith(p) : o.region_code === p,
          ),
        );
      },
      resolve: (r) => r.code,
    }),
  }),
});

builder.queryField('region', (t) =>
  t.field({
    type: Region,
    nullable: true,
    args: { code: t.arg.string({ required: true }) },
    resolve: async (_root, { code }, { db }) => {
      regionPrefix(code, 'code');
      return (
        (await db.selectFrom('regions').selectAll().where('code', '=', code).executeTakeFirst()) ??
        null
      );
    },
  }),
);
