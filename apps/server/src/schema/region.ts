import { sql } from 'kysely';
import { builder } from '../builder.js';
import type { ObservationRow, RegionRow } from '../db/database.js';
import { regionPrefix, validateYear } from './filters.js';
import { Observation, ObservationKind } from './observation.js';

export const RegionLevel = builder.enumType('RegionLevel', {
  values: ['PROVINCE', 'PREFECTURE', 'COUNTY', 'TOWNSHIP', 'VILLAGE'] as const,
});

export const Region = builder.loadableNodeRef('Region', {
  id: { resolve: (r: RegionRow) => r.code },
  load: (codes: string[], { db }) =>
    db.selectFrom('regions').selectAll().where('code', 'in', codes).execute(),
  sort: (r) => r.code,
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
    children: t.loadableGroup({
      type: Region,
      load: (codes: string[], { db }) =>
        db
          .selectFrom('regions')
          .selectAll()
          .where('parent_code', 'in', codes)
          .orderBy('code')
          .execute(),
      group: (r) => (r as RegionRow).parent_code ?? '',
      resolve: (r) => r.code,
    }),
    observations: t.field({
      type: [Observation],
      description:
        'Observations of this region (and, with `includeDescendants`, of places below it).',
      args: {
        metric: t.arg.string(),
        year: t.arg.int(),
        kind: t.arg({ type: ObservationKind }),
        includeDescendants: t.arg.boolean({ defaultValue: false, required: true }),
      },
      resolve: async (r, args, { db }) => {
        const place = args.includeDescendants
          ? sql`o.region_code like ${`${regionPrefix(r.code)}%`}`
          : sql`o.region_code = ${r.code}`;
        const year = args.year == null ? null : validateYear(args.year);
        const { rows } = await sql<ObservationRow>`select o.* from observations o
          where ${place}
            and (${args.metric ?? null}::text is null or o.metric = ${args.metric ?? null}::text)
            and (${year}::int is null or o.year = ${year}::int)
            and (${args.kind ?? null}::text is null or o.kind = ${args.kind ?? null}::text)
          order by o.year, o.metric, o.id`.execute(db);
        return rows;
      },
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
