import type { Kysely } from 'kysely';
import { type Migration, type MigrationProvider, Migrator } from 'kysely/migration';
import type { Database } from './database.js';
import * as createDomain from './migrations/2026_11_28_00_00_00_create_domain.js';

/** Migrations are listed here (not read from disk) so bundles and tests find them alike. */
const migrations: Record<string, Migration> = {
  '2026_11_28_00_00_00_create_domain': createDomain,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`migration ${failed?.migrationName ?? ''} failed`, { cause: error });
  }
}
