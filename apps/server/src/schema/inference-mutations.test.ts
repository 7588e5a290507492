import { afterAll, describe, expect, it } from 'vitest';
import { flowHarness } from '../test/flow-harness.js';

const { ctx, gql, anonymous, base, unchanged } = await flowHarness();
afterAll(() => ctx.close());

const RECORD = `mutation($input: RecordFlowInput!) { recordFlow(input: $input) {
  __typename ... on ValidationError { fieldErrors { path message } }
  ... on RecordFlowSuccess { flow { id inferred { field note } } } } }`;
const UPDATE = `mutation($input: UpdateFlowInput!) { updateFlow(input: $input) {
  __typename ... on ValidationError { fieldErrors { path message } }
  ... on UpdateFlowSuccess { flow { inferred { field note } history { changedFields } } } } }`;

type Inference = { field: string; note: string };
type Recorded = {
  recordFlow: {
    __typename: string;
    fieldErrors?: { path: string[]; message: string }[];
    flow?: { id: string; inferred: Inference[] };
  };
};
type Updated = {
  updateFlow: {
    __typename: string;
    flow?: { inferred: Inference[]; history: { changedFields: string[] }[] };
  };
};

const year = { field: 'year', note: 'The sentence gives no year; read as 2017.' };

describe('Flow.inferred', () => {
  it('records, reads and replaces the inferred fields of a flow', async () => {
    const recorded = await gql<Recorded>(RECORD, {
      input: { ...base, key: 'inferred-1', inferred: [year, { field: 'source', note: ' x ' }] },
    });
    expect(recorded.data?.recordFlow.flow?.inferred).toEqual([
      year,
      { field: 'source', note: 'x' },
    ]);
    const id = recorded.data?.recordFlow.flow?.id;
    const read = await anonymous<{ node: { inferred: Inference[] } }>(
      'query($id: ID!) { node(id: $id) { ... on Flow { inferred { field note } } } }',
      { id },
    );
    expect(read.data?.node.inferred).toEqual([year, { field: 'source', note: 'x' }]);

    const updated = await gql<Updated>(UPDATE, { input: { id, inferred: [year] } });
    expect(updated.data?.updateFlow.flow?.inferred).toEqual([year]);
    expect(updated.data?.updateFlow.flow?.history.at(-1)?.changedFields).toContain('inferred');
    const plain = await gql<Recorded>(RECORD, { input: { ...base, key: 'inferred-2' } });
    expect(plain.data?.recordFlow.flow?.inferred).toEqual([]);
  });

  it.each([
    ['an unknown field', [{ field: 'colour', note: 'a' }]],
    ['an empty note', [{ field: 'year', note: '   ' }]],
    ['a field inferred twice', [year, { ...year, note: 'again' }]],
    ['markup in a note', [{ field: 'year', note: '<b>2017</b>' }]],
    ['markup in a Chinese note', [{ ...year, noteZh: '<b>2017年</b>' }]],
  ])('refuses %s with a typed error and writes nothing', async (_, inferred) => {
    const result = await unchanged(() =>
      gql<Recorded>(RECORD, { input: { ...base, key: 'inferred-bad', inferred } }),
    );
    expect(result.data?.recordFlow.__typename).toBe('ValidationError');
    expect(result.data?.recordFlow.fieldErrors?.[0]?.path.slice(0, 2)).toEqual([
      'input',
      'inferred',
    ]);
  });
});

describe('Observation.inferred', () => {
  it('serves the seed’s inferences of an observation', async () => {
    const read = await anonymous<{
      observations: { edges: { node: { metric: string; inferred: Inference[] } }[] };
    }>(
      '{ observations(filter: { year: 2016 }) { edges { node { metric inferred { field note } } } } }',
    );
    expect(read.errors).toBeUndefined();
    const inferred = read.data?.observations.edges.flatMap((e) => e.node.inferred) ?? [];
    expect(inferred.some((i) => i.field === 'year' && /end of 2016/.test(i.note))).toBe(true);
  });

  it('keeps a note in Chinese beside the English one; a blank one is none', async () => {
    const READ = `mutation($input: RecordFlowInput!) { recordFlow(input: $input) {
      ... on RecordFlowSuccess { flow { inferred { field note noteZh } } } } }`;
    const zh = { ...year, noteZh: ' 原句未给出年份；读作2017年。 ' };
    const source = { field: 'source', note: 'x', noteZh: '  ' };
    const recorded = await gql<{ recordFlow: { flow?: { inferred: unknown[] } } }>(READ, {
      input: { ...base, key: 'inferred-zh', inferred: [zh, source] },
    });
    expect(recorded.data?.recordFlow.flow?.inferred).toEqual([
      { ...year, noteZh: '原句未给出年份；读作2017年。' },
      { field: 'source', note: 'x', noteZh: null },
    ]);
  });
});
