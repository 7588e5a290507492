import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../test/test-db.js';
import { expectUnchanged } from '../test/unchanged.js';
import { writeClient } from '../test/write-client.js';

const queries: string[] = [];
const ctx = await createTestDb({ onQuery: (q) => queries.push(q) });
const gql = writeClient(ctx.db);
afterAll(() => ctx.close());

const unchanged = <T>(write: () => Promise<T>) => expectUnchanged(ctx.db, write);

const CREATE_ACTOR = `mutation($input: CreateActorInput!) { createActor(input: $input) {
  __typename ... on Error { message } ... on ValidationError { fieldErrors { path message } }
  ... on NotFoundError { path id typename }
  ... on CreateActorSuccess { actor { id key name nameEn kind region { code } memberCount aliases
    history { action author } } } } }`;

type Typed = {
  __typename: string;
  message?: string;
  fieldErrors?: { path: string[]; message: string }[];
};

let documentId = '';
let seedActor = '';
beforeAll(async () => {
  const { data } = await gql<{
    documents: { edges: { node: { id: string } }[] };
    actors: { edges: { node: { id: string } }[] };
  }>(
    '{ documents(first: 1) { edges { node { id } } } actors(first: 1) { edges { node { id } } } }',
  );
  documentId = data?.documents.edges[0]?.node.id ?? '';
  seedActor = data?.actors.edges[0]?.node.id ?? '';
});

let id = '';

describe('actors', () => {
  it('createActor: a group with members, in a known region', async () => {
    const result = await gql<{
      createActor: Typed & { actor: { id: string; history: { action: string }[] } };
    }>(CREATE_ACTOR, {
      input: {
        key: 'test-villages',
        name: '赤峰市贫困嘎查村（测试）',
        nameEn: "Chifeng's poor villages (test)",
        kind: 'VILLAGE',
        regionCode: '150400',
        memberCount: 120,
        aliases: ['赤峰贫困村'],
        citations: [{ documentId, start: 10, end: 14 }],
      },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.createActor).toMatchObject({
      __typename: 'CreateActorSuccess',
      actor: {
        key: 'test-villages',
        region: { code: '150400' },
        memberCount: 120,
        history: [{ action: 'CREATE', author: 'admin' }],
      },
    });
    id = result.data?.createActor.actor.id ?? '';
  });

  const bad: [string, Record<string, unknown>, string][] = [
    ['an HTML name', { name: '<b>县</b>' }, 'name'],
    ['SQL in a name', { name: "县'); drop table actors; --" }, 'name'],
    ['an empty name', { name: '   ' }, 'name'],
    ['an overlong name', { name: '县'.repeat(201) }, 'name'],
    ['a member count of 0', { memberCount: 0 }, 'memberCount'],
    ['a malformed region code', { regionCode: '15' }, 'regionCode'],
  ];
  for (const [name, patch, field] of bad) {
    it(`createActor refuses ${name}`, async () => {
      const result = await unchanged(() =>
        gql<{ createActor: Typed }>(CREATE_ACTOR, {
          input: { name: '某县', kind: 'GOVERNMENT', ...patch },
        }),
      );
      expect(result.data?.createActor.__typename).toBe('ValidationError');
      expect(result.data?.createActor.fieldErrors?.[0]?.path).toEqual(['input', field]);
    });
  }

  it('createActor: an unknown region is NotFoundError', async () => {
    const result = await unchanged(() =>
      gql<{ createActor: Typed & { path: string[] } }>(CREATE_ACTOR, {
        input: { name: '某县', kind: 'GOVERNMENT', regionCode: '999999' },
      }),
    );
    expect(result.data?.createActor).toMatchObject({
      __typename: 'NotFoundError',
      path: ['input', 'regionCode'],
    });
  });
});

describe('actors: updates and retraction', () => {
  it('updateActor changes what is given and records a revision', async () => {
    const result = await gql<{
      updateActor: {
        actor: {
          memberCount: number;
          nameEn: string | null;
          history: { action: string; changedFields: string[] }[];
        };
      };
    }>(
      `mutation($input: UpdateActorInput!) { updateActor(input: $input) { ... on UpdateActorSuccess {
        actor { memberCount nameEn history { action changedFields } } } ... on Error { message } } }`,
      { input: { id, memberCount: 121, nameEn: null, reason: 'recount' } },
    );
    expect(result.data?.updateActor.actor).toMatchObject({
      memberCount: 121,
      nameEn: null,
      history: [
        { action: 'CREATE' },
        { action: 'UPDATE', changedFields: ['memberCount', 'nameEn'] },
      ],
    });
  });

  it('retractActor refuses an actor that flows or a group refer to, and retracts one that nothing refers to', async () => {
    const RETRACT = `mutation($id: ID!) { retractActor(input: { id: $id }) { __typename ... on Error { message } } }`;
    const refused = await unchanged(() => gql<{ retractActor: Typed }>(RETRACT, { id: seedActor }));
    expect(refused.data?.retractActor).toMatchObject({ __typename: 'ConflictError' });
    expect(refused.data?.retractActor.message).toContain('flows');
    // A group membership is a reference too (memberships change only with their actors' history).
    const own = await ctx.db
      .selectFrom('actors')
      .select('id')
      .where('name', '=', '赤峰市贫困嘎查村（测试）')
      .executeTakeFirstOrThrow();
    const group = await ctx.db
      .selectFrom('actor_members')
      .select('group_id')
      .executeTakeFirstOrThrow();
    await ctx.db
      .insertInto('actor_members')
      .values({ group_id: group.group_id, member_id: own.id })
      .execute();
    const member = await unchanged(() => gql<{ retractActor: Typed }>(RETRACT, { id }));
    expect(member.data?.retractActor.message).toContain('1 group memberships');
    await ctx.db.deleteFrom('actor_members').where('member_id', '=', own.id).execute();
    const done = await gql<{ retractActor: Typed }>(RETRACT, { id });
    expect(done.data?.retractActor.__typename).toBe('RetractActorSuccess');
    const read = await gql<{ search: { name: string }[] }>(`{ search(text: "测试") { name } }`);
    expect(read.data?.search.map((h) => h.name)).not.toContain('赤峰市贫困嘎查村（测试）');
  });
});

describe('observations', () => {
  const RECORD = `mutation($input: RecordObservationInput!) { recordObservation(input: $input) {
    __typename ... on Error { message } ... on ValidationError { fieldErrors { path message } }
    ... on RecordObservationSuccess { observation { id value qualifier low high unit year kind region { code } history { action } } } } }`;
  let metric = '';
  beforeAll(async () => {
    metric = (await ctx.db.selectFrom('metrics').select('key').executeTakeFirstOrThrow()).key;
  });

  it('records an observation of a region, approximate with bounds', async () => {
    const result = await gql<{ recordObservation: Typed & { observation: { id: string } } }>(
      RECORD,
      {
        input: {
          metric,
          value: '1200',
          qualifier: 'APPROXIMATE',
          low: '1100',
          high: '1300',
          unit: 'PERSON',
          year: 2018,
          kind: 'ACTUAL',
          regionCode: '150400',
        },
      },
    );
    expect(result.data?.recordObservation).toMatchObject({
      __typename: 'RecordObservationSuccess',
      observation: {
        value: '1200',
        low: '1100',
        high: '1300',
        region: { code: '150400' },
        history: [{ action: 'CREATE' }],
      },
    });
    const id = result.data?.recordObservation.observation.id;
    const updated = await gql<{ updateObservation: Typed }>(
      `mutation($input: UpdateObservationInput!) { updateObservation(input: $input) { __typename ... on ValidationError { fieldErrors { path } } } }`,
      { input: { id, qualifier: 'EXACT' } },
    );
    // Making it EXACT while it keeps bounds contradicts the qualifier.
    expect(updated.data?.updateObservation.__typename).toBe('ValidationError');
    const retracted = await gql<{ retractObservation: Typed }>(
      `mutation($id: ID!) { retractObservation(input: { id: $id, reason: "wrong year" }) { __typename } }`,
      { id },
    );
    expect(retracted.data?.retractObservation.__typename).toBe('RetractObservationSuccess');
  });

  it('refuses an observation of nothing, an unknown metric, a year out of range', async () => {
    const base = { metric, value: '1', unit: 'PERSON', year: 2018, kind: 'ACTUAL' };
    const none = await unchanged(() => gql<{ recordObservation: Typed }>(RECORD, { input: base }));
    expect(none.data?.recordObservation.fieldErrors?.[0]?.path).toEqual(['input', 'actorId']);
    const unknown = await unchanged(() =>
      gql<{ recordObservation: Typed }>(RECORD, {
        input: { ...base, metric: 'no_such_metric', regionCode: '150400' },
      }),
    );
    expect(unknown.data?.recordObservation.__typename).toBe('NotFoundError');
    const year = await unchanged(() =>
      gql<{ recordObservation: Typed }>(RECORD, {
        input: { ...base, year: 2200, regionCode: '150400' },
      }),
    );
    expect(year.data?.recordObservation.fieldErrors?.[0]?.path).toEqual(['input', 'year']);
  });
});

describe('history', () => {
  it('Flow.history and Actor.history load for a page of 100 in a fixed number of statements', async () => {
    queries.length = 0;
    const result = await gql<{
      flows: { edges: { node: { history: unknown[]; source: { history: unknown[] } } }[] };
    }>(
      '{ flows(first: 100) { edges { node { history { action } source { history { action } } } } } }',
    );
    expect(result.errors).toBeUndefined();
    const historyQueries = queries.filter(
      (q) => q.includes('"revisions"') || q.includes('from revisions'),
    );
    expect(historyQueries.length).toBeLessThanOrEqual(2);
  });
});
