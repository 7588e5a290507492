import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportError } from '../domain/errors.js';
import { createTestDb } from '../test/test-db.js';
import { withOwnConnection } from './connection.js';
import { FLOW_COLUMNS, type FlowColumn } from './csv-flows.js';
import { importDataset } from './import-dataset.js';

const url = process.env.DATABASE_URL;
const by = { author: 'test', tokenId: null };

/** Valid values; in a file that may be refused, sometimes an invalid one. */
const field = (valid: string[], invalid: string[], clean: boolean) =>
  clean
    ? fc.constantFrom(...valid)
    : fc.oneof(
        { arbitrary: fc.constantFrom(...valid), weight: 8 },
        { arbitrary: fc.constantFrom(...invalid), weight: 1 },
      );

type Row = Partial<Record<FlowColumn, string>>;

interface Fixture {
  ctx: Awaited<ReturnType<typeof createTestDb>>;
  actors: string[];
  program: string;
  /** Flows stored before the run. */
  stored: number;
}
/** A row; a clean one breaks no rule (its parent, if any, comes later in the file). */
const row = (fx: Fixture, parents: string[], clean: boolean) => {
  const f = (valid: string[], invalid: string[]) => field(valid, invalid, clean);
  return fc.record({
    source_key: f(clean ? fx.actors.slice(0, 2) : fx.actors, ['zz-no-actor']),
    target_key: f(clean ? fx.actors.slice(2) : fx.actors, ['zz-no-actor', 'a b']),
    amount: f(
      ['0', '10', '1.50', '2.0', '1.0001', '9999999999999999.9999'],
      ['1.00005', '-1', '01', '10000000000000000'],
    ),
    qualifier: f(['', 'EXACT', 'APPROXIMATE', 'AT_LEAST', 'AT_MOST'], ['exact']),
    low: f(clean ? [''] : ['', '', '', '1'], ['x']),
    high: f(clean ? [''] : ['', '', '', '20'], ['1']),
    unit: f(['', 'CNY', 'PERSON'], ['cny']),
    year: f(['2018', '1949', '2100'], ['1948', '18']),
    status: f(['SPENT', 'PLANNED'], ['spent']),
    instrument: f(['GRANT', 'LOAN'], ['CASH']),
    program_key: f(['', '', fx.program], ['zz-no-program']),
    parent_external_id: f(['', '', '', ...parents], ['zz-no-parent']),
    note: f(['', '', 'a note', 'tab\there'], ['<b>']),
    note_zh: f(['', '', '一条备注'], ['<i>']),
    inferred: f(
      ['', '', '[]', '[{"field":"year","note":"read as 2018","noteZh":"读作2018年"}]'],
      ['[{"field":"colour","note":"x"}]', '{not json'],
    ),
  });
};
/** Every other file is clean (so that some are accepted); the rest may break rules. */
const rowsOf = (fx: Fixture, run: number) =>
  fc.integer({ min: 1, max: 12 }).chain((n) => {
    const keys = Array.from({ length: n }, (_, i) => `p${run}-g${i}`);
    const rows = keys.map((key, i) =>
      row(fx, keys.slice(i + 1), run % 2 === 1).map((r): Row => ({ ...r, external_id: key })),
    );
    return fc.tuple(...rows);
  });

const line = (values: Row) =>
  FLOW_COLUMNS.map((c) => {
    const v = values[c] ?? '';
    return /[",\t]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
  }).join(',');
/** Enough plain rows first that direct loading begins (the floor: the flows stored). */
const filler = (fx: Fixture, run: number) =>
  Array.from({ length: fx.stored + 5 }, (_, i) =>
    line({
      external_id: `p${run}-f${i}`,
      source_key: fx.actors[0],
      target_key: fx.actors[1],
      amount: String(i + 1),
      year: '2017',
      status: 'SPENT',
      instrument: 'GRANT',
    }),
  );

/** Imports the file, returns its outcome and the rows it left, then removes them. */
async function outcome(fx: Fixture, run: number, file: string, direct: boolean) {
  const options = { format: 'CSV' as const, bulkMin: 5, batch: 7 };
  let result: unknown;
  try {
    const report = direct
      ? await withOwnConnection(fx.ctx.url as string, (db, client) =>
          importDataset(db, by, file, { ...options, copyClient: client }),
        )
      : await importDataset(fx.ctx.db, by, file, options);
    if (direct) expect(report.direct).toBeGreaterThan(0);
    result = { created: report.flows.created };
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    result = { rowErrors: error.rowErrors };
  }
  const like = `p${run}-%`;
  const { rows } = await sql`select f.key, f.source_id, f.target_id, f.amount::text,
      f.qualifier, f.low::text, f.high::text, f.unit, f.year, f.status, f.instrument,
      f.program_id, p.key as parent, f.note, f.note_zh, f.inferred,
      (select count(*)::int from revisions r where r.record_type = 'Flow'
        and r.record_id = f.id and r.action = 'CREATE') as revisions
    from flows f left join flows p on p.id = f.parent_id
    where f.key like ${like} order by f.key`.execute(fx.ctx.db);
  await sql`delete from revisions where record_type = 'Flow' and record_key like ${like}`.execute(
    fx.ctx.db,
  );
  await sql`delete from flows where key like ${like}`.execute(fx.ctx.db);
  return { result, rows };
}

/**
 * The fast path (rows judged without zod, written by COPY as the file is read: imports/direct.ts)
 * against the slow one (every row through the zod schema's staging and set-based writes): the
 * same file must be accepted or refused alike, with the same row errors, and leave the same rows.
 */
describe.skipIf(!url)('direct COPY and staged imports agree (PostgreSQL)', () => {
  const fx = {} as Fixture;
  beforeAll(async () => {
    const ctx = await createTestDb();
    fx.ctx = ctx;
    fx.actors = (
      await ctx.db.selectFrom('actors').select('key').orderBy('id').limit(3).execute()
    ).map((a) => a.key);
    fx.program = (await ctx.db.selectFrom('programs').select('key').executeTakeFirstOrThrow()).key;
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from flows`.execute(ctx.db);
    fx.stored = rows[0]?.n ?? 0;
  });
  afterAll(() => fx.ctx?.close());

  it('accept and refuse the same rows, and store the same values', async () => {
    let run = 0;
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constant(null).chain(() => rowsOf(fx, ++run).map((rows) => ({ run, rows }))),
        async ({ run, rows }) => {
          const file = `${[FLOW_COLUMNS.join(','), ...filler(fx, run), ...rows.map(line)].join('\n')}\n`;
          const fast = await outcome(fx, run, file, true);
          const slow = await outcome(fx, run, file, false);
          expect(fast).toEqual(slow);
          // a clean file breaks no rule, so both paths take it
          if (run % 2 === 1) expect(fast.result).toEqual({ created: fast.rows.length });
          if (fast.rows.length) accepted++;
        },
      ),
      { numRuns: 10 },
    );
    expect(accepted).toBeGreaterThan(0);
  }, 180_000);
});
