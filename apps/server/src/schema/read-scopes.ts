import {
  type ExecutionArgs,
  type GraphQLField,
  getArgumentValues,
  getNamedType,
  getOperationAST,
  getVariableValues,
  isLeafType,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from 'graphql';

/**
 * What an answer reads, as the scopes of data_scopes (a table's name; `flows:<year>` for the
 * flows of one year, `flows` for flows of any year), so the response cache keeps it while other
 * data is written. Known for the fields listed here; an answer with any other field is read as
 * depending on everything (null), which is always safe. A leaf field (a scalar or an enum) reads
 * nothing more than its parent did, on the row types listed below, whose leaves are columns of
 * their row or computed from it (checked field by field); on other types a leaf may query, so it
 * counts as unknown.
 */
type Args = Record<string, unknown>;
type Scopes = (args: Args) => string[];

const flowYears = (filter: unknown) => {
  const year = (filter as { year?: unknown } | null | undefined)?.year;
  return typeof year === 'number' ? [`flows:${year}`] : ['flows'];
};
/** What a FlowFilter's checks read: actor and program ids, region codes (and actors' regions). */
const FILTER_TABLES = ['actors', 'programs', 'regions'];
const none: Scopes = () => [];

const FIELDS: Record<string, Scopes> = {
  'Query.totals': (a) => [...flowYears(a.filter), ...FILTER_TABLES, 'flow_overlaps'],
  'Query.flows': (a) => [...flowYears(a.filter), ...FILTER_TABLES],
  'TotalRow.program': () => ['programs'],
  'TotalRow.source': () => ['actors'],
  'TotalRow.target': () => ['actors'],
  'TotalRow.region': () => ['regions'],
  'Flow.source': () => ['actors'],
  'Flow.target': () => ['actors'],
  'Flow.program': () => ['programs'],
  'Flow.citations': () => ['citations'],
  'Citation.document': () => ['documents'],
  'Actor.region': () => ['regions'],
  'FlowConnection.edges': none,
  'FlowEdge.node': none,
  // counts the rows of the parent's own filter: the parent's scopes
  'FlowConnection.totalCount': none,
};

/** Types whose values are computed from their parent's row alone. */
const VALUE_TYPES = new Set(['Money', 'PageInfo']);
/** Types whose leaf fields are columns of their row or computed from it. */
const ROW_TYPES = new Set([
  'Actor',
  'Citation',
  'Document',
  'Flow',
  'Money',
  'MoneyTotals',
  'PageInfo',
  'Program',
  'Region',
  'TotalRow',
]);

function fieldScopes(
  parent: string,
  field: GraphQLField<unknown, unknown>,
  args: () => Args,
): string[] | null {
  if (field.name.startsWith('__')) return [];
  const known = FIELDS[`${parent}.${field.name}`];
  if (known) return known(args());
  const type = getNamedType(field.type);
  if (isLeafType(type)) return ROW_TYPES.has(parent) ? [] : null;
  return VALUE_TYPES.has(type.name) ? [] : null;
}

/** The scopes an operation's answer depends on, or null when not all are known. */
export function readScopes(execution: ExecutionArgs): string[] | null {
  const operation = getOperationAST(execution.document, execution.operationName ?? undefined);
  if (operation?.operation !== 'query') return null;
  const coerced = getVariableValues(
    execution.schema,
    operation.variableDefinitions ?? [],
    execution.variableValues ?? {},
  );
  if (coerced.errors) return null;
  const variables = coerced.variableValues;
  const typeInfo = new TypeInfo(execution.schema);
  const scopes = new Set<string>();
  let known = true;
  const fragments = execution.document.definitions.filter((d) => d.kind === 'FragmentDefinition');
  const visitor = visitWithTypeInfo(typeInfo, {
    Field(node) {
      const parent = typeInfo.getParentType();
      const field = typeInfo.getFieldDef();
      if (!parent || !field) {
        known = false;
        return;
      }
      let found: string[] | null;
      try {
        found = fieldScopes(parent.name, field, () => getArgumentValues(field, node, variables));
      } catch {
        found = null; // arguments it cannot read: unknown, so depending on everything
      }
      if (found === null) known = false;
      else for (const s of found) scopes.add(s);
    },
  });
  // Every fragment of the document is read, used or not: a superset of the scopes is safe.
  for (const definition of [operation, ...fragments]) {
    if (known) visit(definition, visitor);
  }
  return known ? [...scopes].sort() : null;
}
