import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { retract } from '../domain/actor/actor.write.js';
import { ImportError, ValidationError } from '../domain/errors.js';
import { bulkCatalog } from '../test/bulk-catalog.js';
import { fingerprint } from '../test/fingerprint.js';
import { expectEdgesInStep } from '../test/flow-edges.js';
import { expectTotalsInStep } from '../test/flow-totals.js';
import { createTestDb } from '../test/test-db.js';
import { withOwnConnection } from './connection.js';
import { FLOW_COLUMNS } from './csv-flows.js';
import { type ImportOptions, importDataset } from './import-dataset.js';

const url = process.env.DATABASE_URL;
const by = { author: 'test', tokenId: null };

let ctx: Awaited<ReturnType<typeof createTestDb>>;
let a = '';
let b = '';
let program = '';
/** Flows stored before the test: direct loading starts once as many are staged. */
let stored = 0;

beforeAll(async () => {
  if (!url) return; // PostgreSQL only: the tests below are skipped
  ctx = await createTestDb();
  [a = '', b = ''] = (
    await ctx.db.selectFrom('actors').select('key').orderBy('id').limit(2).execute()
  ).map((x) => x.key);
  program = (await ctx.db.selectFrom('programs').select('key').executeTakeFirstOrThrow()).key;
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from flows`.execute(ctx.db);
  stored = rows[0]?.n ?? 0;
});
afterAll(() => ctx?.close());

const run = (file: string, options: Partial<ImportOptions> = {}) =>
  withOwnConnection(ctx.url as string, (db, client) =>
    // Small batches: many writes, each under way while the next rows are read.
    importDataset(db, by, file, {
      format: 'CSV',
      copyClient: client,
      bulkMin: 5,
      batch: 7,
      ...options,
    }),
  );
const line = (values: Partial<Record<(typeof FLOW_COLUMNS)[number], string>>) =>
  FLOW_COLUMNS.map((c) => values[c] ?? '').join(',');
/** `n` new flows d-0 … d-(n-1); every third in the program, every fifth approximate. */
const flows = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    line({
      external_id: `d-${i}`,
      source_key: i % 2 ? a : b,
      target_key: i % 2 ? b : a,
      amount: `${1000 + i}.${String(i % 100).padStart(2, '0')}`,
      qualifier: i % 5 === 0 ? 'APPROXIMATE' : '',
      year: String(2014 + (i % 6)),
      status: 'DISBURSED',
      instrument: 'GRANT',
      program_key: i % 3 === 0 ? program : '',
      note: i === 7 ? '"tab\there, back\\slash"' : '',
    }),
  );
/** One flow from a to b, SPENT GRANT of 2017, unless `extra` says otherwise. */
const one = (key: string, amount: string, extra: Parameters<typeof line>[0] = {}) =>
  line({
    external_id: key,
    source_key: a,
    target_key: b,
    amount,
    year: '2017',
    status: 'SPENT',
    instrument: 'GRANT',
    ...extra,
  });
const file = (lines: string[]) => `${[FLOW_COLUMNS.join(','), ...lines].join('\n')}\n`;
/** The sum of the amounts of flows d-0 … d-(n-1), in fen (exact). */
const fen = (n: number) =>
  Array.from({ length: n }, (_, i) => BigInt(1000 + i) * 100n + BigInt(i % 100)).reduce(
    (x, y) => x + y,
    0n,
  );

/** What the first direct load of `n` new flows (and its updated, retracted and child rows) wrote. */
async function expectWritten(n: number, catalog: Awaited<ReturnType<typeof bulkCatalog>>) {
  const { rows } = await sql<{ count: number; total: string; programs: number; approx: number }>`
    select count(*)::int as count, sum(amount * 100)::bigint::text as total,
      count(program_id)::int as programs, count(*) filter (where qualifier = 'APPROXIMATE')::int as approx
    from flows where key ~ '^d-[0-9]+$'`.execute(ctx.db);
  expect(rows[0]).toEqual({
    count: n,
    total: fen(n).toString(),
    programs: Math.ceil(n / 3),
    approx: Math.ceil(n / 5),
  });
  const note = await ctx.db
    .selectFrom('flows')
    .select('note')
    .where('key', '=', 'd-7')
    .executeTakeFirstOrThrow();
  expect(note.note).toBe('tab\there, back\\slash');
  // Each new flow has one CREATE revision naming it; the changed one an UPDATE.
  const { rows: revisions } = await sql<{ action: string; n: number }>`
    select r.action, count(*)::int as n from revisions r join flows f on f.id = r.record_id
    where r.record_type = 'Flow' and r.record_key = f.key and f.key like 'd-%'
      and r.reason = 'import (CSV)' group by r.action order by r.action`.execute(ctx.db);
  expect(revisions).toEqual([
    { action: 'CREATE', n: n + 3 },
    { action: 'UPDATE', n: 1 },
  ]);
  const { rows: links } = await sql<{ amount: string; parent: string }>`
    select c.amount::text as amount, p.key as parent from flows c join flows p on p.id = c.parent_id
    where c.key = 'd-child'`.execute(ctx.db);
  expect(links).toEqual([{ amount: '1.0000', parent: 'd-last' }]);
  expect(
    await ctx.db.selectFrom('flows').select('amount').where('key', '=', 'd-old').executeTakeFirst(),
  ).toEqual({ amount: '55.0000' });
  expect(
    await ctx.db.selectFrom('flows').where('key', '=', 'd-gone').select('id').execute(),
  ).toEqual([]);
  expect(await bulkCatalog(ctx.db)).toEqual(catalog);
  await expectEdgesInStep(ctx.db);
  await expectTotalsInStep(ctx.db);
  // Ids follow the file (the rows staged before direct loading took ids kept for them); the
  // child, written once its later parent was, comes last.
  const { rows: order } = await sql<{ key: string }>`select key from flows
    where key like 'd-%' order by id`.execute(ctx.db);
  expect(order.map((r) => r.key)).toEqual([
    'd-old',
    ...Array.from({ length: n }, (_, i) => `d-${i}`),
    'd-last',
    'd-child',
  ]);
  // The ids were given by the import: the sequence has moved past them for the next flow.
  const { rows: ids } = await sql<{ next: number; max: number }>`select
      nextval(pg_get_serial_sequence('flows', 'id'))::int as next,
      (select max(id) from flows)::int as max`.execute(ctx.db);
  expect(ids[0]?.next).toBeGreaterThan(ids[0]?.max ?? Number.POSITIVE_INFINITY);
}

describe.skipIf(!url)('direct loading (PostgreSQL: COPY on the import’s own connection)', () => {
  let main = '';
  let n = 0;
  it('writes the flows past the floor straight into the table, and the rest as staged rows', async () => {
    // A stored flow that the file changes, and a retracted one that it must not revive.
    await run(file([one('d-old', '5', { year: '2016' }), one('d-gone', '6', { year: '2016' })]));
    const gone = await ctx.db
      .selectFrom('flows')
      .select('id')
      .where('key', '=', 'd-gone')
      .executeTakeFirstOrThrow();
    await retract(ctx.db, by, 'Flow', { id: { typename: 'Flow', id: gone.id, raw: 'x' } });
    n = stored + 40;
    // Past the floor: an update, a retracted key, and a child whose parent comes later.
    main = file([
      ...flows(n),
      one('d-old', '55', { year: '2016' }),
      one('d-gone', '6', { year: '2016' }),
      one('d-child', '1', { source_key: b, target_key: a, parent_external_id: 'd-last' }),
      one('d-last', '2'),
    ]);
    const catalog = await bulkCatalog(ctx.db);
    const report = await run(main);

    expect(report.direct).toBeGreaterThan(0);
    expect(report.flows).toEqual({ created: n + 2, updated: 1, unchanged: 0, skipped: 1 });
    await expectWritten(n, catalog);
  });

  it('changes nothing when the same file comes again', async () => {
    const before = await fingerprint(ctx.db);
    const report = await run(main);
    expect(report.flows).toEqual({ created: 0, updated: 0, unchanged: n + 3, skipped: 1 });
    expect(await fingerprint(ctx.db)).toEqual(before);
  });
});

describe.skipIf(!url)('direct loading: rejected files and dry runs change nothing', () => {
  /** As many new flows as the first load wrote. */
  const n = () => stored + 40;
  const rejected = () => {
    const m = stored + n() + 20;
    const lines = flows(m).map((l) => l.replaceAll('d-', 'r-'));
    // Late rows, written directly if they were good: an unknown actor and an unknown program.
    lines[m - 3] = one('r-x', '1', { source_key: 'nobody', target_key: a });
    lines[m - 1] = one('r-y', '1', { program_key: 'no-such' });
    return { m, csv: file(lines) };
  };

  it('rolls back the direct writes of a rejected file, catalog and all', async () => {
    const { m, csv } = rejected();
    const before = { catalog: await bulkCatalog(ctx.db), data: await fingerprint(ctx.db) };
    const error = await run(csv).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).rowErrors).toEqual([
      { row: m - 2, column: 'source_key', message: 'no actor with key nobody' },
      { row: m, column: 'program_key', message: 'no program with key no-such' },
    ]);
    expect({ catalog: await bulkCatalog(ctx.db), data: await fingerprint(ctx.db) }).toEqual(before);
  });

  it('finds a parent later in a rejected file, though the direct path did not write it', async () => {
    const lines = flows(stored + 10);
    const n = lines.length;
    // A staged child names the last row as its parent; an error comes between them.
    lines[n - 3] = one('p-child', '1', { parent_external_id: 'p-parent' });
    lines[n - 2] = one('p-bad', '1', { program_key: 'no-such' });
    lines[n - 1] = one('p-parent', '2');
    const error = await run(file(lines)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).rowErrors).toEqual([
      { row: n - 1, column: 'program_key', message: 'no program with key no-such' },
    ]);
  });

  it('reports in a dry run what a real run would do, and writes nothing', async () => {
    const before = { catalog: await bulkCatalog(ctx.db), data: await fingerprint(ctx.db) };
    const csv = file(flows(stored + n() + 20).map((l) => l.replaceAll('d-', 'y-')));
    const report = await run(csv, { dryRun: true });
    expect(report.dryRun).toBe(true);
    expect(report.direct).toBeGreaterThan(0);
    expect(report.flows).toEqual({
      created: stored + n() + 20,
      updated: 0,
      unchanged: 0,
      skipped: 0,
    });
    expect({ catalog: await bulkCatalog(ctx.db), data: await fingerprint(ctx.db) }).toEqual(before);
  });

  it('reports the write that failed, not the statements sent after it', async () => {
    // A rule the row checks do not know: only PostgreSQL refuses the row, in a direct COPY.
    await sql`alter table flows add constraint test_no_boom check (note is distinct from 'boom')`.execute(
      ctx.db,
    );
    try {
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from flows`.execute(
        ctx.db,
      );
      const m = (rows[0]?.n ?? 0) + 60;
      const lines = flows(m).map((l) => l.replaceAll('d-', 'b-'));
      lines[m - 30] = one('b-boom', '1', { note: 'boom' });
      const before = await fingerprint(ctx.db);
      const error = await run(file(lines)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).message).toMatch(/breaks the rule test_no_boom/);
      expect(await fingerprint(ctx.db)).toEqual(before);
    } finally {
      await sql`alter table flows drop constraint test_no_boom`.execute(ctx.db);
    }
  });
});
