import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestDb, graphqlClient } from '../test/test-db.js';

// PostgreSQL binds at most 65,535 parameters a statement: lists of ids go as one array (issue 14:
// the actors of a national Sankey were loaded with one parameter each, and the load failed).
const PAIRS = 36_000;

describe.skipIf(!process.env.DATABASE_URL)('more ids than PostgreSQL has parameters', () => {
  it('loads the 72,000 actors of a totals by source and target in one go', async () => {
    const ctx = await createTestDb();
    try {
      await sql`insert into actors (key, name, kind)
        select 'many-' || i, '测试' || i, 'VILLAGE' from generate_series(1, ${2 * PAIRS}) i`.execute(
        ctx.db,
      );
      await sql`insert into flows (key, source_id, target_id, amount, qualifier, year, status, instrument)
        select 'many-' || i, s.id, t.id, i, 'EXACT', 1990, 'DISBURSED', 'GRANT'
        from generate_series(1, ${PAIRS}) i
          join actors s on s.key = 'many-' || (2 * i - 1) join actors t on t.key = 'many-' || (2 * i)`.execute(
        ctx.db,
      );
      // More groups than a totals answer may hold by default (MAX_TOTAL_ROWS): raised here.
      const result = await graphqlClient(ctx.db, { maxTotalRows: PAIRS })<{
        totals: { source: { name: string }; target: { name: string }; flowCount: number }[];
      }>(`{ totals(groupBy: [SOURCE, TARGET], filter: { year: 1990 }) {
            source { name } target { name } flowCount } }`);
      expect(result.errors).toBeUndefined();
      const rows = result.data?.totals ?? [];
      expect(rows).toHaveLength(PAIRS);
      expect(new Set(rows.flatMap((r) => [r.source.name, r.target.name])).size).toBe(2 * PAIRS);
      expect(rows.find((r) => r.source.name === '测试1')?.target.name).toBe('测试2');
    } finally {
      await ctx.close();
    }
  }, 120_000);
});
