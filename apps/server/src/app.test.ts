import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { readConfig } from './config.js';
import { CSRF_HEADER } from './hardening.js';
import { createLogger } from './observability/logger.js';

// The real HTTP server on PGlite in memory, its JSON log lines captured.
const lines: Record<string, unknown>[] = [];
const logger = createLogger('debug', { write: (line: string) => lines.push(JSON.parse(line)) });
const METRICS_TOKEN = 'metrics-token-for-the-test';
const app = await createApp(
  readConfig({
    PGLITE_DIR: 'memory://',
    METRICS_TOKEN,
    METRICS_OPERATIONS: 'MetricsProbe,MetricsError,CacheProbe',
  }),
  logger,
);
await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
afterAll(async () => {
  await new Promise((resolve) => app.server.close(resolve));
  await app.close();
});

const scrape = () =>
  fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });

const gql = (query: string, variables: object, headers: Record<string, string> = {}) =>
  fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });

/** The access log line of a request, once its response has closed. */
async function logOf(reqId: string) {
  for (let i = 0; i < 50; i++) {
    const line = lines.find((l) => l.reqId === reqId && l.msg?.toString().startsWith('request'));
    if (line) return line;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no log line for ${reqId}`);
}

describe('request ids and the access log', () => {
  it('echoes a caller id, logs the operation name and never the variables', async () => {
    const response = await gql(
      'query FindSecret($text: String!) { search(text: $text) { name } }',
      { text: 'secret-variable-value' },
      { 'x-request-id': 'caller-id-1' },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('caller-id-1');
    const line = await logOf('caller-id-1');
    expect(line).toMatchObject({
      level: 30,
      method: 'POST',
      path: '/graphql',
      status: 200,
      operationName: 'FindSecret',
      operationType: 'query',
    });
    expect(typeof line.ms).toBe('number');
    expect(JSON.stringify(lines)).not.toContain('secret-variable-value');
  });

  it('makes an id when the caller sends none or an unusable one', async () => {
    const cases: Record<string, string>[] = [{}, { 'x-request-id': `long-${'x'.repeat(200)}` }];
    for (const headers of cases) {
      const response = await gql('{ programs { edges { node { id } } } }', {}, headers);
      expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('logs the path without the query string (a GET carries variables there)', async () => {
    const query = encodeURIComponent('query Q($t: String!) { search(text: $t) { name } }');
    const variables = encodeURIComponent(JSON.stringify({ t: 'secret-in-url' }));
    const response = await fetch(`${base}/graphql?query=${query}&variables=${variables}`, {
      headers: { [CSRF_HEADER]: '1' },
    });
    expect(response.status).toBe(200);
    const line = await logOf(response.headers.get('x-request-id') ?? '');
    expect(line.path).toBe('/graphql');
    expect(JSON.stringify(lines)).not.toContain('secret-in-url');
  });
});

describe('/metrics and /readyz', () => {
  it('counts requests, latency and errors by operation, with process metrics', async () => {
    await gql('query MetricsProbe { programs { edges { node { id } } } }', {});
    await gql('query MetricsError { node(id: "xyz") { id } }', {});
    const text = await (await scrape()).text();
    expect(text).toMatch(/graphql_envelop_request\{[^}]*operationName="MetricsProbe"/);
    expect(text).toMatch(/graphql_yoga_http_duration_bucket\{[^}]*operationName="MetricsProbe"/);
    expect(text).toMatch(/graphql_envelop_error_result\{[^}]*operationName="MetricsError"/);
    expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
    expect(text).not.toMatch(/url="/);
  });

  it('counts response cache hits, misses and bypasses', async () => {
    const read = async () => {
      const text = await (await scrape()).text();
      const value = (result: string) =>
        Number(
          text.match(
            new RegExp(`^fundtrace_response_cache_total\\{result="${result}"\\} (\\d+)`, 'm'),
          )?.[1] ?? 0,
        );
      return { hit: value('hit'), miss: value('miss'), bypass: value('bypass') };
    };
    const before = await read();
    const query = 'query CacheProbe { programs { edges { node { id nameEn } } } }';
    await gql(query, {});
    await gql(query, {});
    await gql(query, {}, { authorization: 'Bearer nonsense' });
    // A write is no read: not counted, token or not.
    await gql(
      'mutation { createActor(input: { name: "x", kind: OTHER }) { __typename } }',
      {},
      {
        authorization: 'Bearer nonsense',
      },
    );
    const after = await read();
    expect(after.miss - before.miss).toBe(1);
    expect(after.hit - before.hit).toBe(1);
    expect(after.bypass - before.bypass).toBe(1);
  });

  it('answers /metrics only with METRICS_TOKEN', async () => {
    for (const headers of [{}, { authorization: 'Bearer wrong' }] as Record<string, string>[]) {
      const response = await fetch(`${base}/metrics`, { headers });
      expect(response.status).toBe(401);
      expect(await response.text()).not.toContain('process_');
    }
    expect((await scrape()).status).toBe(200);
  });

  it('labels only known operation names: invented ones count as "unknown"', async () => {
    for (let i = 0; i < 30; i++)
      await gql(`query Junk${i} { region(code: "150000") { name } }`, {});
    await gql('query MetricsProbe { region(code: "150000") { name } }', {});
    const text = await (await scrape()).text();
    expect(text).not.toMatch(/operationName="Junk/);
    expect(text).toMatch(/graphql_envelop_request\{[^}]*operationName="unknown"/);
    expect(text).toMatch(/graphql_envelop_request\{[^}]*operationName="MetricsProbe"/);
  });

  it('reports the database as up, and the in-memory flows once loaded', async () => {
    const response = await fetch(`${base}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ready', database: 'up' });
    for (let tries = 0; tries < 100; tries++) {
      const state = await (await fetch(`${base}/readyz`)).json();
      if (state.flowGraph === 'loaded') return expect(state.flows).toBeGreaterThan(0);
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the in-memory flows were not loaded in 10 s');
  });
});

describe('subscriptions and the request deadline', () => {
  it('keeps a subscription open past REQUEST_TIMEOUT_MS whatever its Accept, and ends it at shutdown', async () => {
    const short = await createApp(
      readConfig({ PGLITE_DIR: 'memory://', REQUEST_TIMEOUT_MS: '400' }),
    );
    await new Promise<void>((resolve) => short.server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (short.server.address() as AddressInfo).port;
      // curl's default Accept: Yoga answers with an event stream all the same.
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: '*/*' },
        body: JSON.stringify({ query: 'subscription { flowRecorded { id } }' }),
      });
      expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
      // Proxies are told not to hold events back.
      expect(response.headers.get('x-accel-buffering')).toBe('no');
      let ended = false;
      const body = response.text().finally(() => {
        ended = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(ended).toBe(false);
      // Tracked as a stream: shutdown ends it.
      short.endStreams();
      await body.catch(() => {});
      expect(ended).toBe(true);
    } finally {
      await new Promise((resolve) => short.server.close(resolve));
      await short.close();
    }
  }, 60_000); // it starts a second server of its own, seed included
});
