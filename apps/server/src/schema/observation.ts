import { sql } from 'kysely';
import { builder } from '../builder.js';
import type { ObservationRow } from '../db/database.js';
import { loadByIds } from '../db/load-by-ids.js';
import { OBSERVATION_KINDS } from '../mutations/inputs.js';
import { Actor } from './actor.js';
import { citationsOf } from './citation.js';
import { existingId, existingRegionPrefix, validateYear } from './filters.js';
import { AmountQualifier } from './money.js';
import { Program } from './program.js';
import { Region } from './region.js';

export const Metric = builder.loadableObject('Metric', {
  description: 'What an observation measures, with its names.',
  load: (keys: string[], { db }) =>
    db.selectFrom('metrics').selectAll().where('key', 'in', keys).execute(),
  sort: (m) => m.key,
  fields: (t) => ({
    key: t.exposeString('key'),
    name: t.exposeString('name'),
    nameEn: t.exposeString('name_en', { nullable: true }),
  }),
});

export const ObservationKind = builder.enumType('ObservationKind', { values: OBSERVATION_KINDS });

export const Observation = builder.loadableNodeRef('Observation', {
  id: { resolve: (o: ObservationRow) => o.id },
  load: (ids: string[], ctx) => loadByIds(ctx.db, 'observations', ids),
  sort: (o) => String(o.id),
});

Observation.implement({
  description:
    'An indicator value (poor population, people relocated ...): outcomes are observations.',
  fields: (t) => ({
    metric: t.exposeString('metric'),
    metricInfo: t.field({ type: Metric, resolve: (o) => o.metric }),
    value: t.field({ type: 'Decimal', resolve: (o) => o.value }),
    qualifier: t.field({
      type: AmountQualifier,
      resolve: (o) => o.qualifier as typeof AmountQualifier.$inferType,
    }),
    low: t.field({ type: 'Decimal', nullable: true, resolve: (o) => o.low }),
    high: t.field({ type: 'Decimal', nullable: true, resolve: (o) => o.high }),
    unit: t.exposeString('unit'),
    year: t.exposeInt('year'),
    kind: t.field({
      type: ObservationKind,
      resolve: (o) => o.kind as typeof ObservationKind.$inferType,
    }),
    region: t.field({ type: Region, nullable: true, resolve: (o) => o.region_code }),
    actor: t.field({
      type: Actor,
      nullable: true,
      resolve: (o) => (o.actor_id == null ? null : String(o.actor_id)),
    }),
    program: t.field({
      type: Program,
      nullable: true,
      resolve: (o) => (o.program_id == null ? null : String(o.program_id)),
    }),
    note: t.exposeString('note', { nullable: true }),
    citations: citationsOf(t, 'observation_id'),
  }),
});

export const ObservationFilter = builder.inputType('ObservationFilter', {
  fields: (t) => ({
    metric: t.string(),
    year: t.int(),
    kind: t.field({ type: ObservationKind }),
    regionCode: t.string({ description: 'Observations of this region or of places below it.' }),
    actorId: t.id(),
    programId: t.id(),
  }),
});

export type ObservationFilterInput = typeof ObservationFilter.$inferInput;

builder.queryField('observations', (t) =>
  t.field({
    type: [Observation],
    args: { filter: t.arg({ type: ObservationFilter }) },
    resolve: async (_root, { filter }, { db }) => {
      const conditions = [sql<boolean>`true`];
      if (filter?.metric != null) conditions.push(sql`o.metric = ${filter.metric}`);
      if (filter?.year != null) conditions.push(sql`o.year = ${validateYear(filter.year)}`);
      if (filter?.kind != null) conditions.push(sql`o.kind = ${filter.kind}`);
      if (filter?.regionCode != null) {
        const prefix = await existingRegionPrefix(db, filter.regionCode);
        conditions.push(sql`o.region_code like ${`${prefix}%`}`);
      }
      if (filter?.actorId != null) {
        conditions.push(
          sql`o.actor_id = ${await existingId(db, 'actors', filter.actorId, 'actorId')}`,
        );
      }
      if (filter?.programId != null) {
        const id = await existingId(db, 'programs', filter.programId, 'programId');
        conditions.push(sql`o.program_id = ${id}`);
      }
      const { rows } = await sql<ObservationRow>`select o.* from observations o
        where ${sql.join(conditions, sql` and `)} order by o.year, o.metric, o.id`.execute(db);
      return rows;
    },
  }),
);
