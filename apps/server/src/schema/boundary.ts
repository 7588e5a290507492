import { sql } from 'kysely';
import { builder } from '../builder.js';
import { InputError } from '../errors.js';
import { existingId, existingRegionPrefix, validateYear } from './filters.js';
import { emptyGroup, type FlowGroup, FlowTotals, groupFlows } from './flow-totals.js';

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
      let side: ReturnType<typeof sql>;
      let where: ReturnType<typeof sql>;
      if (args.regionCode != null) {
        const prefix = `${await existingRegionPrefix(db, args.regionCode)}%`;
        const inside = (column: 'source_id' | 'target_id') =>
          sql`exists (select 1 from actors a where a.id = f.${sql.ref(column)} and a.region_code like ${prefix})`;
        side = sql`case when ${inside('source_id')} and ${inside('target_id')} then 'INTERNAL'
                        when ${inside('target_id')} then 'INCOMING' else 'OUTGOING' end`;
        where = sql`${inYear} and (${inside('source_id')} or ${inside('target_id')})`;
      } else {
        const program = await existingId(db, 'programs', args.programId as string, 'programId');
        side = sql`case when exists (select 1 from flows g where g.program_id = ${program}
                          and g.target_id = f.source_id and (${year}::int is null or g.year = ${year}::int))
                        then 'INTERNAL' else 'INCOMING' end`;
        where = sql`${inYear} and f.program_id = ${program}`;
      }
      const groups = await groupFlows(db, [side], where);
      const pick = (s: Side) => groups.find((g) => g.keys[0] === s) ?? emptyGroup([s]);
      return { INCOMING: pick('INCOMING'), INTERNAL: pick('INTERNAL'), OUTGOING: pick('OUTGOING') };
    },
  }),
);
