import { afterAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER } from '../hardening.js';
import { flowCsv } from '../test/flow-csv.js';
import { IMPORT, importHarness, type Result } from '../test/import-harness.js';
import { TEST_ADMIN_TOKEN } from '../test/write-client.js';

const { ctx, gql, a, b, unchanged } = await importHarness();
const FLOW_COLUMNS_HEADER = 'external_id,source_key,target_key,amount,year,status,instrument';
afterAll(() => ctx.close());

/** importDataset with the file as an upload (the GraphQL multipart request spec). */
async function upload(csv: string | Blob, input: Record<string, unknown> = {}) {
  const form = new FormData();
  const variables = { input: { format: 'CSV', file: null, ...input } };
  form.set('operations', JSON.stringify({ query: IMPORT, variables }));
  form.set('map', JSON.stringify({ 0: ['variables.input.file'] }));
  form.set('0', typeof csv === 'string' ? new Blob([csv], { type: 'text/csv' }) : csv, 'f.csv');
  const response = await gql.yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    // A multipart POST is a "simple" request a cross-site form could send: CSRF header needed.
    headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, [CSRF_HEADER]: '1' },
    body: form,
  });
  return { status: response.status, ...((await response.json()) as { data?: Result }) };
}

const flowCount = async () =>
  Number(
    (
      await ctx.db
        .selectFrom('flows')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('importDataset with the file as an upload', () => {
  it('the data string still works for small files', async () => {
    const result = await gql<Result>(IMPORT, {
      input: { format: 'CSV', data: flowCsv(3, a, b).replaceAll('kill-', 'inline-') },
    });
    expect(result.data?.importDataset?.report?.flows.created).toBe(3);
  });

  it('neither or both of data and file: ValidationError, nothing written', async () => {
    const neither = await unchanged(() => gql<Result>(IMPORT, { input: { format: 'CSV' } }));
    expect(neither.data?.importDataset?.__typename).toBe('ValidationError');
    const both = await unchanged(() => upload(flowCsv(1, a, b), { data: flowCsv(1, a, b) }));
    expect(both.data?.importDataset?.__typename).toBe('ValidationError');
  });

  it('an upload over MAX_UPLOAD_BYTES gets 413 and writes nothing', async () => {
    const { createYogaServer } = await import('../yoga.js');
    const small = createYogaServer(ctx.db, { adminToken: TEST_ADMIN_TOKEN, maxUploadBytes: 4096 });
    const form = new FormData();
    form.set(
      'operations',
      JSON.stringify({ query: IMPORT, variables: { input: { format: 'CSV', file: null } } }),
    );
    form.set('map', JSON.stringify({ 0: ['variables.input.file'] }));
    form.set('0', new Blob([flowCsv(200, a, b)]), 'f.csv');
    await unchanged(async () => {
      const response = await small.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, [CSRF_HEADER]: '1' },
        body: form,
      });
      expect(response.status).toBe(413);
    });
  });

  it('imports a 50 MB CSV sent as a multipart upload, as the data string would', async () => {
    // Long external ids (a key may have 128 characters) make 50 MB of fewer rows to write.
    const pad = 'x'.repeat(100);
    const line = (i: number) =>
      `up-${String(i).padStart(7, '0')}-${pad},${a},${b},${1000 + i}.25,2018,DISBURSED,GRANT`;
    const rows = Math.ceil(50_000_000 / (line(0).length + 1));
    const csv = `${FLOW_COLUMNS_HEADER}\n${Array.from({ length: rows }, (_, i) => line(i)).join('\n')}\n`;
    expect(Buffer.byteLength(csv)).toBeGreaterThan(50_000_000);
    const before = await flowCount();
    const result = await upload(csv);
    expect(result.status).toBe(200);
    expect(result.data?.importDataset?.report).toMatchObject({
      dryRun: false,
      rows,
      flows: { created: rows, updated: 0, unchanged: 0 },
    });
    expect((await flowCount()) - before).toBe(rows);
  }, 900_000); // last: the checks above fingerprint every row
});
