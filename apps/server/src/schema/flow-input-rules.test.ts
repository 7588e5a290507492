import { afterAll, describe, expect, it } from 'vitest';
import { flowHarness, RECORD, type Result } from '../test/flow-harness.js';

const { ctx, gql, actorA, documentId, base, unchanged } = await flowHarness();
afterAll(() => ctx.close());

describe('recordFlow: input the rules refuse changes nothing', () => {
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
});
