import {
  type DocumentNode,
  type FieldNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  getArgumentValues,
  getVariableValues,
  Kind,
  type OperationDefinitionNode,
  type VariableValues,
} from 'graphql';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/database.js';
import { flowFilterSql } from '../../domain/flow/flow.queries.js';
import { decodeGlobalId } from '../../domain/records/global-id.js';
import { type FlowPageArgs, filtersOf } from '../flow-pages.js';
import { decodeCursor, pageSize } from '../pagination.js';
import { fieldsJson, flowJson, type Json, object, recordColumns, type Scope } from './objects.js';
import { type Fragments, fieldsOf } from './selection.js';

/**
 * A read compiled into one SQL statement that builds its whole answer as JSON, for the shapes
 * most asked (pages of flows, an actor with its in- and outflows): `compileRead` gives the
 * statement, or null when anything in the request is outside what it knows; the request then
 * runs through the executor, which also answers every error (a bad id or cursor, a missing
 * record), so answers are the executor's own.
 */
export interface CompiledRead {
  statement: Json;
  /** Existence checks of the filters: any false, and the executor answers instead. */
  found: Json;
}

interface Request {
  scope: Scope;
  query: GraphQLObjectType;
  variables: VariableValues;
  db: Kysely<Database>;
  /** Whether each record the request names exists (false: the executor answers). */
  found: Json[];
}

const cursorOf = (id: Json) =>
  sql`translate(rtrim(encode(convert_to('cursor:' || ${id}, 'UTF8'), 'base64'), '='), '+/', '-_')`;

/** A flow's JSON depends only on its selection: built and compiled once per field of a document. */
const flowNodes = new WeakMap<FieldNode, Json | null>();

function flowNode(r: Request, field: FieldNode): Json | null {
  if (!flowNodes.has(field)) {
    const json = flowJson(r.scope, field);
    const compiled = json?.compile(r.db);
    // parameter-free (literals and columns only), so its text stands alone
    flowNodes.set(field, compiled?.parameters.length === 0 ? sql.raw(compiled.sql) : json);
  }
  return flowNodes.get(field) ?? null;
}

/**
 * A connection over `page(limit)` (flows f by ascending id). With pageInfo, the page holds one
 * row more than `size`, which tells whether more follow; without, exactly `size` rows.
 */
function connectionJson(
  r: Request,
  node: FieldNode,
  page: (limit: number) => Json,
  size: number,
): Json | null {
  const { scope } = r;
  const of = (field: FieldNode, typename: string) =>
    fieldsOf(scope.schema, field.selectionSet, typename, scope.fragments);
  const fields = of(node, 'FlowConnection');
  const paged = [...(fields?.values() ?? [])].some((f) => f.name.value === 'pageInfo');
  const inPage = paged ? sql`f._n <= ${size}` : sql`true`;
  const json = fieldsJson(fields, 'FlowConnection', (name, field) => {
    if (name === 'edges') {
      const edge = fieldsJson(of(field, 'FlowEdge'), 'FlowEdge', (n, f) =>
        n === 'cursor' ? cursorOf(sql`f.id`) : n === 'node' ? flowNode(r, f) : null,
      );
      return (
        edge && sql`coalesce(json_agg(${edge} order by f.id) filter (where ${inPage}), '[]'::json)`
      );
    }
    if (name !== 'pageInfo') return null;
    const info: Record<string, Json> = {
      hasNextPage: sql`count(*) > ${size}`,
      hasPreviousPage: sql`false`,
      startCursor: cursorOf(sql`min(f.id) filter (where ${inPage})`),
      endCursor: cursorOf(sql`max(f.id) filter (where ${inPage})`),
    };
    return fieldsJson(of(field, 'PageInfo'), 'PageInfo', (n) => info[n] ?? null);
  });
  if (!json) return null;
  if (!paged) return sql`(select ${json} from (${page(size)}) f)`;
  return sql`(select ${json} from (select p.*, row_number() over (order by p.id) as _n
    from (${page(size + 1)}) p) f)`;
}

/** Query.flows: the filter as flowFilterSql builds it, keyset by id. */
async function flowsRoot(r: Request, node: FieldNode): Promise<Json | null> {
  const def = r.query.getFields().flows;
  if (!def) return null;
  const args = getArgumentValues(def, node, r.variables) as {
    filter?: Parameters<typeof flowFilterSql>[1];
    first?: number | null;
    after?: string | null;
  };
  const size = pageSize(args.first);
  const after = decodeCursor(args.after) ?? 0;
  const { conditions, checks } = await flowFilterSql(r.db, args.filter);
  r.found.push(...checks.map((c) => c.exists));
  const page = (limit: number) => sql`select f.* from flows f
    where ${sql.join(conditions, sql` and `)} and f.id > ${after} order by f.id limit ${limit}`;
  return connectionJson(r, node, page, size);
}

/** Actor.inflows and outflows (schema/flow-pages.ts): of actor a, by year and status. */
function actorFlows(r: Request, node: FieldNode, column: 'source_id' | 'target_id') {
  const actor = r.scope.schema.getType('Actor') as GraphQLObjectType;
  const def = actor.getFields()[node.name.value];
  if (!def) return null;
  const args = getArgumentValues(def, node, r.variables) as FlowPageArgs;
  const size = pageSize(args.first);
  const after = decodeCursor(args.after) ?? 0;
  const { column: ref, where } = filtersOf(column, args);
  const page = (limit: number) => sql`select f.* from flows f
    where ${ref} = a.id and ${where} and f.id > ${after} order by f.id limit ${limit}`;
  return connectionJson(r, node, page, size);
}

/** Query.node for an actor: its own columns and its pages of flows. */
function nodeRoot(r: Request, node: FieldNode): Json | null {
  const args = getArgumentValues(r.query.getFields().node as never, node, r.variables);
  const decoded = decodeGlobalId(String(args.id), ['Actor']);
  const columns = recordColumns('Actor', 'a');
  const fields = fieldsOf(r.scope.schema, node.selectionSet, 'Actor', r.scope.fragments);
  const json = fieldsJson(fields, 'Actor', (name, field) => {
    if (name === 'inflows') return actorFlows(r, field, 'target_id');
    if (name === 'outflows') return actorFlows(r, field, 'source_id');
    return columns[name] ?? null;
  });
  if (!json) return null;
  r.found.push(sql`exists (select 1 from actors where id = ${decoded.id})`);
  return sql`(select ${json} from actors a where a.id = ${decoded.id})`;
}

/** Root fields the compiled path knows. */
const ROOTS = new Set(['flows', 'node', '__typename']);

/** The document asks for what the compiled path does not know, whatever its variables. */
export const UNSUPPORTED = 'unsupported';

function operationOf(document: DocumentNode, name: string | null | undefined) {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const op = name ? operations.find((o) => o.name?.value === name) : operations[0];
  return operations.length === 1 || name ? op : undefined;
}

/**
 * The statement answering this request, or null: the executor answers it (UNSUPPORTED: it
 * answers every request of this document). Throws nothing of its own: bad arguments (a cursor,
 * a page size, an id) also leave the request to the executor.
 */
export async function compileRead(
  schema: GraphQLSchema,
  db: Kysely<Database>,
  document: DocumentNode,
  operationName: string | null | undefined,
  variableValues: Record<string, unknown> | null | undefined,
): Promise<CompiledRead | typeof UNSUPPORTED | null> {
  const op = operationOf(document, operationName);
  const query = schema.getQueryType();
  if (op?.operation !== 'query' || !query) return UNSUPPORTED;
  const fragments: Fragments = {};
  for (const d of document.definitions) {
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
  }
  const roots = fieldsOf(schema, op.selectionSet, 'Query', fragments);
  if (!roots || roots.size === 0) return UNSUPPORTED;
  if ([...roots.values()].some((n) => !ROOTS.has(n.name.value))) return UNSUPPORTED;
  const coerced = getVariableValues(schema, op.variableDefinitions ?? [], variableValues ?? {});
  if (!('variableValues' in coerced) || !coerced.variableValues) return null;
  const r: Request = {
    scope: { schema, fragments },
    query,
    variables: coerced.variableValues,
    db,
    found: [],
  };
  const built: [string, Json][] = [];
  try {
    for (const [key, node] of roots) {
      const name = node.name.value;
      const json =
        name === 'flows'
          ? await flowsRoot(r, node)
          : name === 'node'
            ? nodeRoot(r, node)
            : name === '__typename'
              ? sql`'Query'::text`
              : null;
      // a field it does not know: so with any variables (bad arguments throw instead)
      if (!json) return UNSUPPORTED;
      built.push([key, json]);
    }
  } catch {
    return null;
  }
  const statement = object(built);
  const found = r.found.length ? sql`array[${sql.join(r.found)}]` : sql`array[]::boolean[]`;
  return statement ? { statement, found } : UNSUPPORTED;
}
