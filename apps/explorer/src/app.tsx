import { lazy, Suspense, useEffect } from 'react';
import { Route, Switch } from 'wouter';
import { Header } from './components/header';
import { Loading, NotFound } from './components/status';
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

export function App() {
  const lang = useLang();
  useEffect(() => {
    document.documentElement.lang = lang === 'EN' ? 'en' : 'zh-Hans';
  }, [lang]);
  return (
    <>
      <Header />
      <main id="main">
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
            <Route component={NotFound} />
          </Switch>
        </Suspense>
      </main>
    </>
  );
}
