import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { extname } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import type { Kysely } from 'kysely';
import type pg from 'pg';
import {
  createToken,
  DEFAULT_TOKEN_DAYS,
  isScope,
  listTokens,
  MAX_TOKEN_DAYS,
  revokeToken,
} from './auth/tokens.js';
import { readConfig } from './config.js';
import { createDb } from './db/create-db.js';
import type { Database } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { ImportError, isBadArgument, TooMuchWorkError } from './domain/errors.js';
import { EXPORTS, type ExportName, exportStream, parseExportParams } from './exports/export.js';
import { withOwnConnection } from './imports/connection.js';
import { type ImportFormat, importDataset } from './imports/import-dataset.js';
import { seedIfEmpty } from './seed/load.js';

const USAGE = `usage: pnpm fundtrace <command>

commands:
  migrate                      create or update the database schema
  seed                         migrate, then load the seed data set if the database is empty
  serve                        migrate, seed when empty, and serve the API and explorer
  token create --scope write [--label NAME] [--expires-in DAYS]
                               create an API token; its secret is printed once, only its hash is
                               kept; it expires after DAYS days (default ${DEFAULT_TOKEN_DAYS}, at most ${MAX_TOKEN_DAYS})
  token list                   list tokens (id, label, scopes, created, expires, revoked)
  token revoke ID              revoke a token
  import FILE --author NAME [--dry-run] [--format csv|json] [--reason TEXT]
                               import flows (CSV) or actors, flows and observations (JSON) in one
                               transaction; any bad row rejects the file (see README)
  export flows|actors|observations|totals [--format csv|json] [--out FILE]
         [--year N] [--status S] [--instrument I] [--program-id ID] [--source-id ID]
         [--target-id ID] [--actor-id ID] [--region-code CODE] [--unit U] [--group-by YEAR,PROGRAM]
                               write an export to FILE or standard output

settings come from the environment: DATABASE_URL, PGLITE_DIR, PORT, ADMIN_TOKEN (see README).`;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const config = (() => {
  try {
    return readConfig();
  } catch (error) {
    fail(`fundtrace: ${(error as Error).message}`);
  }
})();
const argv = process.argv.slice(2);
const [command] = argv;

/**
 * A command's options: `--help` prints the usage, and an unknown or malformed option says so
 * with the usage (never a stack trace).
 */
function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: T,
) {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    process.exit(0);
  }
  try {
    return parseArgs({ args, options, allowPositionals: true });
  } catch (error) {
    fail(`${(error as Error).message}\n\n${USAGE}`);
  }
}

async function withDb<T>(fn: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  const db = await createDb({ databaseUrl: config.databaseUrl, pgliteDir: config.pgliteDir });
  try {
    await migrateToLatest(db);
    return await fn(db);
  } finally {
    await db.destroy();
  }
}

async function token(args: string[]) {
  const { values, positionals } = parseOptions(args, {
    scope: { type: 'string', multiple: true },
    label: { type: 'string' },
    'expires-in': { type: 'string' },
  });
  const [action, id] = positionals;
  const days = Number(values['expires-in'] ?? DEFAULT_TOKEN_DAYS);
  if (!Number.isInteger(days) || days < 1 || days > MAX_TOKEN_DAYS) {
    fail(`--expires-in: a whole number of days from 1 to ${MAX_TOKEN_DAYS}`);
  }
  await withDb(async (db) => {
    if (action === 'create') {
      const scopes = values.scope ?? [];
      const bad = scopes.filter((s) => !isScope(s));
      if (scopes.length === 0 || bad.length) fail('token create needs --scope write');
      const label = values.label?.trim() || null;
      if (label && (label.length > 100 || /[\p{Cc}<>]/u.test(label))) {
        fail('--label: at most 100 characters, no control characters or < >');
      }
      const created = await createToken(db, {
        scopes: scopes.filter(isScope),
        label,
        expiresInDays: days,
      });
      console.error(
        `token ${created.id} created (${scopes.join(', ')}${label ? `, "${label}"` : ''}), expires ${created.expiresAt.toISOString()}.`,
      );
      console.error('The secret below is shown once; only its SHA-256 is stored:');
      console.log(created.secret);
    } else if (action === 'list') {
      for (const t of await listTokens(db)) {
        const revoked = t.revoked_at ? `revoked ${new Date(t.revoked_at).toISOString()}` : 'active';
        console.log(
          `${t.id}\t${t.label ?? '-'}\t${t.scopes.join(',')}\t${new Date(t.created_at).toISOString()}\texpires ${new Date(t.expires_at).toISOString()}\t${revoked}`,
        );
      }
    } else if (action === 'revoke') {
      const n = Number(id);
      if (!Number.isSafeInteger(n) || n < 1) fail('token revoke needs a token id (see token list)');
      if (!(await revokeToken(db, n))) fail(`no active token with id ${n}`);
      console.log(`token ${n} revoked`);
    } else {
      fail(USAGE);
    }
  });
}

/** The public history names who imported: a name given, never the operating-system account. */
function importAuthor(given: string | undefined): string {
  const author = (given ?? process.env.FUNDTRACE_AUTHOR ?? '').trim();
  if (!/^[\p{L}\p{N}][\p{L}\p{N} ._@-]{0,79}$/u.test(author)) {
    fail('import needs --author NAME (or FUNDTRACE_AUTHOR): who the history names');
  }
  return author;
}

async function importFile(args: string[]) {
  const { values, positionals } = parseOptions(args, {
    'dry-run': { type: 'boolean', default: false },
    format: { type: 'string' },
    reason: { type: 'string' },
    author: { type: 'string' },
  });
  const [file] = positionals;
  const author = importAuthor(values.author);
  if (!file) fail('import needs a FILE');
  const format = (values.format ?? extname(file).slice(1)).toUpperCase();
  if (format !== 'CSV' && format !== 'JSON') fail('--format must be csv or json');
  const size = statSync(file).size;
  const bar = new cliProgress.SingleBar(
    {
      format: 'import |{bar}| {percentage}% {value}/{total} MB, {rows} rows',
      stream: process.stderr,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  const showBar = size > 1_000_000 && process.stderr.isTTY;
  if (showBar) bar.start(Math.ceil(size / 1e6), 0, { rows: 0 });
  let read = 0;
  let rows = 0;
  // Counted as the import pulls it: nothing is read before the import starts.
  async function* source() {
    for await (const chunk of createReadStream(file as string, { encoding: 'utf8' })) {
      read += Buffer.byteLength(chunk as string);
      if (showBar) bar.update(Math.floor(read / 1e6), { rows });
      yield chunk as string;
    }
  }
  const by = { author: `cli:${author}`, tokenId: null };
  const run = (db: Kysely<Database>, copyClient: pg.Client | null) =>
    importDataset(db, by, source(), {
      format: format as ImportFormat,
      dryRun: values['dry-run'],
      reason: values.reason ?? `import ${file}`,
      copyClient,
      onProgress: (n) => {
        rows = n;
      },
    });
  try {
    // On PostgreSQL the import holds a connection of its own and streams rows by COPY.
    const url = config.databaseUrl;
    const report = url
      ? await withDb(async () => {}).then(() =>
          withOwnConnection(url, (db, client) => run(db, client)),
        )
      : await withDb((db) => run(db, null));
    if (showBar) bar.stop();
    const line = (
      name: string,
      c: { created: number; updated: number; unchanged: number; skipped: number },
    ) =>
      `  ${name}: ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged, ${c.skipped} skipped (retracted)`;
    console.log(
      [
        `${report.dryRun ? 'dry run (nothing written)' : 'imported'}: ${report.rows} rows`,
        line('actors', report.actors),
        line('flows', report.flows),
        line('observations', report.observations),
      ].join('\n'),
    );
  } catch (error) {
    if (showBar) bar.stop();
    if (!(error instanceof ImportError)) throw error;
    console.error(`${file}: rejected, nothing written: ${error.errorCount} error(s)`);
    for (const e of error.rowErrors) {
      console.error(`  row ${e.row}${e.column ? `, ${e.column}` : ''}: ${e.message}`);
    }
    process.exitCode = 1;
  }
}

async function exportFile(args: string[]) {
  const { values, positionals } = parseOptions(args, {
    format: { type: 'string', default: 'csv' },
    out: { type: 'string' },
    year: { type: 'string' },
    status: { type: 'string' },
    instrument: { type: 'string' },
    'program-id': { type: 'string' },
    'source-id': { type: 'string' },
    'target-id': { type: 'string' },
    'actor-id': { type: 'string' },
    'region-code': { type: 'string' },
    unit: { type: 'string' },
    'group-by': { type: 'string' },
  });
  const [name] = positionals;
  if (!name || !(EXPORTS as readonly string[]).includes(name)) {
    fail(`export needs one of: ${EXPORTS.join(', ')}`);
  }
  if (values.format !== 'csv' && values.format !== 'json') fail('--format must be csv or json');
  const params = new URLSearchParams();
  const camel = (s: string) => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
  for (const [key, value] of Object.entries(values)) {
    if (['format', 'out'].includes(key) || typeof value !== 'string') continue;
    params.set(key === 'group-by' ? 'groupBy' : camel(key), value);
  }
  await withDb(async (db) => {
    try {
      const { filter, groupBy } = parseExportParams(params);
      const stream = await exportStream(db, {
        name: name as ExportName,
        format: values.format as 'csv' | 'json',
        filter,
        groupBy,
        maxTotalRows: config.maxTotalRows,
      });
      await pipeline(
        Readable.from(stream),
        values.out ? createWriteStream(values.out) : process.stdout,
      );
    } catch (error) {
      if (isBadArgument(error)) fail(error.message);
      if (error instanceof TooMuchWorkError)
        fail(`${error.message} (MAX_TOTAL_ROWS raises the cap)`);
      throw error;
    }
  });
}

if (command === 'serve') {
  await import('./index.js');
} else if (command === 'migrate' || command === 'seed') {
  await withDb(async (db) => {
    if (command === 'seed') {
      console.log(
        (await seedIfEmpty(db)) ? 'seed data set loaded' : 'database not empty: seed skipped',
      );
    } else {
      console.log('database migrated');
    }
  });
} else if (command === 'token') {
  await token(argv.slice(1));
} else if (command === 'import') {
  await importFile(argv.slice(1));
} else if (command === 'export') {
  await exportFile(argv.slice(1));
} else {
  console.log(USAGE);
  process.exitCode = command === undefined || command === 'help' ? 0 : 1;
}
