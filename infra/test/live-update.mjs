#!/usr/bin/env node
// Live updates through a URL (the proxy, in infra/test/smoke.sh): subscribes to flowRecorded
// over server-sent events, records a flow with the admin token, and waits for its event.
// Exit 0 when the event arrives within 10 s; 1 otherwise. Without a stream that passes each
// event on at once (nginx buffers responses unless told not to), it never arrives in time.
//
//   node infra/test/live-update.mjs http://127.0.0.1:PORT/graphql ADMIN_TOKEN
const [url, token] = process.argv.slice(2);
if (!url || !token) {
  console.error('usage: node infra/test/live-update.mjs GRAPHQL_URL ADMIN_TOKEN');
  process.exit(2);
}

async function post(body, headers = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  const result = await response.json();
  if (!response.ok || result.errors?.length) throw new Error(JSON.stringify(result));
  return result.data;
}

const stream = new AbortController();
const deadline = setTimeout(() => {
  console.error('no flowRecorded event within 10 s');
  stream.abort();
  process.exit(1);
}, 10_000);

const subscription = await fetch(url, {
  method: 'POST',
  headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
  body: JSON.stringify({ query: 'subscription { flowRecorded { id } }' }),
  signal: stream.signal,
});
if (!subscription.ok || !subscription.body) {
  console.error(`subscription refused: ${subscription.status}`);
  process.exit(1);
}
const reader = subscription.body.getReader();
// The stream is open once its first bytes (a ping or the headers' flush) arrive.
const events = (async () => {
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) throw new Error('the stream ended');
    text += decoder.decode(value, { stream: true });
    const match = text.match(/"flowRecorded":\{"id":"([^"]+)"/);
    if (match) return match[1];
  }
})();

// Let the subscription reach the server before the write.
await new Promise((resolve) => setTimeout(resolve, 500));
const { actors } = await post({ query: '{ actors(first: 2) { edges { node { id } } } }' });
const [source, target] = actors.edges.map((e) => e.node.id);
const recorded = await post(
  {
    query: `mutation($input: RecordFlowInput!) { recordFlow(input: $input) {
      __typename ... on RecordFlowSuccess { flow { id } } ... on Error { message } } }`,
    variables: {
      input: {
        sourceId: source,
        targetId: target,
        amount: { value: '1' },
        year: 2017,
        status: 'DISBURSED',
        instrument: 'GRANT',
        note: 'live-update smoke check',
      },
    },
  },
  { authorization: `Bearer ${token}` },
);
const id = recorded.recordFlow.flow?.id;
if (!id) {
  console.error(`recordFlow failed: ${JSON.stringify(recorded)}`);
  process.exit(1);
}
const heard = await events;
clearTimeout(deadline);
stream.abort();
if (heard !== id) {
  console.error(`heard flow ${heard}, recorded ${id}`);
  process.exit(1);
}
console.log(`flowRecorded ${id} arrived through ${url}`);
