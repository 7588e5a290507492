import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Context } from '../context.js';
import type { ActorRow, Database, FlowRow, ProgramRow } from '../db/database.js';
import {
  checksArray,
  type ExistenceCheck,
  throwFirstMissing,
} from '../domain/records/record-exists.js';
import { Program } from './program.js';
import { Actor } from './refs.js';

/**
 * A page of flows that shows its sources, targets or programs fetches them in the page's own
 * statement (as JSON: the same values pg would give for these columns: integers, text and
 * text[]) and hands them to the Actor and Program loaders, so the page costs one statement
 * instead of three: on a loaded machine each statement's round trip and socket writes cost
 * more than the rows. Only the relations the query asks for are fetched.
 */
type Relation = 'source' | 'target' | 'program';
const COLUMNS: Record<Relation, RawBuilder<unknown>> = {
  source: sql`(select to_jsonb(s) from actors s where s.id = f.source_id) as _source`,
  target: sql`(select to_jsonb(t) from actors t where t.id = f.target_id) as _target`,
  program: sql`(select to_jsonb(p) from programs p where p.id = f.program_id) as _program`,
};

export type FlowWithRelations = FlowRow & {
  _source?: ActorRow | null;
  _target?: ActorRow | null;
  _program?: ProgramRow | null;
};

/** Field names at `path` under a selection; null when a named fragment hides them. */
function selected(set: SelectionSetNode | undefined, path: readonly string[]): Set<string> | null {
  const names = new Set<string>();
  const visit = (s: SelectionSetNode | undefined, rest: readonly string[]): boolean => {
    for (const sel of s?.selections ?? []) {
      if (sel.kind === 'FragmentSpread') return false;
      if (sel.kind === 'InlineFragment') {
        if (!visit(sel.selectionSet, rest)) return false;
      } else if (rest.length === 0) {
        names.add(sel.name.value);
      } else if (sel.name.value === rest[0] && !visit(sel.selectionSet, rest.slice(1))) {
        return false;
      }
    }
    return true;
  };
  return visit(set, path) ? names : null;
}

/**
 * The relation columns a connection's `edges { node { … } }` selection needs; with `every`, all
 * three, null where not needed (statements of one `union all` have the same columns).
 */
export function relationColumns(info: GraphQLResolveInfo, every = false): RawBuilder<unknown> {
  let wanted: Set<string> | null = new Set();
  for (const node of info.fieldNodes) {
    const found = selected(node.selectionSet, ['edges', 'node']);
    if (found === null) {
      wanted = null;
      break;
    }
    for (const n of found) wanted.add(n);
  }
  const needed = (r: Relation) => wanted === null || wanted.has(r);
  if (every) {
    const all = (Object.keys(COLUMNS) as Relation[]).map((r) =>
      needed(r) ? COLUMNS[r] : sql`null::jsonb as ${sql.id(`_${r}`)}`,
    );
    return sql`, ${sql.join(all)}`;
  }
  const relations = (Object.keys(COLUMNS) as Relation[]).filter(needed);
  return relations.length === 0 ? sql`` : sql`, ${sql.join(relations.map((r) => COLUMNS[r]))}`;
}

/**
 * Hands the fetched relations to their loaders (other fields of the request may ask for the
 * same actors) and keeps them on the rows, where the Flow's fields return them at once: a
 * resolved object, not a promise per field and row from the loader.
 */
export function primeRelations<T extends FlowWithRelations>(context: Context, rows: T[]): T[] {
  const actors = Actor.getDataloader(context);
  const programs = Program.getDataloader(context);
  for (const { _source, _target, _program } of rows) {
    if (_source) actors.prime(String(_source.id), _source);
    if (_target) actors.prime(String(_target.id), _target);
    if (_program) programs.prime(String(_program.id), _program);
  }
  return rows;
}

/**
 * A page of flows (`page`, a statement over flows aliased f) and the existence checks of its
 * filter in one statement; throws the first missing record's error, as the checks alone would.
 */
export async function withChecks(
  db: Kysely<Database>,
  checks: readonly ExistenceCheck[],
  page: RawBuilder<unknown>,
): Promise<FlowWithRelations[]> {
  const { rows } = await sql<FlowWithRelations & { _found: boolean[] }>`
    select c._found, f.* from (select ${checksArray(checks)} as _found) c
    left join lateral (${page}) f on true order by f.id`.execute(db);
  throwFirstMissing(checks, rows[0]?._found ?? []);
  return rows.filter((r) => r.id != null).map(({ _found, ...row }) => row as FlowWithRelations);
}
