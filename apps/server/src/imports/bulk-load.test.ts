import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportError } from '../domain/errors.js';
import { bulkCatalog } from '../test/bulk-catalog.js';
import { fingerprint } from '../test/fingerprint.js';
import { expectEdgesInStep } from '../test/flow-edges.js';
import { expectTotalsInStep } from '../test/flow-totals.js';
import { createTestDb } from '../test/test-db.js';
import { shouldBulkLoad } from './bulk-load.js';
import { FLOW_COLUMNS } from './csv-flows.js';
import { importDataset } from './import-dataset.js';

const ctx = await createTestDb();
afterAll(() => ctx.close());
const by = { author: 'test', tokenId: null };

const catalog = () => bulkCatalog(ctx.db);

/** The file of each secondary index of flows and flow_edges: a rebuilt index has a new one. */
async function indexFiles() {
  const { rows } = await sql<{ name: string; file: string }>`select c.relname as name,
      c.relfilenode::text as file
    from pg_index i join pg_class c on c.oid = i.indexrelid
    where i.indrelid in ('flows'::regclass, 'flow_edges'::regclass) and not i.indisprimary`.execute(
    ctx.db,
  );
  return Object.fromEntries(rows.map((r) => [r.name, r.file]));
}

// flow_edges and the totals' rollups, which bulk loads build again from the flows.
const edgesInStep = async () => {
  await expectEdgesInStep(ctx.db);
  await expectTotalsInStep(ctx.db);
};

let a = '';
let b = '';
let stored = 0;
beforeAll(async () => {
  const actors = await ctx.db.selectFrom('actors').select('key').orderBy('id').limit(2).execute();
  [a = '', b = ''] = actors.map((x) => x.key);
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from flows`.execute(ctx.db);
  stored = rows[0]?.n ?? 0;
  await sql`analyze flows`.execute(ctx.db);
});

/** A CSV of `n` new flows, each child of the one before when `chained`. */
function csv(prefix: string, n: number, chained = false) {
  const lines = [FLOW_COLUMNS.join(',')];
  for (let i = 0; i < n; i++) {
    const values: Record<string, string> = {
      external_id: `${prefix}-${i}`,
      source_key: i % 2 ? a : b,
      target_key: i % 2 ? b : a,
      amount: `${100 + i}.25`,
      year: String(2014 + (i % 6)),
      status: 'DISBURSED',
      instrument: 'GRANT',
      parent_external_id: chained && i > 0 ? `${prefix}-${i - 1}` : '',
    };
    lines.push(FLOW_COLUMNS.map((c) => values[c] ?? '').join(','));
  }
  return `${lines.join('\n')}\n`;
}

describe('bulk loading', () => {
  it('is chosen only for a load that is large and at least doubles the table', async () => {
    expect(await shouldBulkLoad(ctx.db, 'flows', 99_999)).toBe(false);
    expect(await shouldBulkLoad(ctx.db, 'flows', stored, 1)).toBe(true);
    expect(await shouldBulkLoad(ctx.db, 'flows', Math.max(stored - 1, 0), 1)).toBe(false);
  });

  it('writes every flow and revision, then restores indexes, keys, triggers and flow_edges', async () => {
    const before = await catalog();
    const files = await indexFiles();
    const n = stored + 40;
    const report = await importDataset(ctx.db, by, csv('bulk', n, true), {
      format: 'CSV',
      bulkMin: 1,
    });
    expect(report.flows.created).toBe(n);
    expect(await catalog()).toEqual(before);
    // The bulk path ran: each set-aside index is a new one, built after the rows went in.
    const rebuilt = await indexFiles();
    for (const [name, file] of Object.entries(files)) expect(rebuilt[name]).not.toBe(file);
    await edgesInStep();
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from revisions
      where record_type = 'Flow' and action = 'CREATE' and record_key like 'bulk-%'`.execute(
      ctx.db,
    );
    expect(rows[0]?.n).toBe(n);
    // The restored foreign keys hold: a flow naming no actor is refused.
    await expect(
      sql`insert into flows (key, source_id, target_id, amount, qualifier, year, status, instrument)
        values ('dangling', -1, -2, 1, 'EXACT', 2018, 'SPENT', 'GRANT')`.execute(ctx.db),
    ).rejects.toThrow(/foreign key/);
  });

  it('keeps flow_edges in step for writes after a bulk load (the triggers are back on)', async () => {
    await importDataset(ctx.db, by, csv('after', 3), { format: 'CSV' });
    await edgesInStep();
  });

  it('leaves nothing changed when a bulk load is rejected after writing', async () => {
    await sql`analyze flows`.execute(ctx.db);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from flows`.execute(ctx.db);
    const n = (rows[0]?.n ?? 0) + 10;
    // The last two rows name each other as parents: found only once the rest is written.
    const cycle = `cyc-a,${a},${b},1,,,,,2018,SPENT,GRANT,,cyc-b,\ncyc-b,${b},${a},1,,,,,2018,SPENT,GRANT,,cyc-a,\n`;
    const file = csv('rejected', n) + cycle;
    const before = { catalog: await catalog(), data: await fingerprint(ctx.db) };
    const error = await importDataset(ctx.db, by, file, { format: 'CSV', bulkMin: 1 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).rowErrors.map((e) => e.row)).toEqual([n + 1, n + 2]);
    expect({ catalog: await catalog(), data: await fingerprint(ctx.db) }).toEqual(before);
  });
});
