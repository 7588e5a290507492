import { type Kysely, sql } from 'kysely';
import { type Migration, type MigrationProvider, Migrator } from 'kysely/migration';
import type { Database } from './database.js';
import * as createDomain from './migrations/2026_11_28_00_00_00_create_domain.js';
import * as regionPrefixIndexes from './migrations/2026_11_28_01_00_00_region_prefix_indexes.js';
import * as dataVersion from './migrations/2026_11_28_02_00_00_data_version.js';
import * as flowEdges from './migrations/2026_11_28_03_00_00_flow_edges.js';
import * as tokensAndRevisions from './migrations/2026_12_01_00_00_00_tokens_and_revisions.js';
import * as dataVersionEverywhere from './migrations/2026_12_02_00_00_00_data_version_everywhere.js';
import * as flowKeysetIndexes from './migrations/2026_12_02_01_00_00_flow_keyset_indexes.js';
import * as flowFilterKeysetIndexes from './migrations/2026_12_03_00_00_00_flow_filter_keyset_indexes.js';
import * as tokenExpiry from './migrations/2026_12_07_00_00_00_token_expiry.js';
import * as documentSourcesAndSessions from './migrations/2026_12_07_01_00_00_document_sources_and_sessions.js';
import * as inferences from './migrations/2026_12_07_02_00_00_inferences.js';
import * as overlaps from './migrations/2026_12_07_03_00_00_overlaps.js';
import * as flowTotals from './migrations/2026_12_07_04_00_00_flow_totals.js';
import * as overlapStatedTotal from './migrations/2026_12_07_04_00_00_overlap_stated_total.js';
import * as pairingRevisions from './migrations/2026_12_07_04_00_00_pairing_revisions.js';
import * as programAliases from './migrations/2026_12_07_05_00_00_program_aliases.js';
import * as citationGlosses from './migrations/2026_12_07_06_00_00_citation_glosses.js';
import * as dataScopes from './migrations/2026_12_07_10_00_00_data_scopes.js';
import * as notesZh from './migrations/2026_12_07_11_00_00_notes_zh.js';

/** Migrations are listed here (not read from disk) so bundles and tests find them alike. */
const migrations: Record<string, Migration> = {
  '2026_11_28_00_00_00_create_domain': createDomain,
  '2026_11_28_01_00_00_region_prefix_indexes': regionPrefixIndexes,
  '2026_11_28_02_00_00_data_version': dataVersion,
  '2026_11_28_03_00_00_flow_edges': flowEdges,
  '2026_12_01_00_00_00_tokens_and_revisions': tokensAndRevisions,
  '2026_12_02_00_00_00_data_version_everywhere': dataVersionEverywhere,
  '2026_12_02_01_00_00_flow_keyset_indexes': flowKeysetIndexes,
  '2026_12_03_00_00_00_flow_filter_keyset_indexes': flowFilterKeysetIndexes,
  '2026_12_07_00_00_00_token_expiry': tokenExpiry,
  '2026_12_07_01_00_00_document_sources_and_sessions': documentSourcesAndSessions,
  '2026_12_07_02_00_00_inferences': inferences,
  '2026_12_07_03_00_00_overlaps': overlaps,
  '2026_12_07_04_00_00_flow_totals': flowTotals,
  '2026_12_07_04_00_00_overlap_stated_total': overlapStatedTotal,
  '2026_12_07_04_00_00_pairing_revisions': pairingRevisions,
  '2026_12_07_05_00_00_program_aliases': programAliases,
  '2026_12_07_06_00_00_citation_glosses': citationGlosses,
  '2026_12_07_10_00_00_data_scopes': dataScopes,
  '2026_12_07_11_00_00_notes_zh': notesZh,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/**
 * Whether every listed migration has run. Checked first because the Migrator's bookkeeping
 * (its tables, lock and catalog queries) costs about a quarter of a second of an embedded start
 * on PGlite even when there is nothing to do.
 */
async function upToDate(db: Kysely<Database>, schema: string): Promise<boolean> {
  const exists = await sql<{ t: string | null }>`
    select to_regclass(quote_ident(${schema}) || '.kysely_migration')::text as t`.execute(db);
  if (!exists.rows[0]?.t) return false;
  const { rows } = await sql<{ name: string }>`
    select name from ${sql.id(schema, 'kysely_migration')}`.execute(db);
  const done = new Set(rows.map((r) => r.name));
  return Object.keys(migrations).every((name) => done.has(name));
}

export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  // Keep the migration bookkeeping in the schema being migrated (search_path), not wherever
  // another schema of the same database already has a kysely_migration table.
  const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s;
  if (schema && (await upToDate(db, schema))) return;
  const migrator = new Migrator({ db, provider, migrationTableSchema: schema });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const name = failed ? ` ${failed.migrationName}` : '';
    throw new Error(`migration${name} failed: ${(error as Error)?.message ?? 'unknown error'}`, {
      cause: error,
    });
  }
}
