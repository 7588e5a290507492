import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin, { decodeGlobalID } from '@pothos/plugin-relay';
import { GraphQLError } from 'graphql';
import type { Context } from './context.js';
import { InputError } from './errors.js';
import { LIMITS } from './limits.js';

/** The types `node(id)` can answer; any other global id is refused with a typed error. */
const NODE_TYPES = new Set([
  'Actor',
  'Document',
  'Flow',
  'Observation',
  'Pairing',
  'Program',
  'Region',
]);

export const builder = new SchemaBuilder<{
  Context: Context;
  Scalars: {
    Decimal: { Input: string; Output: string };
    ID: { Input: string; Output: string | number };
  };
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
}>({
  plugins: [ComplexityPlugin, ErrorsPlugin, RelayPlugin, DataloaderPlugin],
  // Lists multiply what they select; connections by their `first` (see connectionOf).
  complexity: {
    defaultComplexity: 1,
    defaultListMultiplier: 10,
    limit: { complexity: LIMITS.complexity, depth: LIMITS.depth, breadth: 300 },
    complexityError: (kind, result) => {
      const key = kind.toLowerCase() as 'complexity' | 'depth' | 'breadth';
      const max = result[`max${kind}` as 'maxComplexity'];
      return new GraphQLError(`The query's ${key} is ${result[key]}; at most ${max} is allowed.`, {
        extensions: { code: 'QUERY_TOO_COMPLEX' },
      });
    },
  },
  defaultFieldNullability: false,
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    edgesFieldOptions: { nullable: false, complexity: { field: 0, multiplier: 1 } },
    nodeFieldOptions: { nullable: false },
    nodesQueryOptions: false,
    decodeGlobalID: (globalID: string) => {
      try {
        const decoded = decodeGlobalID(globalID);
        if (NODE_TYPES.has(decoded.typename)) return decoded;
      } catch {}
      throw new InputError(`"${globalID.slice(0, 60)}" is not an id of this API`, 'id');
    },
  },
  errors: { defaultTypes: [] },
});
