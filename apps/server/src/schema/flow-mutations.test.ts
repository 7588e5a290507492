import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken, revokeToken } from '../auth/tokens.js';
import { createEvents } from '../mutations/events.js';
import { fingerprint, firstFlowEvent, writeClient } from '../mutations/test-client.js';
import { createTestDb, graphqlClient } from '../test/test-db.js';

const ctx = await createTestDb();
const gql = writeClient(ctx.db);
const anonymous = graphqlClient(ctx.db);
afterAll(() => ctx.close());

const RECORD = `mutation Record($input: RecordFlowInput!) {
  recordFlow(input: $input) {
    __typename
    ... on Error { message }
    ... on ValidationError { fieldErrors { path message } }
    ... on NotFoundError { path id typename }
    ... on RecordFlowSuccess {
      flow { id year amount { value qualifier low high formatted } source { name } target { name }
        citations { quote start end } history { action author reason after } }
    }
  }
}`;

interface Result {
  recordFlow: {
    __typename: string;
    message?: string;
    fieldErrors?: { path: string[]; message: string }[];
    path?: string[];
    flow?: {
      id: string;
      amount: { value: string; qualifier: string; low: string | null; high: string | null };
      citations: { quote: string; start: number; end: number }[];
      history: { action: string; author: string; reason: string | null; after: unknown }[];
    };
  } | null;
}

let actorA = '';
let actorB = '';
let documentId = '';
let programId = '';
let base: Record<string, unknown> = {};

beforeAll(async () => {
  const { data } = await anonymous<{
    actors: { edges: { node: { id: string } }[] };
    documents: { id: string }[];
    programs: { id: string }[];
  }>('{ actors(first: 2) { edges { node { id } } } documents { id } programs { id } }');
  [actorA = '', actorB = ''] = data?.actors.edges.map((e) => e.node.id) ?? [];
  documentId = data?.documents[0]?.id ?? '';
  programId = data?.programs[0]?.id ?? '';
  base = {
    sourceId: actorA,
    targetId: actorB,
    amount: { value: '1200000.5' },
    year: 2018,
    status: 'DISBURSED',
    instrument: 'GRANT',
  };
});

/** Runs `write` and asserts that no table changed (row counts and a digest of every row). */
async function unchanged<T>(write: () => Promise<T>): Promise<T> {
  const before = await fingerprint(ctx.db);
  const result = await write();
  expect(await fingerprint(ctx.db)).toEqual(before);
  return result;
}

describe('recordFlow', () => {
  it('records a flow with citations, visible to reads at once, with its first revision', async () => {
    const result = await gql<Result>(RECORD, {
      input: {
        ...base,
        key: 'test-flow-1',
        programId,
        amount: { value: '150', qualifier: 'APPROXIMATE', low: '140', high: '160' },
        citations: [{ documentId, start: 0, end: 4 }],
        reason: 'from the 2018 county report',
      },
    });
    expect(result.errors).toBeUndefined();
    const flow = result.data?.recordFlow?.flow;
    expect(flow?.amount).toEqual({
      value: '150',
      qualifier: 'APPROXIMATE',
      low: '140',
      high: '160',
      formatted: '约150元',
    });
    expect(flow?.citations[0]).toMatchObject({ start: 0, end: 4 });
    expect(flow?.history).toHaveLength(1);
    expect(flow?.history[0]).toMatchObject({
      action: 'CREATE',
      author: 'admin',
      reason: 'from the 2018 county report',
    });
    expect(flow?.history[0]?.after).toMatchObject({
      key: 'test-flow-1',
      amount: { value: '150', low: '140' },
    });

    const read = await anonymous<{ flows: { totalCount: number } }>(
      'query($f: FlowFilter) { flows(filter: $f) { totalCount } }',
      { f: { sourceId: actorA, targetId: actorB, year: 2018 } },
    );
    expect(read.data?.flows.totalCount).toBeGreaterThanOrEqual(1);
  });

  it('refuses writes without a token, with an unknown token, and with a revoked one', async () => {
    const { secret, id } = await createToken(ctx.db, { scopes: ['write'], label: 'analyst' });
    await revokeToken(ctx.db, id);
    const cases: [string | null, string][] = [
      [null, 'Writes need a bearer token'],
      ['ft_not-a-real-token', 'unknown token'],
      [secret, 'revoked'],
    ];
    for (const [token, message] of cases) {
      const result = await unchanged(() => gql<Result>(RECORD, { input: base }, token));
      expect(result.data?.recordFlow).toBeNull();
      expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(result.errors?.[0]?.message).toContain(message);
    }
    // Invalid input from a caller who may not write: told about the token, not the input.
    const invalid = await gql<Result>(RECORD, { input: { ...base, year: 1800 } }, null);
    expect(invalid.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // Reads stay public, even with a bad token.
    const read = await gql('{ programs { name } }', {}, 'ft_not-a-real-token');
    expect(read.errors).toBeUndefined();
  });

  it('accepts a token with the write scope and records its label as the author', async () => {
    const { secret } = await createToken(ctx.db, { scopes: ['write'], label: 'county-desk' });
    const result = await gql<Result>(RECORD, { input: { ...base, year: 2019 } }, secret);
    expect(result.data?.recordFlow?.flow?.history[0]?.author).toBe('county-desk');
  });

  describe('bad input changes nothing', () => {
    const badAmounts = ['-5', 'abc', '1e5', '12345678901234567890123', '1.23456', ' 5', 'NaN', ''];
    for (const value of badAmounts) {
      it(`amount ${JSON.stringify(value)}: refused before execution (BAD_USER_INPUT)`, async () => {
        const result = await unchanged(() =>
          gql<Result>(RECORD, { input: { ...base, amount: { value } } }),
        );
        expect(result.status).toBe(400);
        expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
        expect(result.errors?.[0]?.message).toContain('input.amount.value');
      });
    }

    const validation: [string, Record<string, unknown>, string[], string][] = [
      ['source = target', { targetId: 'SAME' }, ['input', 'targetId'], 'must differ'],
      ['year 1948', { year: 1948 }, ['input', 'year'], '1949'],
      ['year 2101', { year: 2101 }, ['input', 'year'], '2100'],
      [
        'EXACT with bounds',
        { amount: { value: '5', low: '1' } },
        ['input', 'amount', 'low'],
        'EXACT',
      ],
      [
        'AT_LEAST with a high bound',
        { amount: { value: '5', qualifier: 'AT_LEAST', high: '9' } },
        ['input', 'amount', 'high'],
        'upper bound',
      ],
      [
        'APPROXIMATE with low above value',
        { amount: { value: '5', qualifier: 'APPROXIMATE', low: '6' } },
        ['input', 'amount', 'low'],
        'exceeds',
      ],
      ['HTML in a note', { note: '<img src=x onerror=alert(1)>' }, ['input', 'note'], 'markup'],
      ['SQL in a key', { key: "x'); drop table flows; --" }, ['input', 'key'], 'letters'],
      ['an overlong note', { note: 'x'.repeat(2001) }, ['input', 'note'], '2000'],
      ['a malformed id', { sourceId: 'not-an-id' }, ['input', 'sourceId'], 'Actor id'],
      [
        'a citation ending before it starts',
        { citations: [{ documentId: 'DOC', start: 5, end: 5 }] },
        ['input', 'citations', '0', 'end'],
        'exceed',
      ],
    ];
    for (const [name, patch, path, message] of validation) {
      it(`${name}: ValidationError at ${path.join('.')}`, async () => {
        const input = { ...base, ...patch };
        if (input.targetId === 'SAME') input.targetId = actorA;
        for (const c of (input.citations as { documentId: string }[] | undefined) ?? []) {
          c.documentId = documentId;
        }
        const result = await unchanged(() => gql<Result>(RECORD, { input }));
        expect(result.errors).toBeUndefined();
        const r = result.data?.recordFlow;
        expect(r?.__typename).toBe('ValidationError');
        expect(r?.fieldErrors?.map((e) => e.path)).toContainEqual(path);
        expect(r?.fieldErrors?.find((e) => e.path.join() === path.join())?.message).toContain(
          message,
        );
      });
    }

    it('unknown ids: NotFoundError with the path', async () => {
      const ghost = Buffer.from('Actor:999999').toString('base64');
      const result = await unchanged(() =>
        gql<Result>(RECORD, { input: { ...base, targetId: ghost } }),
      );
      expect(result.data?.recordFlow).toMatchObject({
        __typename: 'NotFoundError',
        path: ['input', 'targetId'],
      });
      const noProgram = Buffer.from('Program:999999').toString('base64');
      const second = await unchanged(() =>
        gql<Result>(RECORD, { input: { ...base, programId: noProgram } }),
      );
      expect(second.data?.recordFlow).toMatchObject({
        __typename: 'NotFoundError',
        path: ['input', 'programId'],
      });
    });

    it('a citation past the end of the document: ValidationError, and nothing of the flow stays', async () => {
      const result = await unchanged(() =>
        gql<Result>(RECORD, {
          input: { ...base, citations: [{ documentId, start: 0, end: 10_000_000 }] },
        }),
      );
      expect(result.data?.recordFlow?.__typename).toBe('ValidationError');
    });

    it('a key in use: ConflictError', async () => {
      const result = await unchanged(() =>
        gql<Result>(RECORD, { input: { ...base, key: 'test-flow-1' } }),
      );
      expect(result.data?.recordFlow).toMatchObject({ __typename: 'ConflictError' });
    });

    it('NUL in text: refused before execution', async () => {
      const result = await unchanged(() =>
        gql<Result>(RECORD, { input: { ...base, note: 'a\u0000b' } }),
      );
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });
  });
});

const UPDATE = `mutation($input: UpdateFlowInput!) { updateFlow(input: $input) {
  __typename ... on Error { message } ... on ValidationError { fieldErrors { path message } }
  ... on UpdateFlowSuccess { flow { id amount { value } status history { action before after changedFields reason } } } } }`;
const RETRACT = `mutation($input: RetractInput!) { retractFlow(input: $input) {
  __typename ... on Error { message } ... on RetractFlowSuccess { retracted { id key } } } }`;

describe('updateFlow and retractFlow', () => {
  let id = '';
  beforeAll(async () => {
    const created = await gql<Result>(RECORD, {
      input: { ...base, key: 'test-flow-2', year: 2017 },
    });
    id = created.data?.recordFlow?.flow?.id ?? '';
  });

  it('updates the given fields and records before and after', async () => {
    const result = await gql<{
      updateFlow: {
        flow: {
          amount: { value: string };
          status: string;
          history: {
            action: string;
            changedFields: string[];
            before: { amount: { value: string } };
          }[];
        };
      };
    }>(UPDATE, { input: { id, amount: { value: '1300000' }, status: 'SPENT', reason: 'audit' } });
    const flow = result.data?.updateFlow.flow;
    expect(flow).toMatchObject({ amount: { value: '1300000' }, status: 'SPENT' });
    expect(flow?.history.map((h) => h.action)).toEqual(['CREATE', 'UPDATE']);
    expect(flow?.history[1]?.changedFields).toEqual(['amount', 'status']);
    expect(flow?.history[1]?.before.amount.value).toBe('1200000.5');
  });

  it('an update that changes nothing writes no revision', async () => {
    const result = await unchanged(() => gql(UPDATE, { input: { id, status: 'SPENT' } }));
    expect(result.errors).toBeUndefined();
  });

  it('an update making source = target is refused', async () => {
    const result = await unchanged(() =>
      gql<{ updateFlow: { __typename: string } }>(UPDATE, { input: { id, targetId: actorA } }),
    );
    expect(result.data?.updateFlow.__typename).toBe('ValidationError');
  });

  it('refuses to retract a flow that another flow passes on', async () => {
    const child = await gql<Result>(RECORD, {
      input: { ...base, key: 'test-flow-child', parentId: id },
    });
    expect(child.data?.recordFlow?.__typename).toBe('RecordFlowSuccess');
    const refused = await unchanged(() =>
      gql<{ retractFlow: { __typename: string; message: string } }>(RETRACT, { input: { id } }),
    );
    expect(refused.data?.retractFlow).toMatchObject({ __typename: 'ConflictError' });
    expect(refused.data?.retractFlow.message).toContain('1 child flows');
    const childId = child.data?.recordFlow?.flow?.id;
    await gql(RETRACT, { input: { id: childId, reason: 'duplicate' } });
  });

  it('retracts: the flow leaves every read, its history stays', async () => {
    const totalsBefore = await anonymous<{ totals: { flowCount: number }[] }>(
      '{ totals(groupBy: []) { flowCount } }',
    );
    const result = await gql<{
      retractFlow: { __typename: string; retracted: { id: string; key: string } };
    }>(RETRACT, { input: { id, reason: 'double-counted' } });
    expect(result.data?.retractFlow).toMatchObject({ retracted: { id, key: 'test-flow-2' } });
    const node = await anonymous<{ node: unknown }>('query($id: ID!) { node(id: $id) { id } }', {
      id,
    });
    expect(node.data?.node).toBeNull();
    const totalsAfter = await anonymous<{ totals: { flowCount: number }[] }>(
      '{ totals(groupBy: []) { flowCount } }',
    );
    expect(totalsAfter.data?.totals[0]?.flowCount).toBe(
      (totalsBefore.data?.totals[0]?.flowCount ?? 0) - 1,
    );
    const history = await anonymous<{
      history: { action: string; reason: string | null; before: { key: string } | null }[];
    }>('query($id: ID!) { history(id: $id) { action reason before } }', { id });
    expect(history.data?.history.map((h) => h.action)).toEqual(['CREATE', 'UPDATE', 'RETRACT']);
    expect(history.data?.history[2]).toMatchObject({
      reason: 'double-counted',
      before: { key: 'test-flow-2' },
    });
    // Retracting again: the id names no record.
    const again = await unchanged(() =>
      gql<{ retractFlow: { __typename: string } }>(RETRACT, { input: { id } }),
    );
    expect(again.data?.retractFlow.__typename).toBe('NotFoundError');
    // Its key stays reserved.
    const reuse = await unchanged(() =>
      gql<Result>(RECORD, { input: { ...base, key: 'test-flow-2' } }),
    );
    expect(reuse.data?.recordFlow?.__typename).toBe('ConflictError');
  });
});

describe.skipIf(!process.env.DATABASE_URL)('flowRecorded across servers (PostgreSQL)', () => {
  it('a subscriber on one server hears a flow recorded through another', async () => {
    const { rows } = await sql<{ s: string }>`select current_schema() as s`.execute(ctx.db);
    const url = new URL(process.env.DATABASE_URL as string);
    url.searchParams.set('options', `-c search_path=${rows[0]?.s}`);
    const events = createEvents(url.toString());
    const other = createEvents(url.toString());
    try {
      const listening = writeClient(ctx.db, { events });
      const recording = writeClient(ctx.db, { events: other });
      const event = await firstFlowEvent(
        listening,
        () =>
          recording<Result>(RECORD, { input: { ...base, key: 'test-flow-replica', year: 2015 } }),
        'test-flow-replica',
      );
      expect(event).toEqual({ data: { flowRecorded: { key: 'test-flow-replica', year: 2015 } } });
    } finally {
      await events.close();
      await other.close();
    }
  });
});

describe('flowRecorded', () => {
  it('streams each recorded flow over SSE', async () => {
    let recorded: Result | null | undefined;
    const event = await firstFlowEvent(
      gql,
      async () => {
        recorded = (
          await gql<Result>(RECORD, {
            input: { ...base, key: 'test-flow-live', year: 2016 },
          })
        ).data;
      },
      'test-flow-live',
    );
    expect(recorded?.recordFlow?.__typename).toBe('RecordFlowSuccess');
    expect(event).toEqual({ data: { flowRecorded: { key: 'test-flow-live', year: 2016 } } });
  });
});
