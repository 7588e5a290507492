import { type Kysely, sql } from 'kysely';
import type { Database, PairingRow } from '../db/database.js';
import { Program } from './program.js';
import { Actor, citationsOf, notesOf, Pairing } from './refs.js';

Pairing.implement({
  description:
    'A help relation (district ↔ county, enterprise ↔ village, department ↔ league), with how many recipients it covers.',
  fields: (t) => ({
    helper: t.field({ type: Actor, resolve: (p) => String(p.helper_id) }),
    recipient: t.field({ type: Actor, resolve: (p) => String(p.recipient_id) }),
    kind: t.exposeString('kind'),
    program: t.field({
      type: Program,
      nullable: true,
      resolve: (p) => (p.program_id == null ? null : String(p.program_id)),
    }),
    year: t.exposeInt('year', { nullable: true }),
    coverage: t.exposeInt('coverage', { nullable: true }),
    ...notesOf(t),
    citations: citationsOf(t, 'pairing_id'),
  }),
});

/** Each actor's pairings (as helper or recipient), by id, at most `first` of each. */
export async function pairingsOf(
  db: Kysely<Database>,
  ids: number[],
  first: number,
): Promise<PairingRow[][]> {
  const { rows } = await sql<PairingRow & { actor: number }>`select a.id as actor, p.*
    from unnest(${[...new Set(ids)]}::int[]) a(id)
    cross join lateral (select p.* from pairings p
      -- two index lookups: with "helper or recipient", the planner walked every pairing by id
      where p.id in (select id from pairings where helper_id = a.id
                     union all select id from pairings where recipient_id = a.id)
      order by p.id limit ${first}) p
    order by p.id`.execute(db);
  return ids.map((id) =>
    rows.filter((p) => p.actor === id).map(({ actor: _, ...p }) => p as PairingRow),
  );
}

/** How many pairings each actor takes part in. */
export async function pairingCounts(db: Kysely<Database>, ids: number[]): Promise<number[]> {
  // an actor is never both sides of one pairing (pairings_not_self): the two counts add up
  const { rows } = await sql<{ id: number; n: number }>`select a.id,
      ((select count(*) from pairings where helper_id = a.id)
       + (select count(*) from pairings where recipient_id = a.id))::int as n
    from unnest(${[...new Set(ids)]}::int[]) a(id)`.execute(db);
  return ids.map((id) => rows.find((r) => r.id === id)?.n ?? 0);
}
