import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { type ExecutionResult, GraphQLError } from 'graphql';
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
    answerSize,
    ...(blockFieldSuggestions ? [hideSuggestions] : []),
  ];
}

type Result = ExecutionResult & { stringify?: () => string };

/** The answer, serialised once (the response sends this text), or a typed error when too large. */
function sized(result: Result): Result {
  if (result.stringify) return result;
  const json = JSON.stringify(result);
  // Errors are cleaned of suggestions as the result leaves (hideSuggestions): not kept as text.
  if (json.length <= LIMITS.answerCharacters) {
    return result.errors?.length ? result : { ...result, stringify: () => json };
  }
  return {
    errors: [
      new GraphQLError(
        `The answer has ${json.length} characters; at most ${LIMITS.answerCharacters} are sent. Ask for fewer fields or smaller pages.`,
        { extensions: { code: 'ANSWER_TOO_LARGE' } },
      ),
    ],
  };
}

/** Caps what one answer, or one event of a subscription, may send. */
const answerSize: Plugin = {
  onExecute: () => ({
    onExecuteDone: ({ result, setResult }) => {
      if (!(Symbol.asyncIterator in result)) return setResult(sized(result));
      return { onNext: ({ result: event, setResult: setEvent }) => setEvent(sized(event)) };
    },
  }),
  onSubscribe: () => ({
    onSubscribeResult: ({ result, setResult }) => {
      if (!(Symbol.asyncIterator in result)) return setResult(sized(result));
      return { onNext: ({ result: event, setResult: setEvent }) => setEvent(sized(event)) };
    },
  }),
};

const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/**
 * "Did you mean …?" tells a stranger the schema's names when introspection is off. Validation
 * makes them, and so does execution while it coerces variables (`{"f":{"statu":"X"}}`): every
 * error of every result is cleaned as it leaves, whatever phase made it.
 */
const hideSuggestions: Plugin = {
  onResultProcess({ result }) {
    // A stream (subscription) carries resolver results only: nothing to clean there.
    if (Symbol.asyncIterator in result) return;
    for (const one of Array.isArray(result) ? result : [result]) {
      for (const error of one.errors ?? []) {
        (error as { message: string }).message = error.message.replace(SUGGESTION, '');
      }
    }
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
