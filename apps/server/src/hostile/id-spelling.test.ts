import { afterAll, describe, expect, it } from 'vitest';
import { flowHarness, RECORD, type Result } from '../test/flow-harness.js';

// Hostile input: a write naming a record by another spelling of its id ("Actor:0x10",
// "Actor:010", "Actor:1e1"). One spelling is accepted, the one the server writes; any other
// is a ValidationError at the field, and nothing is written.
const { ctx, gql, actorA, base, unchanged } = await flowHarness();
afterAll(() => ctx.close());

const spell = (raw: string) => Buffer.from(raw, 'utf8').toString('base64');

describe('ids in writes', () => {
  it('the canonical spelling names the record (the test can fail)', async () => {
    const id = Buffer.from(actorA, 'base64').toString('utf8');
    expect(id).toMatch(/^Actor:[1-9][0-9]*$/);
    const answer = await gql<Result>(RECORD, {
      input: { ...base, sourceId: spell(id), key: 'spelling-ok' },
    });
    expect(answer.data?.recordFlow?.__typename).toBe('RecordFlowSuccess');
  });

  it('other spellings of the same id are refused at input.sourceId', async () => {
    const n = Number(Buffer.from(actorA, 'base64').toString('utf8').split(':')[1]);
    const spellings = [`0x${n.toString(16)}`, `0${n}`, `+${n}`, `${n}.0`, ` ${n}`];
    for (const [i, value] of spellings.entries()) {
      const answer = await unchanged(() =>
        gql<Result>(RECORD, {
          input: { ...base, sourceId: spell(`Actor:${value}`), key: `spelling-${i}` },
        }),
      );
      expect(answer.data?.recordFlow?.__typename, value).toBe('ValidationError');
      expect(answer.data?.recordFlow?.fieldErrors?.[0]?.path).toEqual(['input', 'sourceId']);
    }
  });
});
