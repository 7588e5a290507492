// Every kind of explorer page, each first asked of a freshly started server on the national data
// set (DATABASE_URL, loaded by `pnpm bench:generate`; read only), timed in Chromium from the
// navigation to the page being ready: its content shown, no "Loading…" left, no error. Each
// page gets a new server, asked once it has loaded its in-memory flows (as /readyz reports):
// nothing that answers the page is cached, in the server or in the browser. The page opens in a
// tab that is already on the site (E2E_TAB=new: in a new tab, as before). Builds
// nothing: run `pnpm build` first. Fails when a page is not ready within E2E_PAGE_BUDGET_MS
// (1,000 ms by default) or shows an error; prints a table and writes the figures to
// bench/results/explorer-national.json (-one-server, -new-tab as the modes say).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, ROOT, startServer } from './harness.mjs';

const DATABASE_URL = process.env.DATABASE_URL;
if (!DATABASE_URL) throw new Error('DATABASE_URL: the national data set (pnpm bench:generate)');
const BUDGET_MS = Number(process.env.E2E_PAGE_BUDGET_MS ?? 1000);
/** How long a page may take before it counts as never ready (its time is then this). */
const GIVE_UP_MS = 30_000;
/** How long a started server may take to load its in-memory flows (/readyz says when). */
const LOAD_MS = 180_000;

async function gql(url, query, variables = {}) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** Waits until the server has loaded its in-memory flows. */
async function loaded(url) {
  for (const deadline = Date.now() + LOAD_MS; Date.now() < deadline; ) {
    const state = await (await fetch(`${url}/readyz`)).json();
    if (state.flowGraph !== 'loading' && state.flowGraph !== 'none') return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server did not load its flows in ${LOAD_MS} ms`);
}

/** The records the pages show: the treasury, the busiest county government, a document. */
async function subjects(url) {
  const treasury = await gql(url, '{ search(text: "内蒙古自治区本级财政") { actor { id } } }');
  const county = await gql(
    url,
    '{ search(text: "固阳县人民政府") { actor { id region { code } } } }',
  );
  const docs = await gql(url, '{ documents(first: 1) { edges { node { id } } } }');
  const first = (hits) => hits.find((h) => h.actor)?.actor;
  const flow = await gql(
    url,
    'query($s: ID!) { flows(first: 1, filter: { sourceId: $s, year: 2017 }) { edges { node { id } } } }',
    { s: first(treasury.search).id },
  );
  return {
    treasury: first(treasury.search).id,
    county: first(county.search),
    document: docs.documents.edges[0].node.id,
    flow: flow.flows.edges[0].node.id,
  };
}

/** [name, path, the selector that shows the page's content] */
function pages(s) {
  const id = encodeURIComponent;
  const years = [2014, 2015, 2016, 2017, 2018, 2019];
  return [
    ...years.map((y) => [`overview ${y}`, `/?year=${y}`, 'svg[role="img"] [data-node-id]']),
    ['overview, all years', '/', 'svg[role="img"] [data-node-id]'],
    ['trace, county 2017', `/trace/${id(s.county.id)}?year=2017`, 'svg[role="img"] [data-node-id]'],
    [
      'trace, treasury 2017',
      `/trace/${id(s.treasury)}?year=2017`,
      'svg[role="img"] [data-node-id]',
    ],
    ['place, the region 2017', '/places/150000?year=2017', 'table.boundary'],
    ['place, a county 2017', `/places/${s.county.region.code}?year=2017`, 'table.boundary'],
    ['actor, the treasury', `/actors/${id(s.treasury)}`, '.flow-table tbody tr'],
    ['actor, a county', `/actors/${id(s.county.id)}`, '.flow-table tbody tr'],
    ['document', `/documents/${id(s.document)}`, '.doc-text .mark'],
    ['flow', `/flows/${id(s.flow)}`, '[data-amount]'],
  ];
}

const NEW_TAB = process.env.E2E_TAB === 'new';

/** Milliseconds from navigation start to ready, or an error that says what the page showed. */
async function timePage(browser, url, selector) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    // A tab already on the site (its /healthz, which loads no code and no data): a new tab's
    // renderer process starts in 300-400 ms of CPU, which on this machine is taken from the
    // server's two cores, not from the reader's. E2E_TAB=new times the page in a new tab.
    if (!NEW_TAB) await page.goto(new URL('/healthz', url).href);
    await page.goto(url);
    await page.waitForFunction(
      (sel) =>
        document.querySelector(sel) &&
        !document.querySelector('[role="status"].status') &&
        !document.querySelector('[role="alert"]'),
      selector,
      { timeout: GIVE_UP_MS, polling: 10 },
    );
    const ms = await page.evaluate(() => performance.now());
    if (errors.length) throw new Error(errors.join('; '));
    return Math.round(ms);
  } catch (error) {
    const shown = await page
      .locator('main')
      .textContent()
      .catch(() => '');
    throw new Error(`${String(error.message).split('\n')[0]} (shows: ${shown.slice(0, 160)})`);
  } finally {
    await context.close();
  }
}

/**
 * E2E_SERVERS=one: every page on one server started with RESPONSE_CACHE=off, so that each page
 * is still the first ask of its data but the server's code has run before (a server that has
 * been up a while); the default gives each page a new server.
 */
const ONE = process.env.E2E_SERVERS === 'one';
const start = async () => {
  const server = await startServer({ databaseUrl: DATABASE_URL });
  await loaded(server.url).catch(async (error) => {
    await server.stop();
    throw error;
  });
  return server;
};

const browser = await launchBrowser();
const rows = [];
try {
  if (ONE) process.env.RESPONSE_CACHE = 'off';
  const shared = ONE ? await start() : null;
  const probe = shared ?? (await startServer({ databaseUrl: DATABASE_URL }));
  const list = pages(await subjects(probe.url).finally(() => shared || probe.stop()));
  for (const [name, path, selector] of list) {
    const server = shared ?? (await start());
    try {
      const ms = await timePage(browser, `${server.url}${path}`, selector);
      rows.push({ name, path, ms, ok: ms <= BUDGET_MS });
    } catch (error) {
      rows.push({ name, path, ms: null, ok: false, error: error.message });
    } finally {
      if (!shared) await server.stop();
    }
    const row = rows.at(-1);
    console.log(
      `${row.ok ? '✓' : '✗'} ${name}: ${row.ms ?? '–'} ms${row.error ? ` ${row.error}` : ''}`,
    );
  }
  await shared?.stop();
} finally {
  await browser.close();
}
const failed = rows.filter((r) => !r.ok);
writeFileSync(
  join(
    ROOT,
    `bench/results/explorer-national${ONE ? '-one-server' : ''}${NEW_TAB ? '-new-tab' : ''}.json`,
  ),
  `${JSON.stringify({ at: new Date().toISOString(), servers: ONE ? 'one, RESPONSE_CACHE=off' : 'one per page', tab: NEW_TAB ? 'new' : 'on the site', budgetMs: BUDGET_MS, rows }, null, 2)}\n`,
);
console.log(`${rows.length - failed.length} ready within ${BUDGET_MS} ms, ${failed.length} not`);
process.exitCode = failed.length ? 1 : 0;
