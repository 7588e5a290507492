import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLOW_COLUMNS } from '../imports/csv-flows.js';
import {
  fingerprint,
  firstFlowEvent,
  TEST_ADMIN_TOKEN,
  writeClient,
} from '../mutations/test-client.js';
import { createTestDb } from '../test/test-db.js';
import { createYogaServer } from '../yoga.js';

const ctx = await createTestDb();
const gql = writeClient(ctx.db);
afterAll(() => ctx.close());

const IMPORT = `mutation($input: ImportInput!) { importDataset(input: $input) {
  __typename
  ... on Error { message }
  ... on ImportError { errorCount rowErrors { row column message } }
  ... on ValidationError { fieldErrors { path message } }
  ... on ImportDatasetSuccess { report { dryRun rows
    actors { created updated unchanged skipped }
    flows { created updated unchanged skipped }
    observations { created updated unchanged skipped } } } } }`;

interface Counts {
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
}
interface Result {
  importDataset: {
    __typename: string;
    message?: string;
    errorCount?: number;
    rowErrors?: { row: number; column: string | null; message: string }[];
    report?: { dryRun: boolean; rows: number; actors: Counts; flows: Counts; observations: Counts };
  } | null;
}

const HEADER = FLOW_COLUMNS.join(',');
let a = '';
let b = '';
let c = '';
let program = '';

beforeAll(async () => {
  const actors = await ctx.db.selectFrom('actors').select('key').orderBy('id').limit(3).execute();
  [a = '', b = '', c = ''] = actors.map((x) => x.key);
  program = (await ctx.db.selectFrom('programs').select('key').executeTakeFirstOrThrow()).key;
});

const csvOf = (...rows: string[]) => `${HEADER}\n${rows.join('\n')}\n`;
const row = (id: string, extra: Partial<Record<(typeof FLOW_COLUMNS)[number], string>> = {}) => {
  const values: Record<string, string> = {
    external_id: id,
    source_key: a,
    target_key: b,
    amount: '1000',
    year: '2018',
    status: 'DISBURSED',
    instrument: 'GRANT',
    ...extra,
  };
  return FLOW_COLUMNS.map((col) => values[col] ?? '').join(',');
};

const run = (format: 'CSV' | 'JSON', data: string, dryRun = false) =>
  gql<Result>(IMPORT, { input: { format, data, dryRun } });

async function unchanged<T>(write: () => Promise<T>): Promise<T> {
  const before = await fingerprint(ctx.db);
  const result = await write();
  expect(await fingerprint(ctx.db)).toEqual(before);
  return result;
}

async function rejected(format: 'CSV' | 'JSON', data: string) {
  const result = await unchanged(() => run(format, data));
  expect(result.errors).toBeUndefined();
  expect(result.data?.importDataset?.__typename).toBe('ImportError');
  return result.data?.importDataset?.rowErrors ?? [];
}

describe('importDataset: CSV', () => {
  const file = () =>
    csvOf(
      row('csv-1', { amount: '1200000.50', program_key: program }),
      row('csv-2', {
        source_key: b,
        target_key: c,
        parent_external_id: 'csv-1',
        qualifier: 'APPROXIMATE',
        low: '900',
        high: '1100',
      }),
      row('csv-3', { qualifier: 'AT_LEAST', note: '"a note, with a comma"' }),
    );

  it('a dry run reports what it would do and writes nothing', async () => {
    const result = await unchanged(() => run('CSV', file(), true));
    expect(result.data?.importDataset?.report).toMatchObject({
      dryRun: true,
      rows: 3,
      flows: { created: 3, updated: 0, unchanged: 0, skipped: 0 },
    });
  });

  it('imports, children after their parents, each flow with a CREATE revision', async () => {
    const result = await run('CSV', file());
    expect(result.data?.importDataset?.report?.flows).toEqual({
      created: 3,
      updated: 0,
      unchanged: 0,
      skipped: 0,
    });
    const child = await ctx.db
      .selectFrom('flows as f')
      .innerJoin('flows as p', 'p.id', 'f.parent_id')
      .select(['f.key', 'p.key as parent', 'f.low', 'f.high'])
      .where('f.key', '=', 'csv-2')
      .executeTakeFirstOrThrow();
    expect(child).toMatchObject({ parent: 'csv-1' });
    const revisions = await ctx.db
      .selectFrom('revisions')
      .select(['record_key', 'action', 'author'])
      .where('record_key', 'like', 'csv-%')
      .execute();
    expect(revisions).toHaveLength(3);
    expect(revisions.every((r) => r.action === 'CREATE' && r.author === 'admin')).toBe(true);
  });

  it('is idempotent: the same file again changes nothing', async () => {
    const result = await unchanged(() => run('CSV', file()));
    expect(result.data?.importDataset?.report?.flows).toEqual({
      created: 0,
      updated: 0,
      unchanged: 3,
      skipped: 0,
    });
  });

  it('announces the flows it creates to flowRecorded subscribers, once committed', async () => {
    const event = await firstFlowEvent(
      gql,
      () => run('CSV', csvOf(row('csv-live', { year: '2019' }))),
      'csv-live',
    );
    expect(event).toEqual({ data: { flowRecorded: { key: 'csv-live', year: 2019 } } });
  });

  it('a changed row updates its flow, with a revision holding before and after', async () => {
    const changed = file().replace('1200000.50', '1300000');
    const result = await run('CSV', changed);
    expect(result.data?.importDataset?.report?.flows).toEqual({
      created: 0,
      updated: 1,
      unchanged: 2,
      skipped: 0,
    });
    const history = await gql<{
      flows: {
        edges: {
          node: {
            history: {
              action: string;
              before: { amount: { value: string } } | null;
              after: { amount: { value: string } };
            }[];
          };
        }[];
      };
    }>(
      `query($f: FlowFilter) { flows(filter: $f, first: 100) { edges { node { key history { action before after } } } } }`,
      { f: { year: 2018 } },
    );
    const updated = history.data?.flows.edges
      .map((e) => e.node)
      .find((n) => n.history.some((h) => h.action === 'UPDATE'));
    expect(updated?.history[0]?.after.amount.value).toBe('1200000.5');
    expect(updated?.history[1]?.before?.amount.value).toBe('1200000.5');
    expect(updated?.history[1]?.after.amount.value).toBe('1300000');
  });

  it('a retracted flow is not revived by importing its row again', async () => {
    const id = await ctx.db
      .selectFrom('flows')
      .select('id')
      .where('key', '=', 'csv-3')
      .executeTakeFirstOrThrow();
    const gid = Buffer.from(`Flow:${id.id}`).toString('base64');
    const retracted = await gql(
      `mutation($id: ID!) { retractFlow(input: { id: $id }) { __typename } }`,
      { id: gid },
    );
    expect(retracted.errors).toBeUndefined();
    const result = await unchanged(() => run('CSV', file().replace('1200000.50', '1300000')));
    expect(result.data?.importDataset?.report?.flows).toEqual({
      created: 0,
      updated: 0,
      unchanged: 2,
      skipped: 1,
    });
  });
});

describe('importDataset: JSON', () => {
  const records = () => [
    {
      type: 'actor',
      key: 'json-county',
      name: '测试旗',
      nameEn: 'Test Banner',
      kind: 'GOVERNMENT',
      regionCode: '150400',
    },
    {
      type: 'flow',
      key: 'json-flow',
      sourceKey: a,
      targetKey: 'json-county',
      amount: { value: '5000000', qualifier: 'AT_LEAST' },
      year: 2019,
      status: 'SPENT',
      instrument: 'GRANT',
    },
    {
      type: 'observation',
      key: 'json-obs',
      metric: 'relocated_population',
      value: '1200',
      unit: 'PERSON',
      year: 2019,
      kind: 'ACTUAL',
      actorKey: 'json-county',
    },
  ];

  it('imports actors, then the flows and observations that name them; again changes nothing', async () => {
    const metric = await ctx.db
      .selectFrom('metrics')
      .select('key')
      .where('key', '=', 'relocated_population')
      .executeTakeFirst();
    const data = records();
    if (!metric)
      (data[2] as { metric: string }).metric = (
        await ctx.db.selectFrom('metrics').select('key').executeTakeFirstOrThrow()
      ).key;
    const first = await run('JSON', JSON.stringify(data));
    expect(first.data?.importDataset?.report).toMatchObject({
      rows: 3,
      actors: { created: 1 },
      flows: { created: 1 },
      observations: { created: 1 },
    });
    const again = await unchanged(() => run('JSON', JSON.stringify(data)));
    expect(again.data?.importDataset?.report).toMatchObject({
      actors: { unchanged: 1 },
      flows: { unchanged: 1 },
      observations: { unchanged: 1 },
    });
  });

  it('JSON that is not an array', async () => {
    const errors = await rejected('JSON', JSON.stringify({ type: 'flow' }));
    expect(errors[0]).toMatchObject({ row: 0, message: expect.stringContaining('array') });
  });

  it('JSON that does not parse', async () => {
    const errors = await rejected('JSON', '[{"type": "actor",');
    expect(errors[0]?.message).toContain('not valid JSON');
  });

  it('an element of no known type, and fields that break the rules, by path', async () => {
    const errors = await rejected(
      'JSON',
      JSON.stringify([
        { type: 'grant' },
        { ...records()[1], amount: { value: '5', qualifier: 'EXACT', high: '6' }, year: 3000 },
      ]),
    );
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [1, 'type'],
      [2, 'amount.high'],
      [2, 'year'],
    ]);
  });
});

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
      Buffer.from(`${HEADER}\n${row('gbk-1')}`), // the note column comes last: the bytes land there
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
