/**
 * `pnpm bench:import`: imports ROWS (default 1,000,000) generated flows from a CSV file into
 * PostgreSQL through the same code as `pnpm fundtrace import`, in a schema of its own that is
 * dropped afterwards, and reports rows/s; then imports the same file again (nothing changes).
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/fundtrace_bench pnpm bench:import [ROWS]
 */
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb } from '@fundtrace/server/db/create-db';
import { migrateToLatest } from '@fundtrace/server/db/migrate';
import { withOwnConnection } from '@fundtrace/server/imports/connection';
import { FLOW_COLUMNS } from '@fundtrace/server/imports/csv-flows';
import { importDataset } from '@fundtrace/server/imports/import-dataset';
import { seedIfEmpty } from '@fundtrace/server/seed/load';
import { sql } from 'kysely';
import pg from 'pg';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('bench:import needs DATABASE_URL (a PostgreSQL database to make a schema in)');
  process.exit(1);
}
const rows = Number(process.argv[2] ?? 1_000_000);
const ACTORS = 2_000;
const STATUSES = ['COMMITTED', 'DISBURSED', 'SPENT'];
const INSTRUMENTS = ['GRANT', 'TRANSFER', 'FUND'];

async function writeCsv(file: string): Promise<void> {
  const out = createWriteStream(file);
  const write = (s: string) =>
    new Promise<void>((resolve) => (out.write(s) ? resolve() : out.once('drain', resolve)));
  await write(`${FLOW_COLUMNS.join(',')}\n`);
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    // Deterministic: source and target differ, amounts have fen, some are approximate.
    const source = i % ACTORS;
    const target = (source + 1 + (i % 97)) % ACTORS;
    const approximate = i % 10 === 0;
    const yuan = 1000 + ((i * 7919) % 9_000_000);
    const amount = `${yuan}.${String(i % 100).padStart(2, '0')}`;
    chunk += `bench-${i},bench-actor-${source},bench-actor-${target},${amount},${approximate ? 'APPROXIMATE' : ''},,,,${2014 + (i % 6)},${STATUSES[i % 3]},${INSTRUMENTS[i % 3]},,,\n`;
    if (chunk.length > 1 << 20) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  await new Promise<void>((resolve) => out.end(resolve));
}

const schema = `import_bench_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: url });
await admin.connect();
await admin.query(`create schema ${schema}`);
const scoped = new URL(url);
scoped.searchParams.set('options', `-c search_path=${schema}`);
const db = await createDb({ databaseUrl: scoped.toString() });
const file = join(tmpdir(), `${schema}.csv`);
try {
  await migrateToLatest(db);
  await seedIfEmpty(db);
  await sql`insert into actors (key, name, kind)
    select 'bench-actor-' || i, '测试旗' || i, 'GOVERNMENT' from generate_series(0, ${ACTORS - 1}) i`.execute(
    db,
  );
  console.log(`generating ${rows.toLocaleString('en')} flows …`);
  await writeCsv(file);
  const size = statSync(file).size;
  const by = { author: 'bench', tokenId: null };
  for (const pass of ['first import', 'same file again']) {
    const started = performance.now();
    const report = await withOwnConnection(scoped.toString(), (own, client) =>
      importDataset(own, by, createReadStream(file, { encoding: 'utf8' }), {
        format: 'CSV',
        copyClient: client,
        onPhase: (phase, ms) => console.log(`  ${(ms / 1000).toFixed(1)} s: ${phase}`),
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const rate = Math.round(report.rows / seconds);
    console.log(
      `${pass}: ${report.rows.toLocaleString('en')} rows (${(size / 1e6).toFixed(0)} MB) in ${seconds.toFixed(1)} s = ${rate.toLocaleString('en')} rows/s; created ${report.flows.created}, updated ${report.flows.updated}, unchanged ${report.flows.unchanged}`,
    );
  }
} finally {
  rmSync(file, { force: true });
  await db.destroy();
  await admin.query(`drop schema ${schema} cascade`);
  await admin.end();
}
