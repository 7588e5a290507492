import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../../db/database.js';
import { validateYear } from '../records/record.rules.js';
import {
  type ExistenceCheck,
  idCheck,
  mustAllExist,
  regionCheck,
} from '../records/record-exists.js';
import { regionPrefix } from '../region/region.queries.js';

/** Which flows a query, a total or an export is about: the API's FlowFilter, by field. */
export interface FlowFilter {
  year?: number | null | undefined;
  status?: string | null | undefined;
  instrument?: string | null | undefined;
  programId?: string | null | undefined;
  sourceId?: string | null | undefined;
  targetId?: string | null | undefined;
  actorId?: string | null | undefined;
  regionCode?: string | null | undefined;
  unit?: string | null | undefined;
}

/** A filter as SQL conditions, and the existence checks of the ids and codes it names. */
export interface FlowFilterSql {
  conditions: RawBuilder<boolean>[];
  checks: ExistenceCheck[];
}

/**
 * The filter as SQL conditions on `flows` (aliased f), its existence checks left for the caller
 * to run in its own statement (see flowConditions). A malformed id or code raises its InputError
 * here, after the checks of the fields before it (which run first): the same error, in the same
 * order, as checking each field in turn.
 */
export async function flowFilterSql(
  db: Kysely<Database>,
  filter: FlowFilter | null | undefined,
): Promise<FlowFilterSql> {
  const conditions = [sql<boolean>`true`];
  const checks: ExistenceCheck[] = [];
  if (!filter) return { conditions, checks };
  const actor = (value: string, argument: string) => {
    const { id, check } = idCheck('Actor', value, argument);
    checks.push(check);
    return id;
  };
  try {
    if (filter.year != null) conditions.push(sql`f.year = ${validateYear(filter.year)}`);
    if (filter.status != null) conditions.push(sql`f.status = ${filter.status}`);
    if (filter.instrument != null) conditions.push(sql`f.instrument = ${filter.instrument}`);
    if (filter.unit != null) conditions.push(sql`f.unit = ${filter.unit}`);
    if (filter.programId != null) {
      const { id, check } = idCheck('Program', filter.programId, 'programId');
      checks.push(check);
      conditions.push(sql`f.program_id = ${id}`);
    }
    if (filter.sourceId != null) {
      conditions.push(sql`f.source_id = ${actor(filter.sourceId, 'sourceId')}`);
    }
    if (filter.targetId != null) {
      conditions.push(sql`f.target_id = ${actor(filter.targetId, 'targetId')}`);
    }
    if (filter.actorId != null) {
      const id = actor(filter.actorId, 'actorId');
      conditions.push(sql`(f.source_id = ${id} or f.target_id = ${id})`);
    }
    if (filter.regionCode != null) {
      const prefix = `${regionPrefix(filter.regionCode)}%`;
      checks.push(regionCheck(filter.regionCode, 'regionCode'));
      conditions.push(sql`exists (select 1 from actors a
        where a.id in (f.source_id, f.target_id) and a.region_code like ${prefix})`);
    }
  } catch (error) {
    // a field before the malformed one names a missing record: that error comes first
    await mustAllExist(db, checks);
    throw error;
  }
  return { conditions, checks };
}

/** The filter as SQL conditions on `flows` (aliased f); unknown ids raise typed errors. */
export async function flowConditions(db: Kysely<Database>, filter: FlowFilter | null | undefined) {
  const { conditions, checks } = await flowFilterSql(db, filter);
  await mustAllExist(db, checks);
  return conditions;
}
