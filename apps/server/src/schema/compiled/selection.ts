import {
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  isObjectType,
  Kind,
  type SelectionSetNode,
} from 'graphql';

/** The fields asked of one object, by response name, in the order GraphQL answers them. */
export type Fields = Map<string, FieldNode>;

export type Fragments = Record<string, FragmentDefinitionNode>;

/** The type names a fragment on an object of `typename` applies to: the type, its interfaces. */
function conditionsOf(schema: GraphQLSchema, typename: string): Set<string> {
  const type = schema.getType(typename);
  const names = new Set([typename]);
  if (isObjectType(type)) for (const i of type.getInterfaces()) names.add(i.name);
  return names;
}

const plain = (field: FieldNode) =>
  !field.selectionSet && (field.arguments?.length ?? 0) === 0 && !field.directives?.length;

/**
 * The fields a selection set asks of an object of `typename`, merged across fragments as the
 * executor merges them; null where the compiled path leaves the request to the executor: a
 * directive (@include, @skip), or one response name asked twice unless both are the same plain
 * field (`id` in a query and in its fragment).
 */
export function fieldsOf(
  schema: GraphQLSchema,
  set: SelectionSetNode | undefined,
  typename: string,
  fragments: Fragments,
): Fields | null {
  if (!set) return collect(schema, set, typename, fragments);
  // a selection set belongs to one parsed document (which Yoga keeps per query text)
  let byType = collected.get(set);
  if (!byType) {
    byType = new Map();
    collected.set(set, byType);
  }
  if (!byType.has(typename)) byType.set(typename, collect(schema, set, typename, fragments));
  return byType.get(typename) ?? null;
}

const collected = new WeakMap<SelectionSetNode, Map<string, Fields | null>>();

function collect(
  schema: GraphQLSchema,
  set: SelectionSetNode | undefined,
  typename: string,
  fragments: Fragments,
): Fields | null {
  const applies = conditionsOf(schema, typename);
  const fields: Fields = new Map();
  const visit = (s: SelectionSetNode | undefined): boolean => {
    for (const selection of s?.selections ?? []) {
      if (selection.directives?.length) return false;
      if (selection.kind === Kind.FIELD) {
        const name = selection.alias?.value ?? selection.name.value;
        const earlier = fields.get(name);
        if (!earlier) fields.set(name, selection);
        else if (
          !(plain(earlier) && plain(selection) && earlier.name.value === selection.name.value)
        )
          return false;
        continue;
      }
      const fragment =
        selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments[selection.name.value];
      if (!fragment || fragment.directives?.length) return false;
      const on = fragment.typeCondition?.name.value;
      if (on !== undefined && !applies.has(on)) continue;
      if (!visit(fragment.selectionSet)) return false;
    }
    return true;
  };
  return visit(set) ? fields : null;
}
