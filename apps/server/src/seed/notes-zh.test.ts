import { afterAll, describe, expect, it } from 'vitest';
import { createTestDb, graphqlClient } from '../test/test-db.js';
import { writeClient } from '../test/write-client.js';
import { article } from './article.js';
import type { NotedType } from './types.js';

const ctx = await createTestDb();
const gql = graphqlClient(ctx.db);
afterAll(() => ctx.close());

const TYPES: NotedType[] = ['actors', 'flows', 'observations', 'pairings', 'overlaps'];

describe('the seed gives every note in Chinese too', () => {
  it.each(TYPES)('%s: a Chinese note for each English one, and none without', (type) => {
    const records: { key: string; note?: string }[] = article[type];
    const noted = records.filter((r) => r.note).map((r) => r.key);
    const zh = article.notesZh?.[type] ?? {};
    expect(Object.keys(zh).sort()).toEqual(noted.sort());
    for (const note of Object.values(zh)) expect(note).toMatch(/\p{Script=Han}/u);
  });

  it('serves noteZh beside note', async () => {
    const { data, errors } = await gql<{
      flows: { edges: { node: { key: string; note: string | null; noteZh: string | null } }[] };
    }>('{ flows(filter: { year: 2017 }, first: 100) { edges { node { key note noteZh } } } }');
    expect(errors).toBeUndefined();
    const nodes = data?.flows.edges.map((e) => e.node) ?? [];
    const noted = nodes.filter((n) => n.note);
    expect(noted.length).toBeGreaterThan(0);
    for (const n of noted) expect(n.noteZh, n.key).toBe(article.notesZh?.flows?.[n.key]);
    expect(nodes.filter((n) => !n.note && n.noteZh)).toEqual([]);
  });

  it('a mutation records, updates and clears noteZh', async () => {
    const write = writeClient(ctx.db);
    const created = await write<{ createActor: { actor: { id: string; noteZh: string | null } } }>(
      `mutation { createActor(input: { name: "测试备注", kind: OTHER, note: "A test.",
        noteZh: "测试。" }) { ... on CreateActorSuccess { actor { id noteZh } } } }`,
    );
    expect(created.data?.createActor.actor.noteZh).toBe('测试。');
    const updated = await write<{ updateActor: { actor: { noteZh: string | null } } }>(
      `mutation($id: ID!) { updateActor(input: { id: $id, noteZh: null }) {
        ... on UpdateActorSuccess { actor { noteZh } } } }`,
      { id: created.data?.createActor.actor.id },
    );
    expect(updated.data?.updateActor.actor.noteZh).toBeNull();
  });
});
