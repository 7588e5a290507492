import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprint } from './test/fingerprint.js';
import { flowCsv } from './test/flow-csv.js';
import { spawnScript } from './test/spawn-server.js';
import { createTestDb } from './test/test-db.js';

const url = process.env.DATABASE_URL;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!url)(
  'an import killed midway (PostgreSQL: PGlite cannot be shared with a child)',
  () => {
    let ctx: Awaited<ReturnType<typeof createTestDb>>;
    const dir = mkdtempSync(join(tmpdir(), 'fundtrace-import-'));
    const big = join(dir, 'big.csv');
    let a = '';
    let b = '';
    beforeAll(async () => {
      ctx = await createTestDb();
      [a = '', b = ''] = (
        await ctx.db.selectFrom('actors').select('key').orderBy('id').limit(2).execute()
      ).map((x) => x.key);
      writeFileSync(big, csv(400_000));
    });
    afterAll(async () => {
      rmSync(dir, { recursive: true, force: true });
      await ctx?.close();
    });
    const csv = (rows: number) => flowCsv(rows, a, b);

    // The import's connections carry a name of their own: other test files share the database.
    const appName = `fundtrace-import-kill-${process.pid}`;
    /** The import's backends inside a transaction that has written. */
    const writers = async () =>
      (
        await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
        where application_name = ${appName} and backend_xid is not null`.execute(ctx.db)
      ).rows[0]?.n ?? 0;

    it('leaves nothing committed', async () => {
      const before = await fingerprint(ctx.db);
      const { child, exited, output } = spawnScript(
        'src/cli.ts',
        ['import', big, '--author', 'test-desk'],
        {
          DATABASE_URL: ctx.url as string,
          PGAPPNAME: appName,
        },
      );
      // Midway: the import's transaction has written (its staging table) and it still runs.
      const deadline = Date.now() + 60_000;
      while ((await writers()) === 0) {
        if (child.exitCode !== null || Date.now() > deadline) {
          throw new Error(`the import never started writing: ${output().stderr.slice(-1000)}`);
        }
        await sleep(50);
      }
      await sleep(300);
      expect(child.exitCode).toBeNull();
      child.kill('SIGKILL');
      expect(await exited).toMatchObject({ signal: 'SIGKILL' });
      // PostgreSQL rolls the transaction back once it sees the connection gone.
      for (let i = 0; i < 100 && (await writers()) > 0; i++) await sleep(50);
      expect(await writers()).toBe(0);
      expect(await fingerprint(ctx.db)).toEqual(before);
    }, 120_000);

    it('while the same rows, imported to the end, are written (the file was good)', async () => {
      const small = join(dir, 'small.csv');
      writeFileSync(small, csv(5));
      const { exited, output } = spawnScript(
        'src/cli.ts',
        ['import', small, '--author', 'test-desk'],
        {
          DATABASE_URL: ctx.url as string,
        },
      );
      expect(await exited).toMatchObject({ code: 0 });
      expect(output().stdout).toMatch(/flows: 5 created/);
      // The history names the author given, never the operating-system account.
      const authors = await ctx.db
        .selectFrom('revisions')
        .select('author')
        .distinct()
        .where('author', 'like', 'cli:%')
        .execute();
      expect(authors).toEqual([{ author: 'cli:test-desk' }]);
    }, 120_000);
  },
);

describe('the CLI import', () => {
  it('refuses to run without --author: the history names a person, not the OS account', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'fundtrace-author-')), 'anonymous.csv');
    writeFileSync(file, 'external_id\n');
    const { exited, output } = spawnScript('src/cli.ts', ['import', file], {
      PGLITE_DIR: 'memory://',
      FUNDTRACE_AUTHOR: '',
    });
    expect(await exited).toMatchObject({ code: 1 });
    expect(output().stderr).toMatch(/needs --author NAME/);
    rmSync(file, { force: true });
  }, 60_000);
});
