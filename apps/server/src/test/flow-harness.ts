import { writeClient } from '../test/write-client.js';
import { createTestDb, graphqlClient } from './test-db.js';
import { expectUnchanged } from './unchanged.js';

export const RECORD = `mutation Record($input: RecordFlowInput!) {
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

export interface Result {
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

/**
 * A seeded test database and what the flow mutation tests share: a write client and an
 * anonymous one, two actors, a document and a program of the seed, a valid flow input, and a
 * check that a write changed nothing.
 */
export async function flowHarness() {
  const ctx = await createTestDb();
  const gql = writeClient(ctx.db);
  const anonymous = graphqlClient(ctx.db);
  const { data } = await anonymous<{
    actors: { edges: { node: { id: string } }[] };
    documents: { edges: { node: { id: string } }[] };
    programs: { edges: { node: { id: string } }[] };
  }>(
    '{ actors(first: 2) { edges { node { id } } } documents(first: 1) { edges { node { id } } } programs(first: 1) { edges { node { id } } } }',
  );
  const [actorA = '', actorB = ''] = data?.actors.edges.map((e) => e.node.id) ?? [];
  const documentId = data?.documents.edges[0]?.node.id ?? '';
  const programId = data?.programs.edges[0]?.node.id ?? '';
  const base: Record<string, unknown> = {
    sourceId: actorA,
    targetId: actorB,
    amount: { value: '1200000.5' },
    year: 2018,
    status: 'DISBURSED',
    instrument: 'GRANT',
  };

  const unchanged = <T>(write: () => Promise<T>) => expectUnchanged(ctx.db, write);
  return { ctx, gql, anonymous, actorA, actorB, documentId, programId, base, unchanged };
}
