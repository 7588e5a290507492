import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { defaultYear, type YearRow } from '../overview/default-year';
import {
  OVERVIEW_GROUPS,
  OVERVIEW_KINDS,
  overviewFlowsVariables,
  PREFETCH_GLOBAL,
  type PrefetchedName,
  prefetchKey,
  prefetchScript,
} from './prefetch-script';

const NAMES: PrefetchedName[] = [
  'Overview',
  'OverviewFlows',
  'Years',
  'FlowPage',
  'DocumentText',
  'ActorPage',
  'ActorFlows',
  'Place',
  'PlaceShared',
  'Trace',
];
const script = prefetchScript(
  Object.fromEntries(NAMES.map((n) => [n, `query ${n} { __typename }`])) as Record<
    PrefetchedName,
    string
  >,
  { largest: OVERVIEW_GROUPS, trace: 200 },
);

/** Runs the inline script at `url` (the Overview answer given): the keys it prefetched. */
async function prefetched(url: string, overview: YearRow[] = []): Promise<string[]> {
  const { pathname, search } = new URL(url, 'http://localhost');
  const answers: Record<string, unknown> = { Overview: { data: { totals: overview } } };
  const window: Record<string, unknown> = {
    location: { pathname, search },
    URLSearchParams,
    localStorage: { getItem: () => null },
    document: { createElement: () => ({}), head: { appendChild: () => undefined } },
    fetch: (_url: string, init: { body: string }) => {
      const name = JSON.parse(init.body).operationName as string;
      return Promise.resolve({ json: () => Promise.resolve(answers[name] ?? { data: null }) });
    },
  };
  window.window = window;
  runInNewContext(script, window);
  await new Promise((resolve) => setTimeout(resolve, 0));
  return Object.keys(window[PREFETCH_GLOBAL] as object);
}

describe('the inline prefetch script', () => {
  it('asks for the overview of the kind of money drawn, as the page asks', async () => {
    for (const kind of OVERVIEW_KINDS) {
      const keys = await prefetched(`/?year=2017&money=${kind}`);
      expect(keys).toContain(
        prefetchKey('OverviewFlows', overviewFlowsVariables(2017, kind, OVERVIEW_GROUPS)),
      );
    }
    const unknown = await prefetched('/?money=bogus&year=2015');
    expect(unknown).toContain(
      prefetchKey('OverviewFlows', overviewFlowsVariables(2015, 'publicMoney', OVERVIEW_GROUPS)),
    );
  });

  it('with no year, asks for the year the page will show, once the Overview answer is in', async () => {
    const row = (year: number | null, flowCount: number, value: string): YearRow => ({
      year,
      flowCount,
      publicMoney: { value },
    });
    const answers = [
      [row(2016, 3, '5'), row(2018, 2, '0'), row(null, 5, '9')],
      [row(2014, 1, '0'), row(2015, 4, '0')],
      [row(2019, 0, '7'), row(2017, 2, '1.5')],
    ];
    for (const rows of answers) {
      const year = defaultYear(rows) as number;
      const keys = await prefetched('/?money=planned', rows);
      expect(keys).toEqual([
        prefetchKey('Overview', {}),
        prefetchKey('OverviewFlows', overviewFlowsVariables(year, 'planned', OVERVIEW_GROUPS)),
      ]);
    }
    expect(await prefetched('/', [])).toEqual([prefetchKey('Overview', {})]);
  });

  it('matches routes as wouter does: any case, an optional trailing slash', async () => {
    expect(await prefetched('/FLOWS/abc/')).toEqual([prefetchKey('FlowPage', { id: 'abc' })]);
    expect(await prefetched('/Documents/d1')).toEqual([prefetchKey('DocumentText', { id: 'd1' })]);
    expect(await prefetched('/documents/NEW/')).toEqual([]);
    // wouter decodes the path and the query once before matching: so does the script
    expect(await prefetched('/documents/%6Eew')).toEqual([]);
    expect(await prefetched('/actors/QWN0b3I6Mw%3D%3D')).toContain(
      prefetchKey('ActorPage', { id: 'QWN0b3I6Mw==', year: null }),
    );
    expect(await prefetched('/?year=2017&money=%256CoanPrincipal')).toContain(
      prefetchKey('OverviewFlows', overviewFlowsVariables(2017, 'loanPrincipal', OVERVIEW_GROUPS)),
    );
    expect(await prefetched('/documents/d1/curate')).toEqual([]);
    const place = await prefetched('/places/');
    expect(place).toContain(prefetchKey('Place', { code: '150000', year: null }));
  });
});
