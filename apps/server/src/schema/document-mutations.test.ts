import { afterAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../test/test-db.js';
import { expectUnchanged } from '../test/unchanged.js';
import { writeClient } from '../test/write-client.js';

const ctx = await createTestDb();
const gql = writeClient(ctx.db);
afterAll(() => ctx.close());
const unchanged = <T>(write: () => Promise<T>) => expectUnchanged(ctx.db, write);

type Typed = {
  __typename: string;
  message?: string;
  fieldErrors?: { path: string[]; message: string }[];
};

describe('documents and citations', () => {
  it('adds a document and cites it for a flow; the quote is the text at the offsets', async () => {
    const doc = await gql<{
      addDocument: Typed & { document: { id: string; history: { action: string }[] } };
    }>(
      `mutation($input: AddDocumentInput!) { addDocument(input: $input) { __typename ... on Error { message }
        ... on AddDocumentSuccess { document { id history { action } } } } }`,
      {
        input: {
          title: '2018年旗县报告',
          language: 'zh-Hans',
          text: '全旗投入扶贫资金1.2亿元，覆盖𠀋个村。',
          publishedOn: '2018-12-01',
        },
      },
    );
    expect(doc.data?.addDocument.__typename).toBe('AddDocumentSuccess');
    const documentId = doc.data?.addDocument.document.id;
    const { data } = await gql<{ flows: { edges: { node: { id: string } }[] } }>(
      '{ flows(first: 1) { edges { node { id } } } }',
    );
    const flowId = data?.flows.edges[0]?.node.id;
    const CITE = `mutation($input: AddCitationInput!) { addCitation(input: $input) { __typename
      ... on Error { message } ... on ValidationError { fieldErrors { path message } }
      ... on AddCitationSuccess { citation { quote start end flow { history { action changedFields } } } } } }`;
    // Offsets count code points: 𠀋 (outside the BMP) is one.
    const cited = await gql<{
      addCitation: Typed & {
        citation: {
          quote: string;
          flow: { history: { action: string; changedFields: string[] }[] };
        };
      };
    }>(CITE, { input: { recordId: flowId, documentId, start: 8, end: 13 } });
    expect(cited.data?.addCitation.citation.quote).toBe('1.2亿元');
    expect(cited.data?.addCitation.citation.flow.history.at(-1)).toMatchObject({
      action: 'UPDATE',
      changedFields: ['citations'],
    });
    const past = await unchanged(() =>
      gql<{ addCitation: Typed }>(CITE, {
        input: { recordId: flowId, documentId, start: 18, end: 30 },
      }),
    );
    expect(past.data?.addCitation.fieldErrors?.[0]?.path).toEqual(['input', 'end']);
    const again = await unchanged(() =>
      gql<{ addCitation: Typed }>(CITE, {
        input: { recordId: flowId, documentId, start: 8, end: 13 },
      }),
    );
    expect(again.data?.addCitation.__typename).toBe('ConflictError');
  });

  it('refuses a document with control characters or a bad date', async () => {
    const ADD = `mutation($input: AddDocumentInput!) { addDocument(input: $input) { __typename ... on ValidationError { fieldErrors { path } } } }`;
    const ctrl = await unchanged(() =>
      gql<{ addDocument: Typed }>(ADD, { input: { title: 't', language: 'zh', text: 'a\u0007b' } }),
    );
    expect(ctrl.data?.addDocument.fieldErrors?.[0]?.path).toEqual(['input', 'text']);
    const date = await unchanged(() =>
      gql<{ addDocument: Typed }>(ADD, {
        input: { title: 't', language: 'zh', text: 'x', publishedOn: '2018-13-40' },
      }),
    );
    expect(date.data?.addDocument.fieldErrors?.[0]?.path).toEqual(['input', 'publishedOn']);
  });
});
