import { sql } from 'kysely';
import { builder } from '../builder.js';
import { anyOf } from '../db/any-of.js';
import type { ObservationRow } from '../db/database.js';
import { validateYear } from '../domain/records/record.rules.js';
import { existingId } from '../domain/records/record-exists.js';
import { existingRegionPrefix } from '../domain/region/region.queries.js';
import { inferredOf } from './inference.js';
import { AmountQualifier } from './money.js';
import { connectionOf, pageComplexity, tablePage } from './pagination.js';
import { Program } from './program.js';
import { Actor, citationsOf, notesOf, Observation, ObservationKind, Region } from './refs.js';

export const Metric = builder.loadableObject('Metric', {
  description: 'What an observation measures, with its names.',
  load: (keys: string[], { db }) =>
    db.selectFrom('metrics').selectAll().where('key', '=', anyOf(keys, 'text')).execute(),
  sort: (m) => m.key,
  fields: (t) => ({
    key: t.exposeString('key'),
    name: t.exposeString('name'),
    nameEn: t.exposeString('name_en', { nullable: true }),
  }),
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
    ...notesOf(t),
    inferred: inferredOf(t),
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

export const ObservationConnection = connectionOf<ObservationRow>(
  Observation,
  'ObservationConnection',
);

builder.queryField('observations', (t) =>
  t.field({
    type: ObservationConnection,
    description: 'Observations matching the filter, by ascending id; `first` from 1 to 100.',
    complexity: pageComplexity,
    args: {
      filter: t.arg({ type: ObservationFilter }),
      first: t.arg.int(),
      after: t.arg.string(),
    },
    resolve: async (_root, { filter, ...page }, { db }) => {
      const conditions = [sql<boolean>`true`];
      if (filter?.metric != null) conditions.push(sql`t.metric = ${filter.metric}`);
      if (filter?.year != null) conditions.push(sql`t.year = ${validateYear(filter.year)}`);
      if (filter?.kind != null) conditions.push(sql`t.kind = ${filter.kind}`);
      if (filter?.regionCode != null) {
        const prefix = await existingRegionPrefix(db, filter.regionCode);
        conditions.push(sql`t.region_code like ${`${prefix}%`}`);
      }
      if (filter?.actorId != null) {
        conditions.push(
          sql`t.actor_id = ${await existingId(db, 'Actor', filter.actorId, 'actorId')}`,
        );
      }
      if (filter?.programId != null) {
        const id = await existingId(db, 'Program', filter.programId, 'programId');
        conditions.push(sql`t.program_id = ${id}`);
      }
      return tablePage<ObservationRow>(db, 'observations', sql.join(conditions, sql` and `), page);
    },
  }),
);
