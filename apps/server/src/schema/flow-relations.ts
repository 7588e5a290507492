import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import { type RawBuilder, sql } from 'kysely';
import type { Context } from '../context.js';
import type { ActorRow, FlowRow, ProgramRow } from '../db/database.js';
import { Actor } from './actor.js';
import { Program } from './program.js';

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

/** The relation columns a connection's `edges { node { … } }` selection needs. */
export function relationColumns(info: GraphQLResolveInfo): RawBuilder<unknown> {
  let wanted: Set<string> | null = new Set();
  for (const node of info.fieldNodes) {
    const found = selected(node.selectionSet, ['edges', 'node']);
    if (found === null) {
      wanted = null;
      break;
    }
    for (const n of found) wanted.add(n);
  }
  const relations = (Object.keys(COLUMNS) as Relation[]).filter(
    (r) => wanted === null || wanted.has(r),
  );
  return relations.length === 0 ? sql`` : sql`, ${sql.join(relations.map((r) => COLUMNS[r]))}`;
}

/** Hands the fetched relations to their loaders and strips them from the rows. */
export function primeRelations<T extends FlowWithRelations>(
  context: Context,
  rows: T[],
): FlowRow[] {
  const actors = Actor.getDataloader(context);
  const programs = Program.getDataloader(context);
  return rows.map(({ _source, _target, _program, ...flow }) => {
    if (_source) actors.prime(String(_source.id), _source);
    if (_target) actors.prime(String(_target.id), _target);
    if (_program) programs.prime(String(_program.id), _program);
    return flow;
  });
}
