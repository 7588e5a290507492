import { afterAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../domain/records/global-id.js';
import { createTestDb } from '../test/test-db.js';
import { writeClient } from '../test/write-client.js';

const ctx = await createTestDb();
const gql = writeClient(ctx.db);
afterAll(() => ctx.close());

type Side = {
  document: { key: string; publisher: string; url: string | null; text: string };
  figure: { value: string };
  flows: { key: string }[];
  observations: { key: string }[];
  citations: { quote: string; start: number; end: number }[];
};
type Page = {
  sourceDisagreements: {
    totalCount: number;
    edges: {
      node: { kind: string; overlap: { key: string; minShared: { value: string } }; sides: Side[] };
    }[];
  };
};

const QUERY = `{ sourceDisagreements(first: 2) { totalCount edges { node { kind
  overlap { key minShared { value } }
  sides { document { key publisher url text } figure { value } flows { key } observations { key }
    citations { quote start end } } } } } }`;

/**
 * A third document states 50亿 for the regional treasury's 2017 input to the poor counties (the
 * article: 48.8亿): the flow recorded from it, and a STATED overlap tying the two records.
 */
async function recordOtherFigure() {
  const flow = await ctx.db
    .selectFrom('flows')
    .select(['id', 'source_id', 'target_id', 'year', 'status', 'instrument'])
    .where('key', '=', 'treasury-to-poor-counties-2017')
    .executeTakeFirstOrThrow();
  const text = '另据报道,自治区本级财政今年投入贫困旗县50亿元。';
  const added = await gql<{ addDocument: { document?: { id: string } } }>(
    `mutation($input: AddDocumentInput!) { addDocument(input: $input) {
      ... on AddDocumentSuccess { document { id } } } }`,
    { input: { key: 'test-third-report', title: '第三份报道', language: 'zh-Hans', text } },
  );
  const documentId = added.data?.addDocument.document?.id as string;
  const start = Array.from(text).indexOf('5');
  const recorded = await gql<{ recordFlow: { flow?: { id: string } } }>(
    `mutation($input: RecordFlowInput!) { recordFlow(input: $input) {
      ... on RecordFlowSuccess { flow { id } } ... on Error { message } } }`,
    {
      input: {
        key: 'test-other-figure',
        sourceId: encodeGlobalId('Actor', flow.source_id),
        targetId: encodeGlobalId('Actor', flow.target_id),
        amount: { value: '5000000000' },
        year: flow.year,
        status: flow.status,
        instrument: flow.instrument,
        citations: [{ documentId, start, end: start + 4 }],
      },
    },
  );
  const other = recorded.data?.recordFlow.flow?.id as string;
  const overlap = await gql<{ recordOverlap: { overlap?: { id: string } } }>(
    `mutation($input: RecordOverlapInput!) { recordOverlap(input: $input) {
      ... on RecordOverlapSuccess { overlap { id } } ... on Error { message } } }`,
    {
      input: {
        key: 'test-same-flow',
        certainty: 'STATED',
        flowIds: [encodeGlobalId('Flow', flow.id), other],
      },
    },
  );
  return { overlap: overlap.data?.recordOverlap.overlap?.id, other };
}

describe('sources disagree', () => {
  it('sets the press report’s 100億 against the article’s 80億 + 48.8億, quotes and all', async () => {
    const { data, errors } = await gql<Page>(QUERY);
    expect(errors).toBeUndefined();
    expect(data?.sourceDisagreements.totalCount).toBe(1);
    const node = data?.sourceDisagreements.edges[0]?.node;
    expect(node?.kind).toBe('BOUND');
    expect(node?.overlap).toEqual({
      key: 'integrated-funds-and-regional-input-2017',
      minShared: { value: '2880000000' },
    });
    const [recorded, stated] = node?.sides ?? [];
    expect(recorded?.document.key).toBe('inner-mongolia-poverty-2017');
    expect(recorded?.figure.value).toBe('12880000000');
    expect(recorded?.flows.map((f) => f.key).sort()).toEqual([
      'integrated-funds-2017',
      'treasury-to-poor-counties-2017',
    ]);
    expect(stated?.document).toMatchObject({
      key: 'baogaosu-press-conference-2017',
      url: expect.stringMatching(/^https:\/\/huhehaote\.baogaosu\.com\/xinwen\/.+\/61826459$/),
    });
    expect(stated?.figure.value).toBe('10000000000');
    expect(stated?.observations).toEqual([{ key: 'four-level-fiscal-poverty-investment-2017' }]);
    expect(stated?.citations.map((c) => c.quote)).toEqual([
      '四级财政将累计投入100亿元助力扶贫攻坚',
    ]);
    // every quote on both sides is its document's text at its offsets
    for (const side of [recorded, stated]) {
      for (const c of side?.citations ?? []) {
        expect(
          Array.from(side?.document.text ?? '')
            .slice(c.start, c.end)
            .join(''),
        ).toBe(c.quote);
      }
    }
  });

  it('pages by cursor and refuses more than 100', async () => {
    const { data } = await gql<{
      sourceDisagreements: { pageInfo: { hasNextPage: boolean; endCursor: string } };
    }>('{ sourceDisagreements(first: 1) { pageInfo { hasNextPage endCursor } } }');
    expect(data?.sourceDisagreements.pageInfo.hasNextPage).toBe(false);
    const after = await gql<Page>(
      `{ sourceDisagreements(first: 1, after: "${data?.sourceDisagreements.pageInfo.endCursor}") { totalCount edges { node { kind } } } }`,
    );
    expect(after.data?.sourceDisagreements.edges).toEqual([]);
    const tooMany = await gql('{ sourceDisagreements(first: 101) { totalCount } }');
    expect(tooMany.errors?.length).toBeGreaterThan(0);
  });
});

describe('sources that give two figures for one flow', () => {
  it('sets two figures for one flow side by side (DIFFERENT), and nothing stays after', async () => {
    const { overlap, other } = await recordOtherFigure();
    try {
      const { data } = await gql<Page>(QUERY);
      expect(data?.sourceDisagreements.totalCount).toBe(2);
      const node = data?.sourceDisagreements.edges.find((e) => e.node.kind === 'DIFFERENT')?.node;
      expect(node?.overlap.key).toBe('test-same-flow');
      expect(
        node?.sides.map((s) => [s.document.key, s.figure.value, s.flows.map((f) => f.key)]),
      ).toEqual([
        ['inner-mongolia-poverty-2017', '4880000000', ['treasury-to-poor-counties-2017']],
        ['test-third-report', '5000000000', ['test-other-figure']],
      ]);
      expect(node?.sides[1]?.citations.map((c) => c.quote)).toEqual(['50亿元']);
    } finally {
      for (const [mutation, id] of [
        ['retractOverlap', overlap],
        ['retractFlow', other],
      ]) {
        const done = await gql(
          `mutation($id: ID!) { ${mutation}(input: { id: $id }) { __typename } }`,
          {
            id,
          },
        );
        expect(done.errors).toBeUndefined();
      }
    }
    const after = await gql<Page>(QUERY);
    expect(after.data?.sourceDisagreements.totalCount).toBe(1);
  });
});
