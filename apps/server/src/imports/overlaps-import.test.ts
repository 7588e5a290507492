import { afterAll, describe, expect, it } from 'vitest';
import { ImportError } from '../domain/errors.js';
import { createTestDb } from '../test/test-db.js';
import { expectUnchanged } from '../test/unchanged.js';
import { OVERLAP_COLUMNS } from './csv-overlaps.js';
import { importDataset } from './import-dataset.js';

const ctx = await createTestDb();
afterAll(() => ctx.close());
const by = { author: 'test', tokenId: null };

const json = (records: unknown[]) =>
  importDataset(ctx.db, by, JSON.stringify(records), { format: 'JSON' });

/** Two new flows of 10 and 6 between seed actors, and an overlap between them. */
const flow = (key: string, value: string) => ({
  type: 'flow',
  key,
  sourceKey: 'im-regional-treasury',
  targetKey: 'poor-counties',
  amount: { value },
  year: 2018,
  status: 'DISBURSED',
  instrument: 'GRANT',
});
const overlap = (extra: Record<string, unknown> = {}) => ({
  type: 'overlap',
  key: 'imported-overlap',
  flowKeys: ['import-a', 'import-b'],
  certainty: 'PROBABLE',
  statedTotal: '12',
  note: 'a stated total of 12 for both',
  ...extra,
});

/** The row errors of a rejected import, as "row column: message"; nothing may be written. */
async function rejected(run: () => Promise<unknown>) {
  const error = await expectUnchanged(ctx.db, () =>
    run().then(
      () => null,
      (e: unknown) => e,
    ),
  );
  expect(error).toBeInstanceOf(ImportError);
  return (error as ImportError).rowErrors.map((e) => `${e.row} ${e.column}: ${e.message}`);
}

describe('overlaps in a JSON import', () => {
  it('refuses bad overlaps with a row error each and writes nothing', async () => {
    const flows = [flow('import-a', '10'), flow('import-b', '6')];
    const cases: [unknown[], RegExp][] = [
      [
        [...flows, overlap({ flowKeys: ['import-a', 'import-a'] })],
        /flowKeys\.1: a flow cannot overlap itself/,
      ],
      [
        [...flows, overlap({ flowKeys: ['import-a', 'nowhere'] })],
        /flowKeys\.1: names no flow "nowhere"/,
      ],
      [[...flows, overlap({ maxShared: '7' })], /maxShared: is above the amount of a flow/],
      [[...flows, overlap({ statedTotal: '9' })], /statedTotal: is below the larger flow/],
      [
        [...flows, overlap(), overlap({ key: 'again' })],
        /flowKeys: these two flows already have an overlap at row 3/,
      ],
      [
        [overlap({ flowKeys: ['integrated-funds-2017', 'treasury-to-poor-counties-2017'] })],
        /flowKeys: these two flows already have an overlap \(integrated-funds-and-regional-input-2017\)/,
      ],
    ];
    for (const [records, message] of cases) {
      const errors = await rejected(() => json(records));
      expect(errors.join('\n')).toMatch(message);
    }
  });

  it('writes an overlap between flows of the same file; importing it again changes nothing', async () => {
    const records = [flow('import-a', '10'), flow('import-b', '6'), overlap()];
    const first = await json(records);
    expect(first.overlaps).toEqual({ created: 1, updated: 0, unchanged: 0, skipped: 0 });
    const row = await ctx.db
      .selectFrom('flow_overlaps')
      .select(['certainty', 'stated_total', 'note'])
      .where('key', '=', 'imported-overlap')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      certainty: 'PROBABLE',
      stated_total: '12.0000',
      note: 'a stated total of 12 for both',
    });
    const again = await expectUnchanged(ctx.db, () => json(records));
    expect(again.overlaps).toEqual({ created: 0, updated: 0, unchanged: 1, skipped: 0 });
    const changed = await json([overlap({ certainty: 'STATED' })]);
    expect(changed.overlaps.updated).toBe(1);
  });
});

describe('overlaps in a CSV import (the columns of /export/overlaps.csv)', () => {
  const csv = (...rows: string[]) => `${OVERLAP_COLUMNS.join(',')}\n${rows.join('\n')}\n`;
  const run = (text: string) => importDataset(ctx.db, by, text, { format: 'CSV' });

  it('reads the exported rows back unchanged, and refuses a bad one, writing nothing', async () => {
    const { note, noteZh } = await notesOf('integrated-funds-and-regional-input-2017');
    expect(noteZh).not.toBe('');
    const seed = `integrated-funds-and-regional-input-2017,treasury-to-poor-counties-2017,integrated-funds-2017,STATED,,10000000000,"${note}","${noteZh}",`;
    const report = await expectUnchanged(ctx.db, () => run(csv(seed)));
    expect(report.overlaps).toEqual({ created: 0, updated: 0, unchanged: 1, skipped: 0 });
    const errors = await rejected(() =>
      run(csv('csv-bad,import-a,import-b,SURE,,,,', 'csv-self,import-a,import-a,POSSIBLE,,,,')),
    );
    expect(errors).toContainEqual(expect.stringMatching(/^1 certainty: /));
    expect(errors).toContainEqual(
      '2 flow_b_key: a flow cannot overlap itself: name two different flows',
    );
  });
});

/** An overlap's notes in both languages, quoted for a CSV cell. */
async function notesOf(key: string) {
  const { note, note_zh } = await ctx.db
    .selectFrom('flow_overlaps')
    .select(['note', 'note_zh'])
    .where('key', '=', key)
    .executeTakeFirstOrThrow();
  const cell = (s: string | null) => (s ?? '').replaceAll('"', '""');
  return { note: cell(note), noteZh: cell(note_zh) };
}
