import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/database.js';

/** What bulk loading sets aside and must give back: indexes, keys, flow triggers. */
export async function bulkCatalog(db: Kysely<Database>): Promise<string[]> {
  const { rows } = await sql<{ what: string }>`
    select 'index ' || pg_get_indexdef(i.indexrelid) as what from pg_index i
      where i.indrelid in ('flows'::regclass, 'observations'::regclass, 'flow_edges'::regclass,
        'revisions'::regclass)
    union all
    select 'key ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
      from pg_constraint where conrelid in ('flows'::regclass, 'observations'::regclass,
        'revisions'::regclass, 'flow_edges'::regclass)
    union all
    select 'trigger ' || tgname || ' ' || tgenabled::text from pg_trigger
      where tgrelid = 'flows'::regclass and not tgisinternal
    order by 1`.execute(db);
  return rows.map((r) => r.what);
}
