import { afterAll, describe, expect, it } from 'vitest';
import { flowHarness } from '../test/flow-harness.js';

const { ctx, gql, anonymous, actorA, actorB, documentId, programId, unchanged } =
  await flowHarness();
afterAll(() => ctx.close());

const RECORD = `mutation($input: RecordPairingInput!) { recordPairing(input: $input) {
  __typename ... on Error { message }
  ... on ValidationError { fieldErrors { path message } }
  ... on RecordPairingSuccess { pairing { id kind year coverage note helper { id }
    recipient { id } program { id } citations { start end gloss } history { action author } } } } }`;
const RETRACT = `mutation($input: RetractInput!) { retractPairing(input: $input) {
  __typename ... on Error { message } } }`;

type Result = {
  __typename: string;
  message?: string;
  fieldErrors?: { path: string[]; message: string }[];
  pairing?: Record<string, unknown> & { id: string };
};
const record = async (input: Record<string, unknown>, client = gql) =>
  (await client<{ recordPairing: Result }>(RECORD, { input })).data?.recordPairing;
const pairings = async () =>
  (
    await anonymous<{ node: { pairings: { id: string }[] } }>(
      'query($id: ID!) { node(id: $id) { ... on Actor { pairings { id } } } }',
      { id: actorA },
    )
  ).data?.node.pairings.map((p) => p.id) ?? [];

const valid = {
  helperId: actorA,
  recipientId: actorB,
  kind: 'PAIRED_ASSISTANCE',
  programId,
  year: 2017,
  coverage: 2,
  note: 'Two counties of the league.',
  citations: [{ documentId, start: 0, end: 4, gloss: ' The opening words. ' }],
};

describe('recordPairing / retractPairing', () => {
  it('records a pairing with its citation and history, and retracts it', async () => {
    const before = await pairings();
    const recorded = await record(valid);
    expect(recorded?.__typename).toBe('RecordPairingSuccess');
    const p = recorded?.pairing;
    expect(p).toMatchObject({
      kind: 'PAIRED_ASSISTANCE',
      year: 2017,
      coverage: 2,
      helper: { id: actorA },
      recipient: { id: actorB },
      program: { id: programId },
      citations: [{ start: 0, end: 4, gloss: 'The opening words.' }],
      history: [{ action: 'CREATE' }],
    });
    expect(await pairings()).toEqual([...before, p?.id]);

    const retracted = await gql<{ retractPairing: { __typename: string } }>(RETRACT, {
      input: { id: p?.id, reason: 'recorded by mistake' },
    });
    expect(retracted.data?.retractPairing.__typename).toBe('RetractPairingSuccess');
    expect(await pairings()).toEqual(before);
    const history = await anonymous<{ history: { action: string; reason: string | null }[] }>(
      'query($id: ID!) { history(id: $id) { action reason } }',
      { id: p?.id },
    );
    expect(history.data?.history.map((h) => h.action)).toEqual(['CREATE', 'RETRACT']);
  });

  it.each([
    ['the same actor twice', { recipientId: actorA }, 'ValidationError'],
    ['an unknown kind', { kind: 'FRIENDSHIP' }, 'ValidationError'],
    ['a coverage of 0', { coverage: 0 }, 'ValidationError'],
    ['a year out of range', { year: 1800 }, 'ValidationError'],
    ['markup in the note', { note: '<b>x</b>' }, 'ValidationError'],
    ['markup in a gloss', { citations: [{ documentId, start: 0, end: 4, gloss: '<i>' }] }, ''],
    ['a missing actor', { recipientId: 'QWN0b3I6OTk5OTk5' }, 'NotFoundError'],
    ['a citation outside the text', { citations: [{ documentId, start: 0, end: 9e8 }] }, ''],
  ])('refuses %s with a typed error and writes nothing', async (_, change, typename) => {
    const result = await unchanged(() => record({ ...valid, ...change }));
    expect(result?.__typename).not.toBe('RecordPairingSuccess');
    if (typename) expect(result?.__typename).toBe(typename);
    expect(result?.message).toBeTruthy();
  });

  it('refuses a reader without a token and writes nothing', async () => {
    const result = await unchanged(() =>
      anonymous<{ recordPairing: Result | null }>(RECORD, { input: valid }),
    );
    expect(result.data?.recordPairing ?? null).toBeNull();
    expect(result.errors?.[0]?.message).toBeTruthy();
  });
});
