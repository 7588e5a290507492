import { describe, expect, it } from 'vitest';
import { operationLabels } from './metrics.js';

describe('operation labels', () => {
  it('pool names past the bound, and overlong ones, as "other"', () => {
    const label = operationLabels(2);
    const name = (operationName?: string) => label({ operationName, operationType: 'query' });
    expect(name('A').operationName).toBe('A');
    expect(name(undefined).operationName).toBe('Anonymous');
    expect(name('B').operationName).toBe('other');
    expect(name('A')).toEqual({ operationName: 'A', operationType: 'query' });
    expect(operationLabels()({ operationName: 'x'.repeat(65) }).operationName).toBe('other');
  });
});
