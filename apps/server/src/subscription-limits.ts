import type { IncomingMessage } from 'node:http';
import { complexityFromQuery } from '@pothos/plugin-complexity';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { LIMITS } from './limits.js';
import { clientIp } from './rate-limit.js';

export interface SubscriptionLimits {
  /** Open subscriptions one client (IP) may hold at once. */
  perClient: number;
  /** Open subscriptions this server holds at once, all clients together. */
  total: number;
  /** Behind a proxy: the client is the last X-Forwarded-For entry (as for rate limits). */
  trustProxy?: boolean;
}

export const DEFAULT_SUBSCRIPTION_LIMITS: SubscriptionLimits = { perClient: 5, total: 200 };

function refusal(message: string, code = 'TOO_MANY_SUBSCRIPTIONS', status = 429) {
  return { errors: [new GraphQLError(message, { extensions: { code, http: { status } } })] };
}

/**
 * Caps open subscriptions per client and in total: each one runs its selection once per event,
 * so their number multiplies every write. A refused subscription gets TOO_MANY_SUBSCRIPTIONS;
 * one whose selection costs more than a query may, QUERY_TOO_COMPLEX.
 */
export function subscriptionLimitPlugin(limits: SubscriptionLimits): Plugin {
  const open = new Map<string, number>();
  let total = 0;
  const release = (client: string) => {
    total--;
    const left = (open.get(client) ?? 1) - 1;
    if (left > 0) open.set(client, left);
    else open.delete(client);
  };
  return {
    onSubscribe({ args, setResultAndStopExecution }) {
      // Priced before it opens, as a query is (Pothos checks subscriptions only per event).
      const { complexity } = complexityFromQuery(args.document, {
        schema: args.schema,
        ctx: args.contextValue,
        variables: args.variableValues ?? {},
      });
      if (complexity > LIMITS.complexity) {
        return void setResultAndStopExecution(
          refusal(
            `The subscription's complexity is ${complexity}; at most ${LIMITS.complexity} is allowed.`,
            'QUERY_TOO_COMPLEX',
            400,
          ),
        );
      }
      const context = args.contextValue as { request: Request; req?: IncomingMessage };
      const client = clientIp(context.request, context.req, limits.trustProxy ?? false);
      if (total >= limits.total) {
        return void setResultAndStopExecution(
          refusal(`This server holds ${limits.total} subscriptions, its most; retry later.`),
        );
      }
      if ((open.get(client) ?? 0) >= limits.perClient) {
        return void setResultAndStopExecution(
          refusal(`At most ${limits.perClient} open subscriptions per client.`),
        );
      }
      total++;
      open.set(client, (open.get(client) ?? 0) + 1);
      let released = false;
      const once = () => {
        if (!released) release(client);
        released = true;
      };
      return {
        onSubscribeError: once,
        onSubscribeResult: ({ result }) => {
          if (!(Symbol.asyncIterator in result)) return once();
          return { onEnd: once };
        },
      };
    },
  };
}
