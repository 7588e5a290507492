import { afterAll, describe, expect, it } from 'vitest';
import { createTestDb, graphqlClient } from '../test/test-db.js';
import { article } from './article.js';

const ctx = await createTestDb();
const gql = graphqlClient(ctx.db);
afterAll(() => ctx.close());

describe('the seed glosses its quotes for English readers', () => {
  it('glosses only quotes the seed cites, and every flow quote', () => {
    const cites = [
      ...article.flows,
      ...article.observations,
      ...article.pairings,
      ...article.actors,
      ...article.overlaps,
    ]
      .flatMap((r) => r.cites ?? [])
      .map((c) => c.quote);
    const glosses = article.glosses ?? {};
    expect(Object.keys(glosses).filter((q) => !cites.includes(q))).toEqual([]);
    const flowQuotes = article.flows.flatMap((f) => f.cites.map((c) => c.quote));
    expect(flowQuotes.filter((q) => !glosses[q])).toEqual([]);
  });

  it('serves the gloss with the citation', async () => {
    const { data } = await gql<{
      flows: { edges: { node: { citations: { quote: string; gloss: string | null }[] } }[] };
    }>(
      '{ flows(filter: { year: 2017 }, first: 100) { edges { node { citations { quote gloss } } } } }',
    );
    const cited = data?.flows.edges.flatMap((e) => e.node.citations) ?? [];
    const treasury = cited.find((c) => c.quote.includes('48.8億元'));
    expect(treasury?.gloss).toMatch(/4\.88 bn/);
  });
});
