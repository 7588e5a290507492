import type { Kysely } from 'kysely';
import { anyOf } from '../db/any-of.js';
import type { Database } from '../db/database.js';
import type { OverlapShape } from '../domain/overlap/overlap.queries.js';
import type { TraceFlow, Warning } from './trace-types.js';

/** An actor's name in each language (English may be unrecorded). */
export interface ActorName {
  zh: string;
  en: string | null;
}

/** What warnings name: actors in both languages, and the ends of each flow they mention. */
export interface WarningNames {
  actors: Map<number, ActorName>;
  /** Source and target of the flows warnings mention, the other flow of an overlap included. */
  ends: Map<number, { source: number; target: number }>;
}

/**
 * Loads the names a trace's warnings speak of: the origin, the actors and flows they name, and,
 * for an OVERLAP warning, the flow it may share money with (often not traced itself).
 */
export async function loadWarningNames(
  db: Kysely<Database>,
  origin: number,
  warnings: readonly Warning[],
  flows: ReadonlyMap<number, TraceFlow>,
  overlaps: ReadonlyMap<number, OverlapShape>,
): Promise<WarningNames> {
  const ends = new Map<number, { source: number; target: number }>();
  for (const w of warnings) {
    const f = w.flow === undefined ? undefined : flows.get(w.flow);
    if (f && w.flow !== undefined) ends.set(w.flow, { source: f.source, target: f.target });
  }
  const others = [...overlaps.values()]
    .flatMap((o) => [o.flow_a_id, o.flow_b_id])
    .filter((id) => !ends.has(id));
  if (others.length > 0) {
    const rows = await db
      .selectFrom('flows')
      .select(['id', 'source_id', 'target_id'])
      .where('id', '=', anyOf([...new Set(others)], 'int'))
      .execute();
    for (const r of rows) ends.set(r.id, { source: r.source_id, target: r.target_id });
  }
  const named = new Set([
    origin,
    ...warnings.flatMap((w) => (w.actor === undefined ? [] : [w.actor])),
  ]);
  for (const e of ends.values()) named.add(e.source).add(e.target);
  const rows = await db
    .selectFrom('actors')
    .select(['id', 'name', 'name_en'])
    .where('id', '=', anyOf([...named], 'int'))
    .execute();
  return { actors: new Map(rows.map((a) => [a.id, { zh: a.name, en: a.name_en }])), ends };
}
