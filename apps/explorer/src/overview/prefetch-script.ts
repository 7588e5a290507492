/**
 * The overview's queries, started by an inline <script> in index.html while the JavaScript
 * bundle is still downloading; `prefetchExchange` hands their answers to urql. Variables must
 * match overview.tsx and overview-sankey.tsx (keys in the same order).
 */
export const PREFETCH_GLOBAL = '__fundtracePrefetch';

/** The overview's groups of flows drawn apart (`totals(largest:)`); the rest are one row. */
export const OVERVIEW_GROUPS = 2000;

/** The key an operation is prefetched under: its name and its variables as JSON. */
export const prefetchKey = (name: string, variables: unknown) =>
  `${name} ${JSON.stringify(variables ?? {})}`;

/** ES2015 source of the inline script, given the printed documents urql would send. */
export function prefetchScript(overview: string, overviewFlows: string, largest: number): string {
  return `(function () {
  if (location.pathname !== '/' || !window.fetch) return;
  var prefetched = (window[${JSON.stringify(PREFETCH_GLOBAL)}] = {});
  function run(name, query, variables) {
    prefetched[name + ' ' + JSON.stringify(variables)] = fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query: query, operationName: name, variables: variables }),
    }).then(function (response) { return response.json(); });
  }
  run('Overview', ${JSON.stringify(overview)}, {});
  var year = new URLSearchParams(location.search).get('year');
  if (year && /^[0-9]{1,6}$/.test(year)) {
    run('OverviewFlows', ${JSON.stringify(overviewFlows)}, { filter: { year: Number(year), unit: 'CNY' }, largest: ${largest} });
  }
})();`;
}
