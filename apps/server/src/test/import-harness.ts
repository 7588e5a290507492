import { expect } from 'vitest';
import { FLOW_COLUMNS } from '../imports/csv-flows.js';
import { fingerprint } from './fingerprint.js';
import { createTestDb } from './test-db.js';
import { writeClient } from './write-client.js';

export const IMPORT = `mutation($input: ImportInput!) { importDataset(input: $input) {
  __typename
  ... on Error { message }
  ... on ImportError { errorCount rowErrors { row column message } }
  ... on ValidationError { fieldErrors { path message } }
  ... on ImportDatasetSuccess { report { dryRun rows
    actors { created updated unchanged skipped }
    flows { created updated unchanged skipped }
    observations { created updated unchanged skipped } } } } }`;

interface Counts {
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
}
export interface Result {
  importDataset: {
    __typename: string;
    message?: string;
    errorCount?: number;
    rowErrors?: { row: number; column: string | null; message: string }[];
    report?: { dryRun: boolean; rows: number; actors: Counts; flows: Counts; observations: Counts };
  } | null;
}

/**
 * A seeded test database and what the importDataset tests share: three actor keys and a
 * program key of the seed, CSV rows, and checks that a write changed nothing.
 */
export async function importHarness() {
  const ctx = await createTestDb();
  const gql = writeClient(ctx.db);
  const HEADER = FLOW_COLUMNS.join(',');
  const actors = await ctx.db.selectFrom('actors').select('key').orderBy('id').limit(3).execute();
  const [a = '', b = '', c = ''] = actors.map((x) => x.key);
  const program = (await ctx.db.selectFrom('programs').select('key').executeTakeFirstOrThrow()).key;

  const csvOf = (...rows: string[]) => `${HEADER}\n${rows.join('\n')}\n`;
  const row = (id: string, extra: Partial<Record<(typeof FLOW_COLUMNS)[number], string>> = {}) => {
    const values: Record<string, string> = {
      external_id: id,
      source_key: a,
      target_key: b,
      amount: '1000',
      year: '2018',
      status: 'DISBURSED',
      instrument: 'GRANT',
      ...extra,
    };
    return FLOW_COLUMNS.map((col) => values[col] ?? '').join(',');
  };

  const run = (format: 'CSV' | 'JSON', data: string, dryRun = false) =>
    gql<Result>(IMPORT, { input: { format, data, dryRun } });

  async function unchanged<T>(write: () => Promise<T>): Promise<T> {
    const before = await fingerprint(ctx.db);
    const result = await write();
    expect(await fingerprint(ctx.db)).toEqual(before);
    return result;
  }

  async function rejected(format: 'CSV' | 'JSON', data: string) {
    const result = await unchanged(() => run(format, data));
    expect(result.errors).toBeUndefined();
    expect(result.data?.importDataset?.__typename).toBe('ImportError');
    return result.data?.importDataset?.rowErrors ?? [];
  }
  return { ctx, gql, HEADER, a, b, c, program, csvOf, row, run, unchanged, rejected };
}
