import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import ValidationPlugin from '@pothos/plugin-validation';
import { GraphQLError } from 'graphql';
import type { Context } from './context.js';
import { type FieldPath, InputError, ValidationError } from './domain/errors.js';
import { decodeGlobalId, encodeGlobalId } from './domain/records/global-id.js';
import { NODE_TYPENAMES, type NodeTypename } from './domain/records/record-types.js';
import { AuthError } from './graphql-errors.js';
import { LIMITS } from './limits.js';

/** The refusal for a request without the scope: no usable token, or a token without it. */
export function authError(ctx: Context, scope = 'write'): AuthError {
  const { credentials } = ctx;
  if (credentials.problem)
    return new AuthError('UNAUTHENTICATED', `Not authenticated: ${credentials.problem}.`);
  if (credentials.author === null) {
    return new AuthError('UNAUTHENTICATED', `Writes need a bearer token with the ${scope} scope.`);
  }
  return new AuthError('FORBIDDEN', `The token of ${credentials.author} lacks the ${scope} scope.`);
}

export const builder = new SchemaBuilder<{
  Context: Context;
  AuthScopes: { write: boolean };
  Scalars: {
    Decimal: { Input: string; Output: string };
    ID: { Input: string; Output: string | number };
    JSON: { Input: unknown; Output: unknown };
    File: { Input: File; Output: never };
  };
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
}>({
  // Scope-auth first: plugins wrap resolvers in reverse order, so its check runs outermost.
  plugins: [
    ScopeAuthPlugin,
    ErrorsPlugin,
    ValidationPlugin,
    ComplexityPlugin,
    RelayPlugin,
    DataloaderPlugin,
  ],
  scopeAuth: {
    authScopes: (ctx) => ({ write: ctx.credentials.scopes.has('write') }),
    unauthorizedError: (_parent, ctx) => authError(ctx),
  },
  validation: {
    // Pothos validates arguments before any resolver wrapper runs, scope-auth's included. Only
    // writes carry validated inputs, so a caller who may not write is told that, and never sees
    // how their input would have been judged.
    validationError: (failure, _args, ctx) => {
      if (!ctx.credentials.scopes.has('write')) throw authError(ctx);
      return new ValidationError(
        failure.issues.map((issue) => ({
          path: (issue.path ?? []).map((p) =>
            typeof p === 'object' ? (p.key as string | number) : (p as string | number),
          ) as FieldPath,
          message: issue.message,
        })),
      );
    },
  },
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
    // The types `node(id)` can answer; any other global id is refused with a typed error.
    encodeGlobalID: (typename, id) => encodeGlobalId(typename as NodeTypename, String(id)),
    decodeGlobalID: (globalID: string) => {
      try {
        const decoded = decodeGlobalId(globalID, NODE_TYPENAMES);
        return { typename: decoded.typename, id: String(decoded.id) };
      } catch {}
      throw new InputError(`"${globalID.slice(0, 60)}" is not an id of this API`, 'id');
    },
  },
  // Validation failures become the ValidationError member of a write's result union.
  errors: { defaultTypes: [], unsafelyHandleInputErrors: true },
});
