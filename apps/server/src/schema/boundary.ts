import { type Kysely, sql } from 'kysely';
import { builder } from '../builder.js';
import type { Database } from '../db/database.js';
import { InputError } from '../domain/errors.js';
import { emptyGroup, type FlowGroup, groupFlows } from '../domain/flow/flow-totals.js';
import { validateYear } from '../domain/records/record.rules.js';
import { existingId } from '../domain/records/record-exists.js';
import { existingRegionPrefix, regionPrefix } from '../domain/region/region.queries.js';
import { FlowTotals } from './flow-totals.js';
import { Region } from './refs.js';

type Side = 'INCOMING' | 'INTERNAL' | 'OUTGOING';

const BoundaryTotals = builder.objectRef<Record<Side, FlowGroup>>('BoundaryTotals').implement({
  description:
    'Money crossing the boundary of a set (a region or a program) and moving inside it. Internal money is never added to incoming, so nothing is counted twice.',
  fields: (t) => ({
    incoming: t.field({
      type: FlowTotals,
      description: 'From outside the set into it.',
      resolve: (b) => b.INCOMING,
    }),
    internal: t.field({
      type: FlowTotals,
      description: 'Between members of the set.',
      resolve: (b) => b.INTERNAL,
    }),
    outgoing: t.field({
      type: FlowTotals,
      description: 'From the set to outside it.',
      resolve: (b) => b.OUTGOING,
    }),
  }),
});

/** The three sides from the groups of each (or none: an empty group). */
function sides(groupsOf: (side: Side) => FlowGroup[]): Record<Side, FlowGroup> {
  const pick = (s: Side) => groupsOf(s)[0] ?? emptyGroup([s]);
  return { INCOMING: pick('INCOMING'), INTERNAL: pick('INTERNAL'), OUTGOING: pick('OUTGOING') };
}

/**
 * Boundary totals of several regions (by code prefix) in one statement: each flow is counted
 * for every region its source or target lies in, on the side it crosses that region's boundary.
 */
async function regionBoundaries(
  db: Kysely<Database>,
  prefixes: string[],
  year: number | null,
): Promise<Map<string, Record<Side, FlowGroup>>> {
  const inside = (end: 'source' | 'target') =>
    sql`${sql.ref(`f.${end}_region`)} like p.prefix || '%'`;
  const side = sql`case when ${inside('source')} and ${inside('target')} then 'INTERNAL'
                        when ${inside('target')} then 'INCOMING' else 'OUTGOING' end`;
  const join = sql`join unnest(${prefixes}::text[]) p(prefix) on ${inside('source')} or ${inside('target')}`;
  const where = sql`(${year}::int is null or f.year = ${year}::int)`;
  const groups = await groupFlows(db, [sql`p.prefix`, side], where, join, 'regions');
  return new Map(
    prefixes.map((prefix) => [
      prefix,
      sides((s) => groups.filter((g) => g.keys[0] === prefix && g.keys[1] === s)),
    ]),
  );
}

builder.objectField(Region, 'boundary', (t) =>
  t.loadable({
    type: BoundaryTotals,
    description:
      'Flows by whether their source and target actors lie in this region (as boundaryTotals), batched: one statement for the regions at one depth of the response, per year asked.',
    args: { year: t.arg.int() },
    // Keyed by region and year, so that one loader serves every path of the response.
    load: async (keys: string[], { db }) => {
      const byYear = new Map<string, Map<string, Record<Side, FlowGroup>>>();
      for (const yearKey of new Set(keys.map((k) => k.split('|')[1] ?? ''))) {
        const codes = keys.filter((k) => k.endsWith(`|${yearKey}`)).map((k) => k.split('|')[0]);
        const prefixes = [...new Set(codes.map((c) => regionPrefix(c ?? '')))];
        byYear.set(yearKey, await regionBoundaries(db, prefixes, yearKey ? Number(yearKey) : null));
      }
      return keys.map((k) => {
        const [code = '', yearKey = ''] = k.split('|');
        return byYear.get(yearKey)?.get(regionPrefix(code)) ?? sides(() => []);
      });
    },
    resolve: (region, args) => `${region.code}|${args.year == null ? '' : validateYear(args.year)}`,
  }),
);

builder.queryField('boundaryTotals', (t) =>
  t.field({
    type: BoundaryTotals,
    description:
      'For a region: flows by whether their source and target actors lie in it. For a program: its flows, incoming where the source receives no money of the program, internal where it does (re-transfers).',
    args: {
      regionCode: t.arg.string(),
      programId: t.arg.id(),
      year: t.arg.int(),
    },
    resolve: async (_root, args, { db }) => {
      if ((args.regionCode == null) === (args.programId == null)) {
        throw new InputError('give exactly one of regionCode and programId', 'regionCode');
      }
      const year = args.year == null ? null : validateYear(args.year);
      const inYear = sql`(${year}::int is null or f.year = ${year}::int)`;
      if (args.regionCode != null) {
        const prefix = await existingRegionPrefix(db, args.regionCode);
        return (await regionBoundaries(db, [prefix], year)).get(prefix) ?? sides(() => []);
      }
      const program = await existingId(db, 'Program', args.programId as string, 'programId');
      const side = sql`case when exists (select 1 from flows g where g.program_id = ${program}
                        and g.target_id = f.source_id and (${year}::int is null or g.year = ${year}::int))
                      then 'INTERNAL' else 'INCOMING' end`;
      const where = sql`${inYear} and f.program_id = ${program}`;
      const groups = await groupFlows(db, [side], where, sql``, 'sources');
      return sides((s) => groups.filter((g) => g.keys[0] === s));
    },
  }),
);
