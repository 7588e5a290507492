import { readConfig } from './config.js';
import { createDb } from './db/create-db.js';
import { migrateToLatest } from './db/migrate.js';
import { seedIfEmpty } from './seed/load.js';

const USAGE = `usage: pnpm fundtrace <command>

commands:
  migrate   create or update the database schema
  seed      migrate, then load the seed data set if the database is empty
  serve     migrate, seed when empty, and serve the API and explorer (same as pnpm start)

settings come from the environment: DATABASE_URL, PGLITE_DIR, PORT (see README).`;

const [command] = process.argv.slice(2);
const config = readConfig();

if (command === 'serve') {
  await import('./index.js');
} else if (command === 'migrate' || command === 'seed') {
  const db = await createDb({ databaseUrl: config.databaseUrl, pgliteDir: config.pgliteDir });
  try {
    await migrateToLatest(db);
    if (command === 'seed') {
      console.log(
        (await seedIfEmpty(db)) ? 'seed data set loaded' : 'database not empty: seed skipped',
      );
    } else {
      console.log('database migrated');
    }
  } finally {
    await db.destroy();
  }
} else {
  console.log(USAGE);
  process.exitCode = command === undefined || command === 'help' ? 0 : 1;
}
