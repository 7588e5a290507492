import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalDecimal, combineQualifiers, decimal } from './money.js';

describe('canonicalDecimal', () => {
  const text = fc.oneof(
    fc.stringMatching(/^[0-9]{1,22}(\.[0-9]{0,7})?$/),
    fc.string({ maxLength: 70 }),
    fc.constantFrom('0', '0.0000', '01', '1.', '.5', '1e3', '-1', ' 1', '1'.repeat(65)),
  );
  it('accepts exactly what decimal() accepts, with the same text', () => {
    fc.assert(
      fc.property(text, (s) => {
        let expected: string | null;
        try {
          expected = decimal(s).toFixed();
        } catch {
          expected = null;
        }
        expect(canonicalDecimal(s)).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('combineQualifiers', () => {
  it('keeps EXACT, a single other qualifier, and turns two others into APPROXIMATE', () => {
    expect(combineQualifiers([])).toBe('EXACT');
    expect(combineQualifiers(['EXACT', 'EXACT'])).toBe('EXACT');
    expect(combineQualifiers(['EXACT', 'AT_LEAST'])).toBe('AT_LEAST');
    expect(combineQualifiers(['AT_MOST', 'AT_MOST'])).toBe('AT_MOST');
    expect(combineQualifiers(['AT_LEAST', 'AT_MOST'])).toBe('APPROXIMATE');
  });
});
