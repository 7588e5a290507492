import { lazy, Suspense, useEffect } from 'react';
import { Route, Switch, useLocation } from 'wouter';
import { ErrorBoundary } from './components/error-boundary';
import { Header } from './components/header';
import { Loading, NotFound } from './components/status';
import { translate } from './lib/i18n';
import { useLang } from './lib/url-state';
import { Overview } from './overview/overview';

// Views other than the landing page load on demand, to keep the first download small.
const TraceView = lazy(() => import('./trace/trace-view'));
const DocumentView = lazy(() => import('./documents/document-view'));
const DocumentList = lazy(() => import('./documents/document-list'));
const ActorPage = lazy(() => import('./actors/actor-page'));
const FlowPage = lazy(() => import('./flows/flow-page'));
const PlacePage = lazy(() => import('./places/place-page'));
const SearchPage = lazy(() => import('./search/search-page'));
const SankeyBench = lazy(() => import('./bench/sankey-bench'));

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
              <Route path="/" component={Overview} />
              <Route path="/search" component={SearchPage} />
              <Route path="/trace/:id" component={TraceView} />
              <Route path="/documents" component={DocumentList} />
              <Route path="/documents/:id" component={DocumentView} />
              <Route path="/actors/:id" component={ActorPage} />
              <Route path="/flows/:id" component={FlowPage} />
              <Route path="/places" component={PlacePage} />
              <Route path="/places/:code" component={PlacePage} />
              <Route path="/_bench/sankey" component={SankeyBench} />
              <Route component={NotFound} />
            </Switch>
          </Suspense>
        </ErrorBoundary>
      </main>
    </>
  );
}
