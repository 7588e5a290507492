import { type Client, type Exchange, makeOperation, type Operation } from '@urql/core';
import { pipe, tap } from 'wonka';
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
 * once per burst, `wait` ms after the first event, since an import announces many. Returns the
 * unsubscribe function.
 */
export function refreshOnFlowRecorded(client: Client, refresh: () => void, wait = 500) {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const { unsubscribe } = client.subscription(FlowRecorded, {}).subscribe(() => {
    timer ??= setTimeout(() => {
      timer = null;
      refresh();
    }, wait);
  });
  return () => {
    if (timer) clearTimeout(timer);
    unsubscribe();
  };
}
