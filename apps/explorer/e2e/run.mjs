// End-to-end checks of the built explorer in headless Chromium, against the built server on the
// seed data set (in-memory PGlite on a free port). Builds nothing: run `pnpm build` first.
// Screenshots go to apps/explorer/artifacts/ (not committed). Ends with "N passed, M failed".
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { curateChecks } from './curate.mjs';
import { launchBrowser, ROOT, startServer } from './harness.mjs';
import { loadChecks } from './load.mjs';
import { overlapChecks } from './overlap.mjs';
import { overviewChecks } from './overview.mjs';
import { pageChecks } from './pages.mjs';
import { prefetchChecks } from './prefetch.mjs';
import { readerChecks, searchChecks } from './reader.mjs';
import { screenChecks } from './screens.mjs';
import { traceAndDocumentChecks } from './trace-documents.mjs';
import { truthChecks } from './truth.mjs';

const ARTIFACTS = join(ROOT, 'apps/explorer/artifacts');
const TTI_BUDGET_MS = Number(process.env.E2E_TTI_BUDGET_MS ?? 1000);
// Fresh each run, so no screenshot of an earlier failure lingers.
rmSync(ARTIFACTS, { recursive: true, force: true });
mkdirSync(ARTIFACTS, { recursive: true });

const results = [];
const metrics = {};

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

async function gql(url, query, variables = {}, token = null) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const server = await startServer();
const browser = await launchBrowser();
const errors = [];
// Every Content-Security-Policy violation any page reports (the server sends a strict policy).
const cspViolations = [];

// E2E_ONLY=words runs only the checks whose name contains them (while iterating).
const ONLY = process.env.E2E_ONLY;

async function withPage(name, fn, contextOptions = {}) {
  if (ONLY && !name.includes(ONLY)) return;
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    ...contextOptions,
  });
  await context.exposeFunction('__reportCspViolation', (v) => cspViolations.push(`${name}: ${v}`));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__reportCspViolation(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`),
    );
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`${name}: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${name}: console: ${m.text()}`);
  });
  const started = Date.now();
  try {
    await fn(page);
    results.push({ name, ok: true, ms: Date.now() - started });
    console.log(`✓ ${name} (${Date.now() - started} ms)`);
  } catch (e) {
    results.push({ name, ok: false, error: e });
    console.log(
      `✗ ${name}\n  ${String(e?.stack ?? e)
        .split('\n')
        .slice(0, 6)
        .join('\n  ')}`,
    );
    await page
      .screenshot({
        path: join(ARTIFACTS, `failed-${name.replace(/\W+/g, '-')}.png`),
        fullPage: true,
      })
      .catch(() => {});
  } finally {
    await context.close();
  }
}

const shot = (page, name) =>
  page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

try {
  const ids = await gql(
    server.url,
    `{ flows(filter: { year: 2017 }, first: 100) { edges { node { id amount { value } source { id name } target { id } } } }
    }`,
  );
  const treasuryFlow = ids.flows.edges
    .map((e) => e.node)
    .find((f) => f.amount.value === '4880000000');
  assert(treasuryFlow, 'the seed has no 48.8亿 flow in 2017');
  const t = { server, withPage, gql, shot, assert, metrics, treasuryFlow, TTI_BUDGET_MS };
  await loadChecks(t);
  await overviewChecks(t);
  await traceAndDocumentChecks(t);
  await prefetchChecks(t);
  await pageChecks(t);
  await readerChecks(t);
  await searchChecks(t);
  await truthChecks(t);
  await screenChecks(t);
  await overlapChecks(t);
  await withPage(
    'the explorer runs under its Content-Security-Policy, no violation reported',
    async () => {
      const policy = (await fetch(`${server.url}/`)).headers.get('content-security-policy') ?? '';
      assert(/script-src 'self'/.test(policy), `no script policy on /: ${policy}`);
      assert(!/unsafe-inline|unsafe-eval/.test(policy), `the policy allows inline code: ${policy}`);
      assert(cspViolations.length === 0, `CSP violations:\n  ${cspViolations.join('\n  ')}`);
    },
  );
  await curateChecks(t);
} finally {
  await browser.close();
  await server.stop();
}

if (errors.length > 0) {
  console.log(`browser errors:\n  ${errors.join('\n  ')}`);
}
console.log(`metrics: ${JSON.stringify(metrics)}`);
const failed = results.filter((r) => !r.ok).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed > 0 || errors.length > 0 ? 1 : 0);
