// Each page's first queries start from index.html while the bundle loads (prefetch-script.ts),
// and the page uses those answers: no operation is asked twice.
import { graphqlRequest } from './harness.mjs';

/**
 * The operation names of a page load's GraphQL queries, in the order sent (not the live-updates
 * subscription, which the page opens as soon as it runs, whenever the answers come).
 */
function operationsOf(page) {
  const names = [];
  page.on('request', (request) => {
    const sent = graphqlRequest(request);
    if (sent && !/^\s*subscription\b/.test(sent.query)) names.push(sent.operationName || '?');
  });
  return names;
}

/** In the page: the operations whose fetch was called from index.html's inline script. */
function recordInlineFetches() {
  const fetch = window.fetch;
  window.__inlineAsked = [];
  window.fetch = function (...args) {
    const init = args[1];
    const caller = (new Error().stack ?? '').split('\n')[2] ?? '';
    if (typeof init?.body === 'string' && !caller.includes('/assets/')) {
      window.__inlineAsked.push(JSON.parse(init.body).operationName);
    }
    return fetch.apply(this, args);
  };
}

export async function prefetchChecks({ server, withPage, gql, assert, treasuryFlow }) {
  const { documents } = await gql(server.url, '{ documents(first: 1) { edges { node { id } } } }');
  const actor = encodeURIComponent(treasuryFlow.source.id);
  const pages = [
    [
      `/actors/${actor}?status=COMMITTED`,
      '.flow-table tbody tr',
      ['ActorPage', 'Years', 'ActorFlows'],
    ],
    [`/flows/${encodeURIComponent(treasuryFlow.id)}`, '[data-amount]', ['FlowPage']],
    // wouter's routes match in any case and with a trailing slash: so does the script
    [`/FLOWS/${encodeURIComponent(treasuryFlow.id)}/`, '[data-amount]', ['FlowPage']],
    [
      `/documents/${encodeURIComponent(documents.edges[0].node.id)}`,
      '.doc-text .mark',
      ['DocumentText'],
    ],
    ['/places/150000?year=2017', 'table.boundary', ['Place', 'Years', 'PlaceShared']],
    [`/trace/${actor}?year=2017&lang=en`, 'svg[role="img"] [data-node-id]', ['Trace']],
    ['/?year=2017', 'svg[role="img"] [data-node-id]', ['Overview', 'OverviewFlows']],
    // no year: the latest with public money, asked as soon as the Overview answer is in
    ['/', 'svg[role="img"] [data-node-id]', ['Overview', 'OverviewFlows']],
    // only the kind of money drawn is asked for: the script reads it from the URL as the page does
    [
      '/?year=2017&money=loanPrincipal',
      'svg[role="img"] [data-node-id]',
      ['Overview', 'OverviewFlows'],
    ],
  ];
  for (const [path, ready, prefetched] of pages) {
    await withPage(
      `${path.split('?')[0].split('/')[1] || 'overview'} page${path.includes('money=') ? ' of loans' : path === '/' ? ' of the latest year' : ''}: its first queries start from index.html, each asked once`,
      async (page) => {
        const asked = operationsOf(page);
        await page.addInitScript(recordInlineFetches);
        await page.goto(`${server.url}${path}`);
        await page.locator(ready).first().waitFor();
        // the page's later queries (none expected again) have time to go out; a live update
        // keeps a connection open, so the network is never idle
        await page.waitForTimeout(500);
        for (const name of prefetched) {
          const times = asked.filter((n) => n === name).length;
          assert(times === 1, `${name} was asked ${times} times: ${asked.join(', ')}`);
        }
        // asked by the inline script itself (its frames are in the page, not in /assets/)
        const inline = await page.evaluate(() => window.__inlineAsked);
        for (const name of prefetched) {
          assert(inline.includes(name), `${name} was not asked by index.html: ${inline.join()}`);
        }
        const first = asked.slice(0, prefetched.length).sort();
        assert(
          JSON.stringify(first) === JSON.stringify([...prefetched].sort()),
          `the first requests were not the prefetched ones: ${asked.join(', ')}`,
        );
      },
    );
  }
}
