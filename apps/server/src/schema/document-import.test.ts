import { afterAll, describe, expect, it } from 'vitest';
import { makePdf } from '../documents/make-pdf.js';
import { CSRF_HEADER } from '../hardening.js';
import { fingerprint } from '../test/fingerprint.js';
import { createTestDb } from '../test/test-db.js';
import { TEST_ADMIN_TOKEN, writeClient } from '../test/write-client.js';

const ctx = await createTestDb({ seed: false });
const gql = writeClient(ctx.db);
afterAll(() => ctx.close());
// Uploads of many megabytes are slow to build in memory: the oversized case uses a small limit.
process.env.MAX_DOCUMENT_BYTES = '4096';
afterAll(() => {
  delete process.env.MAX_DOCUMENT_BYTES;
});

const IMPORT = `mutation($input: ImportDocumentInput!) { importDocument(input: $input) {
  __typename ... on Error { message } ... on ValidationError { fieldErrors { path message } }
  ... on ImportDocumentSuccess { document { id title language text sourceSha256 sourceFormat
    pageOffsets normalisation figures(first: 10) { edges { node { text value unit } } } } } } }`;

type Result = {
  importDocument: {
    __typename: string;
    message?: string;
    fieldErrors?: { path: string[]; message: string }[];
    document?: Record<string, unknown> & { id: string };
  } | null;
};

/** A GraphQL multipart request (the spec Yoga implements): operations, map, then the file. */
async function upload(file: File, input: Record<string, unknown>, token = TEST_ADMIN_TOKEN) {
  const body = new FormData();
  body.set(
    'operations',
    JSON.stringify({ query: IMPORT, variables: { input: { ...input, file: null } } }),
  );
  body.set('map', JSON.stringify({ 0: ['variables.input.file'] }));
  body.set('0', file);
  const response = await gql.yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, [CSRF_HEADER]: '1' },
    body,
  });
  return {
    status: response.status,
    ...((await response.json()) as { data?: Result; errors?: unknown[] }),
  };
}

async function unchanged<T>(write: () => Promise<T>): Promise<T> {
  const before = await fingerprint(ctx.db);
  const result = await write();
  expect(await fingerprint(ctx.db)).toEqual(before);
  return result;
}

describe('importDocument', () => {
  it('adds a PDF upload: its text with page offsets, the file hash, and the figures in it', async () => {
    const pdf = makePdf([['County notice 2024'], ['Paid 5000 yuan']]);
    const result = await upload(new File([pdf], 'county-notice.pdf'), { language: 'en' });
    expect(result.errors).toBeUndefined();
    const doc = result.data?.importDocument?.document;
    expect(doc).toMatchObject({
      title: 'county-notice',
      text: 'County notice 2024\n\nPaid 5000 yuan',
      sourceFormat: 'PDF',
      pageOffsets: [0, 20],
    });
    expect(doc?.sourceSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(doc?.normalisation).toContain('half-width');
  });

  it('adds pasted text, normalised, and finds its figures at offsets into the stored text', async () => {
    const result = await gql<Result>(IMPORT, {
      input: {
        text: '<p>縣財政投入１，２００萬元(yuán)</p>',
        title: '縣通知',
        language: 'zh-Hant',
      },
    });
    const doc = result.data?.importDocument?.document as unknown as {
      text: string;
      sourceSha256: string | null;
      figures: { edges: { node: { text: string; value: string } }[] };
    };
    expect(doc.text).toBe('縣財政投入1,200萬元');
    expect(doc.sourceSha256).toBeNull();
    expect(doc.figures.edges.map((e) => e.node)).toEqual([
      { text: '1,200萬元', value: '12000000', unit: 'CNY' },
    ]);
  });
});

describe('importDocument refuses bad input', () => {
  it.each<[string, () => File, RegExp]>([
    ['an unreadable file', () => new File([new Uint8Array([0xc3, 0x28, 0xa0])], 'x.txt'), /UTF-8/],
    ['a PDF without a text layer', () => new File([makePdf([null])], 'scan.pdf'), /no text layer/],
    [
      'an oversized file',
      () => new File([new Uint8Array(5000).fill(0x41)], 'big.txt'),
      /at most 4096 bytes/,
    ],
  ])('refuses %s: nothing written, and says why', async (_name, make, reason) => {
    const result = await unchanged(() => upload(make(), { language: 'zh-Hans', title: 'x' }));
    expect(result.data?.importDocument).toMatchObject({ __typename: 'ValidationError' });
    const [error] = result.data?.importDocument?.fieldErrors ?? [];
    expect(error?.path).toEqual(['input', 'file']);
    expect(error?.message).toMatch(reason);
  });

  it.each<[string, Record<string, unknown>, string[], RegExp]>([
    ['neither file nor text', { title: 't', language: 'zh' }, ['input', 'file'], /a file or text/],
    [
      'a bad language tag',
      { text: '文', title: 't', language: 'Chinese' },
      ['input', 'language'],
      /language tag/,
    ],
    [
      'a title with markup',
      { text: '文', title: '<b>x</b>', language: 'zh' },
      ['input', 'title'],
      /markup/,
    ],
    [
      'a bad date',
      { text: '文', title: 't', language: 'zh', publishedOn: '2024-13-01' },
      ['input', 'publishedOn'],
      /date/,
    ],
  ])('refuses %s beside the field', async (_name, input, path, reason) => {
    const result = await unchanged(() => gql<Result>(IMPORT, { input }));
    const [error] = result.data?.importDocument?.fieldErrors ?? [];
    expect(error?.path).toEqual(path);
    expect(error?.message).toMatch(reason);
  });

  it('refuses a reader without a token', async () => {
    const result = await unchanged(() =>
      gql<Result>(IMPORT, { input: { text: '文', title: 't', language: 'zh' } }, null),
    );
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });
});

describe('a citation outside the text', () => {
  it('is refused, naming the field, and nothing is written', async () => {
    const added = await gql<Result>(IMPORT, {
      input: { text: '投入5萬元', title: 't', language: 'zh' },
    });
    const documentId = added.data?.importDocument?.document?.id;
    const actor = await gql<{ createActor: { actor: { id: string } } }>(
      `mutation { createActor(input: { name: "甲村", kind: VILLAGE }) {
        ... on CreateActorSuccess { actor { id } } } }`,
    );
    const recordId = actor.data?.createActor.actor.id;
    const result = await unchanged(() =>
      gql<{
        addCitation: { __typename: string; fieldErrors: { path: string[]; message: string }[] };
      }>(
        `mutation($input: AddCitationInput!) { addCitation(input: $input) { __typename
          ... on ValidationError { fieldErrors { path message } } } }`,
        { input: { recordId, documentId, start: 2, end: 9 } },
      ),
    );
    expect(result.data?.addCitation.fieldErrors).toEqual([
      { path: ['input', 'end'], message: 'is past the end of the document (5 characters)' },
    ]);
  });
});

describe('a curation form with a missing or contradictory field', () => {
  const RECORD = `mutation($input: RecordFlowInput!) { recordFlow(input: $input) { __typename
    ... on ValidationError { fieldErrors { path message } } } }`;

  it.each<[string, Record<string, unknown>, string[]]>([
    ['no source picked', { sourceId: '' }, ['input', 'sourceId']],
    ['the source as the recipient', { targetId: 'SAME' }, ['input', 'targetId']],
    [
      'an AT_LEAST amount with an upper bound',
      { amount: { value: '3500000', qualifier: 'AT_LEAST', high: '4000000' } },
      ['input', 'amount', 'high'],
    ],
    ['no year', { year: 0 }, ['input', 'year']],
  ])('%s: refused beside the field, nothing written', async (_name, change, path) => {
    const added = await gql<Result>(IMPORT, {
      input: { text: '2024年撥付350萬元', title: 't', language: 'zh' },
    });
    const documentId = added.data?.importDocument?.document?.id;
    const actor = await gql<{ createActor: { actor: { id: string } } }>(
      `mutation { createActor(input: { name: "甲縣財政局", kind: GOVERNMENT }) {
        ... on CreateActorSuccess { actor { id } } } }`,
    );
    const other = await gql<{ createActor: { actor: { id: string } } }>(
      `mutation { createActor(input: { name: "乙村", kind: VILLAGE }) {
        ... on CreateActorSuccess { actor { id } } } }`,
    );
    const source = actor.data?.createActor.actor.id;
    const input = {
      sourceId: source,
      targetId: other.data?.createActor.actor.id,
      amount: { value: '3500000', qualifier: 'EXACT' },
      year: 2024,
      status: 'DISBURSED',
      instrument: 'TRANSFER',
      citations: [{ documentId, start: 7, end: 13 }],
      ...change,
    };
    if (input.targetId === 'SAME') input.targetId = source;
    const result = await unchanged(() =>
      gql<{ recordFlow: { __typename: string; fieldErrors: { path: string[] }[] } }>(RECORD, {
        input,
      }),
    );
    expect(result.data?.recordFlow.__typename).toBe('ValidationError');
    expect(result.data?.recordFlow.fieldErrors.map((e) => e.path)).toContainEqual(path);
  });
});
