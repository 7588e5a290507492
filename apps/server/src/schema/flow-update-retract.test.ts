import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flowHarness, RECORD, type Result } from '../test/flow-harness.js';

const { ctx, gql, anonymous, actorA, base, unchanged } = await flowHarness();
afterAll(() => ctx.close());

const UPDATE = `mutation($input: UpdateFlowInput!) { updateFlow(input: $input) {
  __typename ... on Error { message } ... on ValidationError { fieldErrors { path message } }
  ... on UpdateFlowSuccess { flow { id amount { value } status history { action before after changedFields reason } } } } }`;
const RETRACT = `mutation($input: RetractInput!) { retractFlow(input: $input) {
  __typename ... on Error { message } ... on RetractFlowSuccess { retracted { id key } } } }`;

let id = '';
beforeAll(async () => {
  const created = await gql<Result>(RECORD, {
    input: { ...base, key: 'test-flow-2', year: 2017 },
  });
  id = created.data?.recordFlow?.flow?.id ?? '';
});

describe('updateFlow', () => {
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
});

describe('retractFlow', () => {
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
