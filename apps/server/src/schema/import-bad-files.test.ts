import { afterAll, describe, expect, it } from 'vitest';
import { fingerprint } from '../test/fingerprint.js';
import { IMPORT, importHarness, type Result } from '../test/import-harness.js';
import { TEST_ADMIN_TOKEN } from '../test/write-client.js';
import { createYogaServer } from '../yoga.js';

const { ctx, gql, HEADER, a, csvOf, row, run, unchanged, rejected } = await importHarness();
afterAll(() => ctx.close());

describe('importDataset: bad files change nothing, with an error per bad row', () => {
  it('negative, non-numeric, overlong and exponent amounts', async () => {
    const errors = await rejected(
      'CSV',
      csvOf(
        row('bad-1', { amount: '-1' }),
        row('bad-2', { amount: 'twelve' }),
        row('bad-3', { amount: '123456789012345678901234' }),
        row('bad-4', { amount: '1e9' }),
        row('good-1'),
      ),
    );
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [1, 'amount'],
      [2, 'amount'],
      [3, 'amount'],
      [4, 'amount'],
    ]);
  });

  it('unknown keys, source = target, a year out of range, contradictory bounds', async () => {
    const errors = await rejected(
      'CSV',
      csvOf(
        row('bad-5', { source_key: 'nobody' }),
        row('bad-6', { target_key: a }),
        row('bad-7', { year: '1900' }),
        row('bad-8', { qualifier: 'AT_MOST', low: '5' }),
        row('bad-9', { program_key: 'no-such-program' }),
        row('bad-10', { parent_external_id: 'no-such-flow' }),
      ),
    );
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [1, 'source_key'],
      [2, 'target_key'],
      [3, 'year'],
      [4, 'low'],
      [5, 'program_key'],
      [6, 'parent_external_id'],
    ]);
  });

  it('text carrying HTML or SQL', async () => {
    const errors = await rejected(
      'CSV',
      csvOf(
        row('bad-11', { note: '<script>alert(1)</script>' }),
        row("bad-12'; drop table flows; --"),
      ),
    );
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [1, 'note'],
      [2, 'external_id'],
    ]);
  });

  it('parents that name each other in a cycle', async () => {
    const errors = await rejected(
      'CSV',
      csvOf(
        row('cyc-1', { parent_external_id: 'cyc-2' }),
        row('cyc-2', { parent_external_id: 'cyc-1' }),
      ),
    );
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [1, 'parent_external_id'],
      [2, 'parent_external_id'],
    ]);
    expect(errors[0]?.message).toContain('cycle');
  });

  it('duplicate external ids within the file', async () => {
    const errors = await rejected('CSV', csvOf(row('dup-1'), row('dup-2'), row('dup-1')));
    expect(errors).toEqual([
      { row: 3, column: 'external_id', message: expect.stringContaining('first at row 1') },
    ]);
  });
});

describe('importDataset: bad files change nothing: headers, encodings, broken lines', () => {
  it('a wrong header', async () => {
    const errors = await rejected(
      'CSV',
      `${HEADER.replace('amount', 'amount_yuan')}\n${row('h-1')}\n`,
    );
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [0, 'amount_yuan'],
      [0, 'amount'],
    ]);
  });

  it('GBK-encoded bytes (read as UTF-8, they decode to U+FFFD)', async () => {
    // "北京" in GBK is B1 B1 BE A9; as UTF-8 those bytes are invalid.
    const withGbk = Buffer.concat([
      // The header ends at the note column, so the bytes land there.
      Buffer.from(
        `${HEADER.slice(0, HEADER.indexOf(',note_zh'))}\n${row('gbk-1').replace(/,,$/, '')}`,
      ),
      Buffer.from([0xb1, 0xb1, 0xbe, 0xa9]),
      Buffer.from('\n'),
    ]);
    const errors = await rejected('CSV', withGbk.toString('utf8'));
    expect(errors[0]).toMatchObject({
      row: 1,
      column: 'note',
      message: expect.stringContaining('GBK'),
    });
  });

  it('GBK bytes sent raw in the HTTP body are refused the same way', async () => {
    const yoga = createYogaServer(ctx.db, { adminToken: TEST_ADMIN_TOKEN });
    const before = await fingerprint(ctx.db);
    const text = JSON.stringify({
      query: IMPORT,
      variables: { input: { format: 'CSV', data: `${HEADER}\n${row('gbk-2')}` } },
    });
    const body = Buffer.from(text);
    // The GBK bytes go into the last CSV field (the note), inside the JSON string.
    const at = Buffer.byteLength(text.slice(0, text.lastIndexOf('"}}}')));
    const raw = Buffer.concat([body.subarray(0, at), Buffer.from([0xb1, 0xb1]), body.subarray(at)]);
    const response = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
      body: raw,
    });
    const json = (await response.json()) as Result & { data: Result };
    expect(json.data.importDataset?.__typename).toBe('ImportError');
    expect(json.data.importDataset?.rowErrors?.[0]?.message).toContain('UTF-8');
    expect(await fingerprint(ctx.db)).toEqual(before);
  });

  it('a truncated last line', async () => {
    const full = csvOf(row('t-1'), row('t-2'));
    const errors = await rejected('CSV', full.slice(0, full.length - 25));
    expect(errors).toEqual([
      { row: 2, column: null, message: expect.stringContaining('truncated') },
    ]);
  });

  it('a file cut inside a quoted field', async () => {
    const errors = await rejected(
      'CSV',
      `${csvOf(row('q-1'))}${row('q-2', { note: '"an unfinished' })}`,
    );
    expect(errors.at(-1)?.message).toContain('not closed');
  });
});

describe('importDataset: bad requests change nothing', () => {
  it('an empty data string: ValidationError', async () => {
    const result = await unchanged(() => run('CSV', ''));
    expect(result.data?.importDataset?.__typename).toBe('ValidationError');
  });

  it('reports at most 1000 rows but counts every error', async () => {
    const rows = Array.from({ length: 1500 }, (_, i) => row(`many-${i}`, { year: '1800' }));
    const result = await unchanged(() => run('CSV', csvOf(...rows)));
    expect(result.data?.importDataset?.errorCount).toBe(1500);
    expect(result.data?.importDataset?.rowErrors).toHaveLength(1000);
  });

  it('a 100 MB body: 413 before anything is parsed', async () => {
    const before = await fingerprint(ctx.db);
    const yoga = createYogaServer(ctx.db, { adminToken: TEST_ADMIN_TOKEN });
    const data = 'x'.repeat(100 * 1024 * 1024);
    const response = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
      body: JSON.stringify({ query: IMPORT, variables: { input: { format: 'CSV', data } } }),
    });
    expect(response.status).toBe(413);
    const json = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(json.errors[0]?.extensions.code).toBe('REQUEST_ENTITY_TOO_LARGE');
    expect(await fingerprint(ctx.db)).toEqual(before);
  });

  it('imports need the write scope', async () => {
    const result = await unchanged(() =>
      gql<Result>(IMPORT, { input: { format: 'CSV', data: csvOf(row('x-1')) } }, null),
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
