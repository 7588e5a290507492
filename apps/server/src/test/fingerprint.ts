import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/database.js';

// A digest of the stored data, for tests that check a refused write changed nothing.

const TABLES = [
  'actors',
  'flows',
  'observations',
  'documents',
  'citations',
  'pairings',
  'programs',
  'metrics',
  'actor_members',
  'revisions',
  'api_tokens',
  'flow_overlaps',
] as const;

/**
 * Row count and a digest of every row of the data tables: equal fingerprints mean nothing was
 * written (the data version counter is left out: it counts statements, not content).
 */
export async function fingerprint(db: Kysely<Database>): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of TABLES) {
    const { rows } = await sql<{ n: number; digest: string | null }>`
      select count(*)::int as n,
        md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest
      from ${sql.table(table)} t`.execute(db);
    const row = rows[0];
    out[table] = `${row?.n}:${createHash('sha1')
      .update(row?.digest ?? '')
      .digest('hex')
      .slice(0, 12)}`;
  }
  return out;
}
