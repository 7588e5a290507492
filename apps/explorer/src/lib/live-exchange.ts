import { type Client, type Exchange, makeOperation, type Operation } from '@urql/core';
import { onEnd, pipe, subscribe, tap } from 'wonka';
import { graphql } from '../gql';

/**
 * Keeps what is on screen current: the exchange tracks the active queries, and `refresh()` asks
 * the server again for each of them (network-only), so every open view redraws with new data.
 */
export function liveExchange(): { exchange: Exchange; refresh: () => void } {
  const active = new Map<number, Operation>();
  let client: Client | null = null;
  const exchange: Exchange = ({ forward, client: owner }) => {
    client = owner;
    return (ops$) =>
      forward(
        pipe(
          ops$,
          tap((op) => {
            if (op.kind === 'query') active.set(op.key, op);
            else if (op.kind === 'teardown') active.delete(op.key);
          }),
        ),
      );
  };
  const refresh = () => {
    for (const op of [...active.values()]) {
      client?.reexecuteOperation(
        makeOperation('query', op, { ...op.context, requestPolicy: 'network-only' }),
      );
    }
  };
  return { exchange, refresh };
}

const FlowRecorded = graphql(`
  subscription FlowRecorded {
    flowRecorded {
      id
    }
  }
`);

/**
 * Refreshes the open views when the server announces a recorded or imported flow (over SSE):
 * once per burst, `wait` ms after the first event, since an import announces many. When the
 * stream ends (a server restart, a dropped connection) it subscribes again after `retryMs`, and
 * refreshes then for what changed meanwhile. An answer with errors announces nothing: while the
 * server fails, the views keep their error and its retry button instead of reloading every few
 * seconds, and a stream that failed refreshes nothing when it is opened again. Returns the
 * function that stops it.
 */
export function refreshOnFlowRecorded(
  client: Client,
  refresh: () => void,
  { wait = 500, retryMs = 3000 } = {},
) {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let current: { unsubscribe: () => void } | null = null;
  const soon = () => {
    timer ??= setTimeout(() => {
      timer = null;
      refresh();
    }, wait);
  };
  const open = () => {
    let failed = false;
    current = pipe(
      client.subscription(FlowRecorded, {}),
      onEnd(() => {
        if (stopped) return;
        retry = setTimeout(() => {
          if (!failed) soon();
          open();
        }, retryMs);
      }),
      subscribe((result) => {
        if (result.error) failed = true;
        else soon();
      }),
    );
  };
  open();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    clearTimeout(retry);
    current?.unsubscribe();
  };
}
