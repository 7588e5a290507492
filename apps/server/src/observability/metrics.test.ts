import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { operationLabels } from './metrics.js';
import { KNOWN_OPERATIONS } from './operation-names.js';

const EXPLORER_SRC = fileURLToPath(new URL('../../../explorer/src', import.meta.url));

/** Every .ts/.tsx file under `dir` but tests and generated code. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'gql' ? [] : sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('operation labels', () => {
  it('label known names only: invented ones count as "unknown" and take no slot', () => {
    const label = operationLabels(['Overview']);
    const name = (operationName?: string) => label({ operationName, operationType: 'query' });
    for (let i = 0; i < 500; i++) expect(name(`Junk${i}`).operationName).toBe('unknown');
    expect(name('Overview')).toEqual({ operationName: 'Overview', operationType: 'query' });
    expect(name(undefined).operationName).toBe('Anonymous');
  });

  it('know every operation the explorer sends', () => {
    const named = sources(EXPLORER_SRC).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\b(?:query|mutation|subscription) ([A-Z]\w*)/g)].map(
        (m) => m[1],
      ),
    );
    expect(named.length).toBeGreaterThan(5);
    expect(named.filter((n) => !KNOWN_OPERATIONS.includes(n as string))).toEqual([]);
  });
});
