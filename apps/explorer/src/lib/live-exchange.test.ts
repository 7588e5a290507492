import { Client, cacheExchange, fetchExchange, gql } from '@urql/core';
import { describe, expect, it, vi } from 'vitest';
import { liveExchange, refreshOnFlowRecorded } from './live-exchange';

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
    exchanges: [live.exchange, cacheExchange, fetchExchange],
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

  it('refreshes a query that a page opened again from the cache', async () => {
    const { client, fetch, refresh } = setup();
    const first = client.query(Query, {}).subscribe(() => {});
    await settle();
    first.unsubscribe();
    const seen: number[] = [];
    const { unsubscribe } = client.query(Query, {}).subscribe((r) => {
      seen.push(r.data.totals[0].flowCount);
    });
    await settle();
    expect(fetch).toHaveBeenCalledTimes(1);
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

/** A client whose subscriptions go over `fetch` (SSE), as the explorer's do. */
const sseClient = (fetch: typeof globalThis.fetch) =>
  new Client({
    url: 'http://x/graphql',
    exchanges: [fetchExchange],
    fetchSubscriptions: true,
    fetch,
  });

describe('refreshOnFlowRecorded', () => {
  it('refreshes once per burst of events, and subscribes again when the stream ends', async () => {
    let streams = 0;
    // Each subscription gets two events at once, then the server goes away (the stream ends).
    const fetch = vi.fn(async () => {
      streams++;
      const event = (id: string) =>
        `event: next\ndata: ${JSON.stringify({ data: { flowRecorded: { __typename: 'Flow', id } } })}\n\n`;
      return new Response(`${event('a')}${event('b')}event: complete\ndata:\n\n`, {
        headers: { 'content-type': 'text/event-stream' },
      });
    });
    const client = sseClient(fetch);
    const refresh = vi.fn();
    const stop = refreshOnFlowRecorded(client, refresh, { wait: 10, retryMs: 300 });
    // Waits, not fixed sleeps: the margins hold on a loaded machine too.
    await vi.waitFor(() => expect(refresh).toHaveBeenCalledTimes(1), { timeout: 2000 });
    expect(streams).toBe(1); // two events of one stream, one refresh
    await vi.waitFor(
      () => {
        expect(streams).toBeGreaterThanOrEqual(2);
        expect(refresh.mock.calls.length).toBeGreaterThanOrEqual(2);
      },
      { timeout: 3000 },
    );
    stop();
    const after = streams;
    await new Promise((r) => setTimeout(r, 700));
    expect(streams).toBe(after);
  });

  it('refreshes nothing when the server answers with errors', async () => {
    let streams = 0;
    const fetch = vi.fn(async () => {
      streams++;
      const failure = { errors: [{ message: 'canceling statement due to statement timeout' }] };
      return new Response(JSON.stringify(failure), {
        headers: { 'content-type': 'application/json' },
      });
    });
    const client = sseClient(fetch);
    const refresh = vi.fn();
    const stop = refreshOnFlowRecorded(client, refresh, { wait: 10, retryMs: 100 });
    await vi.waitFor(() => expect(streams).toBeGreaterThanOrEqual(1), { timeout: 3000 });
    // long enough for a refresh `wait` after the error, and for a retry after `retryMs`
    await new Promise((r) => setTimeout(r, 400));
    stop();
    expect(refresh).not.toHaveBeenCalled();
  });
});
