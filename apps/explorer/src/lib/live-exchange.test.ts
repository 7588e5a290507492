import { Client, cacheExchange, fetchExchange, gql } from '@urql/core';
import { describe, expect, it, vi } from 'vitest';
import { liveExchange } from './live-exchange';

const Query = gql`
  query Count {
    totals(groupBy: [SOURCE]) {
      flowCount
    }
  }
`;

function setup() {
  let served = 0;
  const fetch = vi.fn(async () => {
    served++;
    const body = { data: { totals: [{ __typename: 'TotalRow', flowCount: served }] } };
    return new Response(JSON.stringify(body), {
      headers: { 'content-type': 'application/json' },
    });
  });
  const live = liveExchange();
  const client = new Client({
    url: 'http://x/graphql',
    exchanges: [cacheExchange, live.exchange, fetchExchange],
    fetch,
  });
  return { client, fetch, refresh: live.refresh };
}

const settle = () => new Promise((r) => setTimeout(r, 20));

describe('liveExchange', () => {
  it('asks the server again for every open query, and the open view gets the new data', async () => {
    const { client, fetch, refresh } = setup();
    const seen: number[] = [];
    const { unsubscribe } = client.query(Query, {}).subscribe((r) => {
      seen.push(r.data.totals[0].flowCount);
    });
    await settle();
    expect(seen).toEqual([1]);
    refresh();
    await settle();
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(seen.at(-1)).toBe(2);
    unsubscribe();
  });

  it('forgets a query nobody watches any more', async () => {
    const { client, fetch, refresh } = setup();
    const { unsubscribe } = client.query(Query, {}).subscribe(() => {});
    await settle();
    unsubscribe();
    refresh();
    await settle();
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
