import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/database.js';

/**
 * A large generated set, for tests of deadlines: a root sends money to `mids` actors, and each
 * of them on to `leaves` actors of its own, in every one of `years`. Written with a few
 * set-based statements (the generator package writes realistic sets, but far slower). Returns
 * the root's id.
 */
export async function generateFanOut(
  db: Kysely<Database>,
  shape: { mids: number; leaves: number; years: readonly number[] },
): Promise<number> {
  const { mids, leaves, years } = shape;
  await sql`insert into actors (key, name, kind) values ('fan-root', 'Fan root', 'TREASURY')`.execute(
    db,
  );
  await sql`insert into actors (key, name, kind)
    select 'fan-m-' || m, 'Fan ' || m, 'GOVERNMENT' from generate_series(1, ${mids}::int) m`.execute(
    db,
  );
  await sql`insert into actors (key, name, kind)
    select 'fan-l-' || m || '-' || l, 'Fan ' || m || '/' || l, 'HOUSEHOLDS'
    from generate_series(1, ${mids}::int) m, generate_series(1, ${leaves}::int) l`.execute(db);
  await sql`insert into flows (key, source_id, target_id, amount, qualifier, year, status, instrument)
    select 'fan-f-' || a.key || '-' || y, r.id, a.id, ${leaves}::int * 1000 + 7, 'EXACT', y,
      'DISBURSED', 'GRANT'
    from actors r, actors a, unnest(${[...years]}::int[]) y
    where r.key = 'fan-root' and a.key like 'fan-m-%'`.execute(db);
  await sql`insert into flows (key, source_id, target_id, amount, qualifier, year, status, instrument)
    select 'fan-f-' || l.key || '-' || y, m.id, l.id, 990 + length(l.key), 'EXACT', y,
      'DISBURSED', 'GRANT'
    from actors l
    join actors m on m.key = 'fan-m-' || split_part(l.key, '-', 3)
    cross join unnest(${[...years]}::int[]) y
    where l.key like 'fan-l-%'`.execute(db);
  const root = await db
    .selectFrom('actors')
    .select('id')
    .where('key', '=', 'fan-root')
    .executeTakeFirstOrThrow();
  return root.id;
}
