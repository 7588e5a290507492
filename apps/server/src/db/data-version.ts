import { type Kysely, sql } from 'kysely';
import type { Database } from './database.js';

/** The data version: a counter every write bumps (by trigger), so caches know what is stale. */
export async function dataVersion(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('data_version')
    .select('version')
    .where('id', '=', 1)
    .executeTakeFirst();
  return Number(row?.version ?? 0);
}

/**
 * The data version and the version of every scope a write has touched (a table's name; for
 * flows also `flows:<year>`), read in one statement. A scope never written is absent (version 0).
 */
export interface ScopedVersions {
  version: number;
  scopes: ReadonlyMap<string, number>;
}

export async function scopedVersions(db: Kysely<Database>): Promise<ScopedVersions> {
  const { rows } = await sql<{ version: string; scopes: Record<string, string> | null }>`
    select v.version, (select json_object_agg(s.scope, s.version) from data_scopes s) as scopes
    from data_version v where v.id = 1`.execute(db);
  const row = rows[0];
  return {
    version: Number(row?.version ?? 0),
    scopes: new Map(Object.entries(row?.scopes ?? {}).map(([k, v]) => [k, Number(v)])),
  };
}
