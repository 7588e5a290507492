/**
 * The first queries of a page, started by an inline <script> in index.html while the JavaScript
 * bundle is still downloading; `prefetchExchange` hands their answers to urql. Each page's
 * variables are built here as its component builds them (same values, keys in the same order):
 * a mismatch only costs a second request, and the e2e suite checks that none is sent.
 */
export const PREFETCH_GLOBAL = '__fundtracePrefetch';
/** When the inline script started them (Date.now()): older answers are not used. */
export const PREFETCHED_AT = '__fundtracePrefetchedAt';

/** The overview's groups of flows drawn apart (`totals(largest:)`); the rest are one row. */
export const OVERVIEW_GROUPS = 2000;

/** The kinds of money the overview draws (`?money=`), the first by default. */
export const OVERVIEW_KINDS = ['publicMoney', 'loanPrincipal', 'leveraged', 'planned'] as const;
export type OverviewKind = (typeof OVERVIEW_KINDS)[number];

/** OverviewFlows' variables for a year and the kind drawn (only that kind's totals are asked). */
export function overviewFlowsVariables(year: number, kind: OverviewKind, largest: number) {
  const asked = Object.fromEntries(OVERVIEW_KINDS.map((k) => [k, k === kind]));
  return { filter: { year, unit: 'CNY' }, largest, ...asked } as {
    filter: { year: number; unit: string };
    largest: number;
  } & Record<OverviewKind, boolean>;
}

/** The key an operation is prefetched under: its name and its variables as JSON. */
export const prefetchKey = (name: string, variables: unknown) =>
  `${name} ${JSON.stringify(variables ?? {})}`;

/** The operations a page can start before its code has loaded. */
export type PrefetchedName =
  | 'Overview'
  | 'OverviewFlows'
  | 'Years'
  | 'FlowPage'
  | 'DocumentText'
  | 'ActorPage'
  | 'ActorFlows'
  | 'Place'
  | 'PlaceShared'
  | 'Trace';

/** JSON that cannot end the inline <script> it is written into. */
const inline = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/** The pages whose code loads on demand, and their module under src/. */
export const PAGE_MODULES = {
  actor: 'actors/actor-page.tsx',
  flow: 'flows/flow-page.tsx',
  document: 'documents/document-view.tsx',
  place: 'places/place-page.tsx',
  trace: 'trace/trace-view.tsx',
} as const;
export type Page = keyof typeof PAGE_MODULES;

/**
 * The overview's queries: the year's Sankey, only of the kind of money drawn; with no year asked,
 * of the latest year with public money (overview.tsx), known once the Overview answer is in.
 */
function overviewBranch(largest: number): string {
  return `    run('Overview', {});
    var kinds = ${inline(OVERVIEW_KINDS)};
    var kind = kinds.indexOf(params.get('money')) >= 0 ? params.get('money') : kinds[0];
    var flows = function (y) {
      var variables = { filter: { year: y, unit: 'CNY' }, largest: ${largest} };
      kinds.forEach(function (k) { variables[k] = k === kind; });
      run('OverviewFlows', variables);
    };
    if (year !== null) flows(year);
    // no year asked: the page draws the latest year with public money (overview.tsx), known
    // once the Overview answer is in, well before the bundle has run
    else prefetched['Overview {}'].then(function (body) {
      var rows = ((body.data && body.data.totals) || []).filter(function (r) {
        return r.year !== null && r.flowCount > 0;
      });
      var latest = function (list) {
        return list.length ? Math.max.apply(null, list.map(function (r) { return r.year; })) : null;
      };
      var y = latest(rows.filter(function (r) { return r.publicMoney.value !== '0'; }));
      if (y === null) y = latest(rows);
      if (y !== null) flows(y);
    }, function () {});`;
}

/** The inline script's reading of the URL, as url-state.ts and wouter read it. */
const URL_READING = `  // as wouter reads them: escapes decoded once more (decodeURI) before matching and parsing
  function unescape(s) {
    try { return s.indexOf('%') >= 0 ? decodeURI(s) : s; } catch (e) { return s; }
  }
  var path = unescape(location.pathname);
  var params = new URLSearchParams(unescape(location.search.replace(/^\\?/, '')));
  function int(name) {
    var raw = params.get(name);
    return raw !== null && /^[0-9]{1,6}$/.test(raw) ? Number(raw) : null;
  }
  function decoded(s) {
    try { return decodeURIComponent(s); } catch (e) { return s; }
  }
  function lang() {
    var v = (params.get('lang') || '').toLowerCase();
    if (v !== 'en' && v !== 'zh') {
      try { v = (localStorage.getItem('fundtrace.lang') || '').toLowerCase(); } catch (e) { v = ''; }
    }
    return v === 'en' ? 'EN' : 'ZH';
  }
`;

/**
 * Source of the inline script, given the printed documents urql would send and the files of each
 * page's code (preloaded with the data, not after the bundle has run). It mirrors url-state.ts
 * (an integer parameter, the language, a route's id), wouter's routes (regexparam: any case, an
 * optional trailing slash) and each page's variables.
 */
export function prefetchScript(
  docs: Record<PrefetchedName, string>,
  limits: { largest: number; trace: number },
  files: Partial<Record<Page, string[]>> = {},
): string {
  return `(function () {
  if (!window.fetch) return;
  var docs = ${inline(docs)};
  var files = ${inline(files)};
  function preload(page) {
    (files[page] || []).forEach(function (href) {
      var link = document.createElement('link');
      link.rel = 'modulepreload';
      link.crossOrigin = '';
      link.href = href;
      document.head.appendChild(link);
    });
  }
  var prefetched = (window[${JSON.stringify(PREFETCH_GLOBAL)}] = {});
  window[${JSON.stringify(PREFETCHED_AT)}] = Date.now();
  function run(name, variables) {
    prefetched[name + ' ' + JSON.stringify(variables)] = fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query: docs[name], operationName: name, variables: variables }),
    }).then(function (response) { return response.json(); });
  }
${URL_READING}  var year = int('year');
  var m;
  if (path === '/') {
${overviewBranch(limits.largest)}
  } else if ((m = /^\\/flows\\/([^/]+)\\/?$/i.exec(path))) {
    preload('flow');
    run('FlowPage', { id: decoded(m[1]) });
  } else if ((m = /^\\/documents\\/([^/]+)\\/?$/i.exec(path)) && m[1].toLowerCase() !== 'new') {
    preload('document');
    run('DocumentText', { id: decoded(m[1]) });
  } else if ((m = /^\\/actors\\/([^/]+)\\/?$/i.exec(path))) {
    var id = decoded(m[1]);
    var status = ['PLANNED', 'COMMITTED', 'DISBURSED', 'SPENT'].indexOf(params.get('status')) >= 0 ? params.get('status') : null;
    preload('actor');
    run('ActorPage', { id: id, year: year });
    run('Years', {});
    run('ActorFlows', {
      inflows: { targetId: id, year: year, status: status },
      outflows: { sourceId: id, year: year, status: status },
      inAfter: params.get('inAfter'),
      outAfter: params.get('outAfter'),
    });
  } else if ((m = /^\\/places(?:\\/([^/]+))?\\/?$/i.exec(path))) {
    var code = m[1] === undefined ? '150000' : m[1];
    preload('place');
    if (/^[0-9]{6}$/.test(code)) {
      run('Place', { code: code, year: year });
      run('Years', {});
      run('PlaceShared', { code: code, year: year });
    }
  } else if ((m = /^\\/trace\\/([^/]+)\\/?$/i.exec(path))) {
    preload('trace');
    var depth = Math.min(12, Math.max(1, int('depth') === null ? 6 : int('depth')));
    var up = (params.get('direction') || '').toUpperCase() === 'UPSTREAM';
    run('Trace', { from: decoded(m[1]), direction: up ? 'UPSTREAM' : 'DOWNSTREAM', year: year, maxDepth: depth, limit: ${limits.trace}, locale: lang() });
  }
})();`;
}
