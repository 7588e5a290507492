import { type Exchange, makeErrorResult, makeResult, type Operation } from '@urql/core';
import { filter, fromPromise, map, merge, mergeMap, pipe, share } from 'wonka';
import { PREFETCH_GLOBAL, PREFETCHED_AT, prefetchKey } from './prefetch-script';

type Prefetched = Record<string, Promise<unknown> | undefined>;

const store = (): Prefetched =>
  ((globalThis as Record<string, unknown>)[PREFETCH_GLOBAL] as Prefetched | undefined) ?? {};

/**
 * How long after the page's navigation a prefetched answer may be used: a page asks for its
 * data as it first renders; a later request for the same data (navigating back to it) must not
 * get the answer of when the page was opened.
 */
const FRESH_MS = 10_000;

function take(op: Operation): Promise<unknown> | undefined {
  if (op.kind !== 'query') return undefined;
  const started = (globalThis as Record<string, unknown>)[PREFETCHED_AT];
  if (typeof started === 'number' && Date.now() - started > FRESH_MS) {
    (globalThis as Record<string, unknown>)[PREFETCH_GLOBAL] = {};
    return undefined;
  }
  const name = op.query.definitions.find((d) => d.kind === 'OperationDefinition')?.name?.value;
  if (!name) return undefined;
  const key = prefetchKey(name, op.variables);
  const all = store();
  const found = all[key];
  // Used once: a later request for the same data (a refetch) goes to the network.
  delete all[key];
  return found;
}

/**
 * Answers a query with the response of the same request started by index.html's inline script
 * (see prefetch-script.ts), so a page's data is on its way before the bundle has loaded.
 * Sits between the cache and fetch exchanges; everything else passes through.
 */
export const prefetchExchange: Exchange = ({ forward }) => {
  return (ops$) => {
    const taken = new Map<number, Promise<unknown>>();
    const shared = pipe(ops$, share);
    const prefetched = pipe(
      shared,
      filter((op) => {
        const promise = take(op);
        if (promise) taken.set(op.key, promise);
        return promise !== undefined;
      }),
      mergeMap((op) =>
        pipe(
          fromPromise(
            (taken.get(op.key) as Promise<unknown>).then(
              (body) => makeResult(op, body as Parameters<typeof makeResult>[1]),
              (error: Error) => makeErrorResult(op, error),
            ),
          ),
          map((result) => {
            taken.delete(op.key);
            return result;
          }),
        ),
      ),
    );
    const rest = forward(
      pipe(
        shared,
        filter((op) => !taken.has(op.key)),
      ),
    );
    return merge([prefetched, rest]);
  };
};
