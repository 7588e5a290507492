import type { FieldNode, GraphQLSchema } from 'graphql';
import { type RawBuilder, sql } from 'kysely';
import { type Fields, type Fragments, fieldsOf } from './selection.js';

/**
 * The JSON the database builds for an object of the API from its row, field by field, as the
 * executor would answer it: the same values in the same order. Every builder returns null for
 * a field it does not know (the request then goes to the executor).
 */
export type Json = RawBuilder<unknown>;

export interface Scope {
  schema: GraphQLSchema;
  fragments: Fragments;
}

/** json_build_object takes at most 100 arguments: 50 fields. */
const MAX_FIELDS = 50;

export function object(entries: [string, Json][]): Json | null {
  if (entries.length > MAX_FIELDS) return null;
  // response names are GraphQL names ([_A-Za-z][_0-9A-Za-z]*): nothing to escape
  return sql`json_build_object(${sql.join(entries.map(([k, v]) => sql`${sql.lit(k)}, ${v}`))})`;
}

/** Builds each asked field with `field` (null: not compiled), `__typename` as `typename`. */
export function fieldsJson(
  fields: Fields | null,
  typename: string,
  field: (name: string, node: FieldNode) => Json | null,
): Json | null {
  if (!fields) return null;
  const entries: [string, Json][] = [];
  for (const [key, node] of fields) {
    const name = node.name.value;
    const value = name === '__typename' ? sql`${sql.lit(typename)}::text` : field(name, node);
    if (value === null) return null;
    entries.push([key, value]);
  }
  return object(entries);
}

/** A node's global id (domain/records/global-id.ts): base64 of "Type:id". */
export const globalId = (typename: string, id: Json) =>
  sql`encode(convert_to(${sql.lit(`${typename}:`)} || ${id}, 'UTF8'), 'base64')`;

/** Columns exposed as they are, by field name. */
type Columns = Record<string, Json>;

function rowJson(scope: Scope, node: FieldNode, typename: string, c: Columns) {
  const fields = fieldsOf(scope.schema, node.selectionSet, typename, scope.fragments);
  return fieldsJson(fields, typename, (name) => c[name] ?? null);
}

/** Records read by id: their table, and the columns their plain fields show as they are. */
const RECORDS = {
  Actor: { table: 'actors', columns: { name: 'name', nameEn: 'name_en', kind: 'kind' } },
  Program: { table: 'programs', columns: { key: 'key', name: 'name', nameEn: 'name_en' } },
  Document: { table: 'documents', columns: { title: 'title', titleEn: 'title_en' } },
} as const;

type RecordType = keyof typeof RECORDS;

/** A record's plain fields (its global id among them) from its row under `alias`. */
export function recordColumns(typename: RecordType, alias: string): Columns {
  const columns: Columns = { id: globalId(typename, sql.ref(`${alias}.id`)) };
  for (const [field, column] of Object.entries(RECORDS[typename].columns)) {
    columns[field] = sql.ref(`${alias}.${column}`);
  }
  return columns;
}

/** The record of type `typename` whose id is `id`, as its own fields would answer. */
export function recordJson(scope: Scope, node: FieldNode, typename: RecordType, id: Json) {
  const json = rowJson(scope, node, typename, recordColumns(typename, 'r'));
  const table = sql.table(RECORDS[typename].table);
  return json && sql`(select ${json} from ${table} r where r.id = ${id})`;
}

/** A flow's citations (citationsOf): by start offset, then id. */
export function citationsJson(scope: Scope, node: FieldNode, flowId: Json) {
  const fields = fieldsOf(scope.schema, node.selectionSet, 'Citation', scope.fragments);
  const json = fieldsJson(fields, 'Citation', (name, field) => {
    if (name === 'document') return recordJson(scope, field, 'Document', sql`c.document_id`);
    return (
      ({ quote: sql`c.quote`, start: sql`c.start_offset`, end: sql`c.end_offset` } as Columns)[
        name
      ] ?? null
    );
  });
  return (
    json &&
    sql`coalesce((select json_agg(${json} order by c.start_offset, c.id) from citations c
      where c.flow_id = ${flowId}), '[]'::json)`
  );
}

/** A decimal column as Decimal's toFixed() writes it: no trailing zeros, no exponent. */
const decimal = (column: Json) => sql`trim_scale(${column})::text`;

/** Money of a flow (alias f): shownBounds's low and high, Money's currency. */
export function moneyJson(scope: Scope, node: FieldNode): Json | null {
  return rowJson(scope, node, 'Money', {
    value: decimal(sql`f.amount`),
    low: decimal(
      sql`case when f.qualifier = 'AT_LEAST' then coalesce(f.low, f.amount) else f.low end`,
    ),
    high: decimal(sql`case when f.qualifier = 'AT_MOST' then f.amount else f.high end`),
    qualifier: sql`f.qualifier`,
    unit: sql`f.unit`,
    currency: sql`case when f.unit = 'CNY' then 'CNY' else 'XXX' end`,
  });
}

/** A flow (alias f): the fields of schema/flow.ts that read its row and its relations. */
export function flowJson(scope: Scope, node: FieldNode): Json | null {
  const fields = fieldsOf(scope.schema, node.selectionSet, 'Flow', scope.fragments);
  const columns: Columns = {
    id: globalId('Flow', sql`f.id`),
    year: sql`f.year`,
    status: sql`f.status`,
    instrument: sql`f.instrument`,
    note: sql`f.note`,
    noteZh: sql`f.note_zh`,
  };
  return fieldsJson(fields, 'Flow', (name, field) => {
    if (name === 'amount') return moneyJson(scope, field);
    if (name === 'source') return recordJson(scope, field, 'Actor', sql`f.source_id`);
    if (name === 'target') return recordJson(scope, field, 'Actor', sql`f.target_id`);
    if (name === 'program') return recordJson(scope, field, 'Program', sql`f.program_id`);
    if (name === 'citations') return citationsJson(scope, field, sql`f.id`);
    return columns[name] ?? null;
  });
}
