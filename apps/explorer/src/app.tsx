import { lazy, Suspense, useEffect } from 'react';
import { Route, Switch, useLocation } from 'wouter';
import { ErrorBoundary } from './components/error-boundary';
import { Header } from './components/header';
import { Loading, NotFound } from './components/status';
import { translate } from './lib/i18n';
import { useLang } from './lib/url-state';
import { OverlapsPage } from './overlaps/overlaps-page';
import { Overview } from './overview/overview';
import { SourcesDisagreePage } from './sources/sources-disagree-page';

// Views other than the landing page load on demand, to keep the first download small.
const TraceView = lazy(() => import('./trace/trace-view'));
const DocumentView = lazy(() => import('./documents/document-view'));
const DocumentList = lazy(() => import('./documents/document-list'));
const CurateView = lazy(() => import('./curate/curate-view'));
const AddDocument = lazy(() => import('./curate/add-document'));
const ActorPage = lazy(() => import('./actors/actor-page'));
const FlowPage = lazy(() => import('./flows/flow-page'));
const PlacePage = lazy(() => import('./places/place-page'));
const SearchPage = lazy(() => import('./search/search-page'));

/** The views by path, in the order the switch tries them (the first that matches is shown). */
const ROUTES = [
  ['/', Overview],
  ['/search', SearchPage],
  ['/trace/:id', TraceView],
  ['/documents', DocumentList],
  ['/documents/new', AddDocument],
  ['/documents/:id/curate', CurateView],
  ['/documents/:id', DocumentView],
  ['/actors/:id', ActorPage],
  ['/flows/:id', FlowPage],
  ['/overlaps', OverlapsPage],
  ['/sources-disagree', SourcesDisagreePage],
  ['/places', PlacePage],
  ['/places/:code', PlacePage],
] as const;

export function App() {
  const lang = useLang();
  const [path] = useLocation();
  useEffect(() => {
    document.documentElement.lang = lang === 'EN' ? 'en' : 'zh-Hans';
  }, [lang]);
  return (
    <>
      <Header />
      <main id="main">
        <ErrorBoundary key={path} message={translate('error', lang)}>
          <Suspense fallback={<Loading />}>
            <Switch>
              {ROUTES.map(([path, view]) => (
                <Route key={path} path={path} component={view} />
              ))}
              <Route component={NotFound} />
            </Switch>
          </Suspense>
        </ErrorBoundary>
      </main>
    </>
  );
}
