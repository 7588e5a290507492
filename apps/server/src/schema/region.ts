import { type Kysely, sql } from 'kysely';
import { builder } from '../builder.js';
import { anyOf } from '../db/any-of.js';
import type { Database, ObservationRow, RegionRow } from '../db/database.js';
import { validateYear } from '../domain/records/record.rules.js';
import { regionPrefix } from '../domain/region/region.queries.js';
import { firstComplexity, MAX_PAGE, pageSize } from './pagination.js';
import { Observation, ObservationKind, Region } from './refs.js';

export const RegionLevel = builder.enumType('RegionLevel', {
  values: ['PROVINCE', 'PREFECTURE', 'COUNTY', 'TOWNSHIP', 'VILLAGE'] as const,
});

/** What Region.observations filters by. */
interface ObservationArgs {
  metric?: string | null;
  year?: number | null;
  kind?: string | null;
  includeDescendants: boolean;
  first?: number | null;
}

/**
 * One statement for every region of the response, at most `first` rows for each: each region's
 * own (itself, or with includeDescendants every place whose code it prefixes).
 */
async function observationsOf(db: Kysely<Database>, codes: string[], args: ObservationArgs) {
  const first = pageSize(args.first ?? MAX_PAGE);
  const patterns = codes.map((c) => (args.includeDescendants ? `${regionPrefix(c)}%` : c));
  const year = args.year == null ? null : validateYear(args.year);
  // Each pattern's codes as a range too, which the prefix index (text_pattern_ops) answers:
  // a pattern known only as the statement runs leaves the planner a scan of the table.
  const distinct = [...new Set(patterns)];
  const prefixes = distinct.map((p) => p.replace(/%$/, ''));
  const ends = prefixes.map(
    (p) => p.slice(0, -1) + String.fromCharCode(p.charCodeAt(p.length - 1) + 1),
  );
  const { rows } = await sql<ObservationRow & { pattern: string }>`select p.pattern, o.*
    from unnest(${distinct}::text[], ${prefixes}::text[], ${ends}::text[]) p(pattern, lo, hi)
    cross join lateral (select o.* from observations o
      where o.region_code ~>=~ p.lo and o.region_code ~<~ p.hi
        and o.region_code like p.pattern
        and (${args.metric ?? null}::text is null or o.metric = ${args.metric ?? null}::text)
        and (${year}::int is null or o.year = ${year}::int)
        and (${args.kind ?? null}::text is null or o.kind = ${args.kind ?? null}::text)
      order by o.year, o.metric, o.id limit ${first}) o
    order by o.year, o.metric, o.id`.execute(db);
  return patterns.map((p) =>
    rows.filter((o) => o.pattern === p).map(({ pattern: _, ...o }) => o as ObservationRow),
  );
}

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
        'Observations of this region (and, with `includeDescendants`, of places below it), by year, metric and id: the `first` of them, 1 to 100 (100 by default; more is refused). For more, page through `observations(filter: { regionCode })`.',
      // Priced by what it can return, as a connection of `first` rows.
      complexity: firstComplexity,
      args: {
        metric: t.arg.string(),
        year: t.arg.int(),
        kind: t.arg({ type: ObservationKind }),
        includeDescendants: t.arg.boolean({ defaultValue: false, required: true }),
        first: t.arg.int({ defaultValue: MAX_PAGE }),
      },
      load: (codes: string[], { db }, args) => observationsOf(db, codes, args),
      resolve: (r, args) => {
        pageSize(args.first ?? MAX_PAGE); // refused before anything is read
        return r.code;
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
