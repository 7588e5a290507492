import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { LIMITS } from './limits.js';

/**
 * graphql-armor throws from inside validation by default, which graphql 17 does not turn into
 * a validation error (Yoga would mask it as a 500): report the refusal as a validation error.
 */
const reported = {
  propagateOnRejection: false,
  onReject: [
    // armor's types name its own graphql copy's ValidationContext: keep to what we use of it
    (ctx: { reportError(error: unknown): void } | null, error: unknown) => {
      ctx?.reportError(error);
    },
  ],
};

/**
 * Limits checked before execution: document size, depth, aliases, directives, tokens and cost
 * (graphql-armor). Each refusal is a typed error with a code, never a 500.
 */
export function queryLimitPlugins(blockFieldSuggestions: boolean): Plugin[] {
  return [
    EnvelopArmorPlugin({
      maxDepth: { ...reported, n: LIMITS.depth },
      maxAliases: { ...reported, n: LIMITS.aliases },
      maxDirectives: { ...reported, n: LIMITS.directives },
      maxTokens: { ...reported, n: LIMITS.tokens },
      // Cost is the Pothos complexity plugin's job (builder.ts): it multiplies by `first`.
      costLimit: { enabled: false },
      // Its check is `instanceof` its own graphql copy, never graphql 17's errors: see below.
      blockFieldSuggestion: { enabled: false },
    }) as Plugin,
    requestGuard,
    ...(blockFieldSuggestions ? [hideSuggestions] : []),
  ];
}

/** "Did you mean …?" tells a stranger the schema's names when introspection is off. */
const hideSuggestions: Plugin = {
  onValidate:
    () =>
    ({ valid, result, setResult }) => {
      if (valid) return;
      setResult(
        result.map((error) => {
          error.message = error.message.replace(/\s*Did you mean .+\?$/, '');
          return error;
        }),
      );
    },
};

/** Refuses oversized documents, and NUL characters (PostgreSQL text cannot hold them) anywhere. */
const requestGuard: Plugin = {
  onParams({ params }) {
    const query = params.query ?? '';
    if (query.length > LIMITS.characters) {
      throw new GraphQLError(
        `The document has ${query.length} characters; at most ${LIMITS.characters} are allowed.`,
        {
          extensions: { code: 'DOCUMENT_TOO_LARGE', http: { status: 400 } },
        },
      );
    }
    // A raw NUL, or one written as an escape in a string literal of the document or the variables.
    const hasNul = (text: string) =>
      text.includes(String.fromCharCode(0)) || text.includes('\\u0000');
    if (hasNul(query) || hasNul(JSON.stringify(params.variables ?? {}))) {
      throw new GraphQLError('Text may not contain NUL characters.', {
        extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
      });
    }
  },
};
