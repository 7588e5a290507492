import { Client, cacheExchange, fetchExchange, gql } from '@urql/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { prefetchExchange } from './prefetch-exchange';
import { PREFETCH_GLOBAL, PREFETCHED_AT, prefetchKey } from './prefetch-script';

const Query = gql`
  query OverviewFlows($filter: FlowFilter!) {
    totals(groupBy: [SOURCE], filter: $filter) {
      flowCount
    }
  }
`;

afterEach(() => {
  delete (globalThis as Record<string, unknown>)[PREFETCH_GLOBAL];
  delete (globalThis as Record<string, unknown>)[PREFETCHED_AT];
});

function client(fetch: typeof globalThis.fetch) {
  return new Client({
    url: 'http://x/graphql',
    exchanges: [cacheExchange, prefetchExchange, fetchExchange],
    fetch,
  });
}

describe('prefetchExchange', () => {
  const variables = { filter: { year: 2017, unit: 'CNY' } };

  it('answers from the inline script’s request, once, and never fetches it again', async () => {
    const body = { data: { totals: [{ __typename: 'TotalRow', flowCount: 12 }] } };
    (globalThis as Record<string, unknown>)[PREFETCH_GLOBAL] = {
      [prefetchKey('OverviewFlows', variables)]: Promise.resolve(body),
    };
    const fetch = vi.fn();
    const result = await client(fetch).query(Query, variables).toPromise();
    expect(result.data?.totals[0].flowCount).toBe(12);
    expect(fetch).not.toHaveBeenCalled();
    expect((globalThis as unknown as Record<string, unknown>)[PREFETCH_GLOBAL]).toEqual({});
  });

  it('does not answer with what the page prefetched when it opened, ten seconds on', async () => {
    const stale = { data: { totals: [{ __typename: 'TotalRow', flowCount: 12 }] } };
    const globals = globalThis as Record<string, unknown>;
    globals[PREFETCH_GLOBAL] = {
      [prefetchKey('OverviewFlows', variables)]: Promise.resolve(stale),
    };
    globals[PREFETCHED_AT] = Date.now() - 11_000;
    const fetch = vi.fn(
      async () =>
        new Response(JSON.stringify({ data: { totals: [] } }), {
          headers: { 'content-type': 'application/json' },
        }),
    );
    const result = await client(fetch as unknown as typeof globalThis.fetch)
      .query(Query, variables)
      .toPromise();
    expect(result.data?.totals).toEqual([]);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('passes other operations to the network', async () => {
    const fetch = vi.fn(
      async () =>
        new Response(JSON.stringify({ data: { totals: [] } }), {
          headers: { 'content-type': 'application/json' },
        }),
    );
    const result = await client(fetch as unknown as typeof globalThis.fetch)
      .query(Query, { filter: { year: 2016, unit: 'CNY' } })
      .toPromise();
    expect(result.data?.totals).toEqual([]);
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
