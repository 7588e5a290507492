import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createToken, revokeToken } from '../auth/tokens.js';
import { createEvents } from '../mutations/events.js';
import { flowHarness, RECORD, type Result } from '../test/flow-harness.js';
import { firstFlowEvent, writeClient } from '../test/write-client.js';

const { ctx, gql, anonymous, actorA, actorB, documentId, programId, base, unchanged } =
  await flowHarness();
afterAll(() => ctx.close());

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
    const read = await gql('{ programs { edges { node { name } } } }', {}, 'ft_not-a-real-token');
    expect(read.errors).toBeUndefined();
  });

  it('accepts a token with the write scope and records its label as the author', async () => {
    const { secret } = await createToken(ctx.db, { scopes: ['write'], label: 'county-desk' });
    const result = await gql<Result>(RECORD, { input: { ...base, year: 2019 } }, secret);
    expect(result.data?.recordFlow?.flow?.history[0]?.author).toBe('county-desk');
  });
});

describe('recordFlow: refused input changes nothing', () => {
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
