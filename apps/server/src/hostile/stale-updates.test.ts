import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLOW_COLUMNS } from '../imports/csv-flows.js';
import { flowHarness, RECORD, type Result } from '../test/flow-harness.js';

// Hostile input (a careless curator): an update based on a stale read. Two editors read a
// record at one revision; the first one's change stands, the second one's is refused with a
// ConflictError naming the revision the record is at, and nothing of it is written or lost.
const { ctx, gql, anonymous, actorA, actorB, base, unchanged } = await flowHarness();
afterAll(() => ctx.close());

interface Answer {
  __typename: string;
  message?: string;
  path?: string[];
  currentRevision?: string | null;
  fieldErrors?: { path: string[] }[];
}
type Updated = Record<string, Answer & Record<string, { revision: string } | undefined>>;

/** updateFlow, updateObservation and updateActor: each with what it changes. */
const WRITES = {
  Flow: { field: 'flow', change: (n: number) => ({ amount: { value: `${1000 + n}` } }) },
  Observation: { field: 'observation', change: (n: number) => ({ value: `${10 + n}` }) },
  Actor: { field: 'actor', change: (n: number) => ({ note: `note ${n}` }) },
} as const;
type Type = keyof typeof WRITES;

const update = (type: Type, input: Record<string, unknown>) =>
  gql<Updated>(
    `mutation($input: Update${type}Input!) { update${type}(input: $input) { __typename
      ... on Error { message } ... on ValidationError { fieldErrors { path } }
      ... on ConflictError { path currentRevision }
      ... on Update${type}Success { ${WRITES[type].field} { revision } } } }`,
    { input },
  );

const revisionOf = async (id: string) => {
  const { data } = await anonymous<{ node: { revision: string } | null }>(
    'query($id: ID!) { node(id: $id) { ... on Flow { revision } ... on Observation { revision } ... on Actor { revision } } }',
    { id },
  );
  return data?.node?.revision ?? '';
};

const ids = {} as Record<Type, string>;
beforeAll(async () => {
  const flow = await gql<Result>(RECORD, { input: { ...base, key: 'stale-flow' } });
  ids.Flow = flow.data?.recordFlow?.flow?.id ?? '';
  const observation = await gql<{ recordObservation: { observation: { id: string } } }>(
    `mutation($input: RecordObservationInput!) { recordObservation(input: $input) {
      ... on RecordObservationSuccess { observation { id } } } }`,
    {
      input: {
        metric: (await ctx.db.selectFrom('metrics').select('key').executeTakeFirstOrThrow()).key,
        value: '10',
        unit: 'PERSON',
        year: 2016,
        kind: 'ACTUAL',
        regionCode: '150400',
      },
    },
  );
  ids.Observation = observation.data?.recordObservation.observation.id ?? '';
  ids.Actor = actorB;
});

describe('updates based on a stale revision', () => {
  it('the records were written (the test has something to update)', () => {
    expect(Object.values(ids).every(Boolean), JSON.stringify(ids)).toBe(true);
  });

  for (const type of Object.keys(WRITES) as Type[]) {
    it(`update${type}: the second of two editors of one revision gets a ConflictError, the first one's change stays`, async () => {
      const read = await revisionOf(ids[type]);
      expect(read).toMatch(/^(0|[1-9][0-9]*)$/);
      const first = await update(type, {
        id: ids[type],
        expectedRevision: read,
        ...WRITES[type].change(1),
      });
      const at = first.data?.[`update${type}`]?.[WRITES[type].field]?.revision;
      expect(
        first.data?.[`update${type}`]?.__typename,
        first.data?.[`update${type}`]?.message,
      ).toBe(`Update${type}Success`);
      expect(at).not.toBe(read);
      expect(await revisionOf(ids[type])).toBe(at);
      // The second editor read the same revision: refused, and nothing of it is written.
      const second = await unchanged(() =>
        update(type, { id: ids[type], expectedRevision: read, ...WRITES[type].change(2) }),
      );
      expect(second.data?.[`update${type}`]).toMatchObject({
        __typename: 'ConflictError',
        path: ['input', 'expectedRevision'],
        currentRevision: at,
      });
      expect(second.data?.[`update${type}`]?.message).toMatch(/changed since revision/);
      // Based on the revision it is at, the second editor's change goes through.
      const again = await update(type, {
        id: ids[type],
        expectedRevision: at,
        ...WRITES[type].change(2),
      });
      expect(again.data?.[`update${type}`]?.__typename).toBe(`Update${type}Success`);
    });
  }

  it('a seeded record with no revision is at "0", and an edit of "0" is refused once it changed', async () => {
    expect(await revisionOf(actorA)).toBe('0');
    const first = await update('Actor', { id: actorA, expectedRevision: '0', note: 'checked' });
    expect(first.data?.updateActor?.__typename).toBe('UpdateActorSuccess');
    const stale = await unchanged(() =>
      update('Actor', { id: actorA, expectedRevision: '0', note: 'overwritten' }),
    );
    expect(stale.data?.updateActor?.__typename).toBe('ConflictError');
  });
});

describe('stale updates: imports, concurrency, spelling', () => {
  it('a change an import made is not overwritten by an edit based on an older revision', async () => {
    const read = await revisionOf(ids.Flow);
    const { data } = await anonymous<{ a: { key: string }; b: { key: string } }>(
      'query($a: ID!, $b: ID!) { a: node(id: $a) { ... on Actor { key } } b: node(id: $b) { ... on Actor { key } } }',
      { a: actorA, b: actorB },
    );
    const row: Record<string, string> = {
      external_id: 'stale-flow',
      source_key: data?.a.key ?? '',
      target_key: data?.b.key ?? '',
      amount: '777',
      year: '2018',
      status: 'DISBURSED',
      instrument: 'GRANT',
    };
    const csv = `${FLOW_COLUMNS.join(',')}\n${FLOW_COLUMNS.map((c) => row[c] ?? '').join(',')}\n`;
    const imported = await gql<{ importDataset: { __typename: string } }>(
      'mutation($input: ImportInput!) { importDataset(input: $input) { __typename } }',
      { input: { format: 'CSV', data: csv } },
    );
    expect(imported.data?.importDataset.__typename).toBe('ImportDatasetSuccess');
    const stale = await unchanged(() =>
      update('Flow', { id: ids.Flow, expectedRevision: read, amount: { value: '1' } }),
    );
    expect(stale.data?.updateFlow).toMatchObject({
      __typename: 'ConflictError',
      currentRevision: await revisionOf(ids.Flow),
    });
    const { data: after } = await anonymous<{ node: { amount: { value: string } } }>(
      'query($id: ID!) { node(id: $id) { ... on Flow { amount { value } } } }',
      { id: ids.Flow },
    );
    expect(after?.node.amount.value).toBe('777');
  });

  it('two concurrent edits of one revision: exactly one is written', async () => {
    const read = await revisionOf(ids.Observation);
    const answers = await Promise.all(
      [3, 4].map((n) =>
        update('Observation', {
          id: ids.Observation,
          expectedRevision: read,
          ...WRITES.Observation.change(n),
        }),
      ),
    );
    const kinds = answers.map((a) => a.data?.updateObservation?.__typename).sort();
    expect(kinds).toEqual(['ConflictError', 'UpdateObservationSuccess']);
    const { data } = await anonymous<{ node: { history: { action: string }[] } }>(
      'query($id: ID!) { node(id: $id) { ... on Observation { history { action } } } }',
      { id: ids.Observation },
    );
    // CREATE, two updates of the per-type test, and one of the two concurrent edits.
    expect(data?.node.history.map((h) => h.action)).toEqual([
      'CREATE',
      'UPDATE',
      'UPDATE',
      'UPDATE',
    ]);
  });

  it('a revision spelled otherwise than the server writes it is refused as input', async () => {
    const read = await revisionOf(ids.Flow);
    for (const spelling of [`0${read}`, `${read}.0`, 'x']) {
      const answer = await unchanged(() =>
        update('Flow', { id: ids.Flow, expectedRevision: spelling, note: 'n' }),
      );
      expect(answer.data?.updateFlow?.__typename).toBe('ValidationError');
      expect(answer.data?.updateFlow?.fieldErrors?.[0]?.path).toEqual([
        'input',
        'expectedRevision',
      ]);
    }
  });

  it('an update without expectedRevision is not checked (clients that do not send it)', async () => {
    const answer = await update('Flow', { id: ids.Flow, note: 'unchecked' });
    expect(answer.data?.updateFlow?.__typename).toBe('UpdateFlowSuccess');
  });
});
