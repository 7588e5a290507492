import { afterAll, describe, expect, it } from 'vitest';
import { importHarness } from '../test/import-harness.js';
import { firstFlowEvent } from '../test/write-client.js';

const { ctx, gql, a, b, c, program, csvOf, row, run, unchanged, rejected } = await importHarness();
afterAll(() => ctx.close());

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

describe('importDataset: CSV', () => {
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
});

describe('importDataset: CSV, changes and retractions', () => {
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

describe('importDataset: JSON', () => {
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
