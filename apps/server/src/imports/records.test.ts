import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FLOW_COLUMNS, flowFromCsv, flowFromCsvSchema, plainFlow } from './csv-flows.js';

/** Mostly valid values, sometimes not: rows that the fast path takes, and rows near them. */
const field = (valid: string[], invalid: string[]) =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...valid), weight: 6 },
    { arbitrary: fc.constantFrom(...invalid), weight: 1 },
  );

const row = fc.record({
  external_id: field(['f-1', 'flow:2', 'F.3/x'], ['a b', '', "x';--", 'K'.repeat(129)]),
  source_key: field(['a', 'b'], ['', 'a a']),
  target_key: field(['b', 'c'], ['a', '<c>']),
  amount: field(
    ['0', '10', '1.50', '2.0', '1.0001', '12345678901234567890', '0.1000'],
    ['1.00005', '-1', '1e3', '01', '123456789012345678901', '3.', ' 1', ''],
  ),
  qualifier: field(['', 'EXACT'], ['AT_LEAST', 'exact', 'APPROXIMATE']),
  low: field([''], ['1', '0']),
  high: field([''], ['2']),
  unit: field(['', 'CNY', 'PERSON'], ['cny', 'C NY']),
  year: field(['2018', '1949', '2100'], ['1948', '2101', '18', '2018.0', '']),
  status: field(['SPENT', 'PLANNED'], ['spent', '']),
  instrument: field(['GRANT', 'LOAN'], ['CASH']),
  program_key: field(['', 'p-1'], ['p 1']),
  parent_external_id: field(['', 'f-9'], ['f-1', 'x y']),
  note: field([''], ['a note', '<b>']),
});

describe('flowFromCsv', () => {
  it('the fast path for plain rows accepts only what the zod schema accepts, with the same result', () => {
    let fastAccepted = 0;
    fc.assert(
      fc.property(row, (fields) => {
        const fast = plainFlow(fields);
        if (fast === null) return;
        fastAccepted++;
        expect(flowFromCsvSchema(fields)).toEqual(fast);
      }),
      { numRuns: 5000 },
    );
    expect(fastAccepted).toBeGreaterThan(100);
  });

  it('with the fast path, accepts and refuses the same rows as by the schema alone, alike', () => {
    fc.assert(
      fc.property(row, (fields) => {
        expect(flowFromCsv(fields)).toEqual(flowFromCsvSchema(fields));
      }),
      { numRuns: 3000 },
    );
  });

  it('knows every column of the import format', () => {
    expect(FLOW_COLUMNS).toContain('parent_external_id');
  });
});
