import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from './db/create-db.js';
import { migrateToLatest } from './db/migrate.js';
import { seedIfEmpty } from './seed/load.js';
import { fingerprint } from './test/fingerprint.js';
import { flowCsv } from './test/flow-csv.js';
import { spawnScript } from './test/spawn-server.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Bytes under a directory: PGlite writes its files as it goes. */
function bytesUnder(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    // PostgreSQL renames and removes files as it writes (pg_internal.init.N): one may be gone.
    const stat = statSync(join(entry.parentPath, entry.name), { throwIfNoEntry: false });
    total += stat?.size ?? 0;
  }
  return total;
}

// On PostgreSQL the same is tested in cli-import.test.ts.
describe.skipIf(process.env.DATABASE_URL)('an import killed midway, on PGlite', () => {
  const root = mkdtempSync(join(tmpdir(), 'fundtrace-pglite-import-'));
  const data = join(root, 'data');
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('leaves nothing committed, and the database opens again', async () => {
    const db = await createDb({ pgliteDir: data });
    await migrateToLatest(db);
    await seedIfEmpty(db);
    const before = await fingerprint(db);
    const [a = '', b = ''] = (
      await db.selectFrom('actors').select('key').orderBy('id').limit(2).execute()
    ).map((x) => x.key);
    await db.destroy();
    const big = join(root, 'big.csv');
    writeFileSync(big, flowCsv(400_000, a, b));

    const size = bytesUnder(data);
    const { child, exited, output } = spawnScript(
      'src/cli.ts',
      ['import', big, '--author', 'test-desk'],
      {
        DATABASE_URL: '',
        PGLITE_DIR: data,
      },
    );
    // Midway: a full import of this file grows the directory by some 470 MB, about 50 MB while
    // staging rows and the rest while writing flows; 100 MB is well into the writing.
    const deadline = Date.now() + 150_000;
    while (bytesUnder(data) < size + 100 * 2 ** 20) {
      if (child.exitCode !== null || Date.now() > deadline) {
        throw new Error(`the import never wrote: ${output().stderr.slice(-1000)}`);
      }
      await sleep(50);
    }
    expect(child.exitCode).toBeNull();
    child.kill('SIGKILL');
    expect(await exited).toMatchObject({ signal: 'SIGKILL' });

    const reopened = await createDb({ pgliteDir: data });
    try {
      expect(await fingerprint(reopened)).toEqual(before);
    } finally {
      await reopened.destroy();
    }
  }, 180_000);
});
