import type { CombinedError } from 'urql';
import { translate } from '../lib/i18n';
import { useLang } from '../lib/url-state';

export function Loading() {
  const lang = useLang();
  return (
    <p className="status" role="status" aria-live="polite">
      {translate('loading', lang)}
    </p>
  );
}

export function ErrorState({ error, retry }: { error: CombinedError | Error; retry?: () => void }) {
  const lang = useLang();
  return (
    <div className="status error" role="alert">
      <p>
        {translate('error', lang)}: {error.message}
      </p>
      {retry ? (
        <button type="button" onClick={retry}>
          {translate('retry', lang)}
        </button>
      ) : null}
    </div>
  );
}

export function Empty({ children }: { children: React.ReactNode }) {
  return <p className="status empty">{children}</p>;
}

export function NotFound() {
  const lang = useLang();
  return (
    <div className="status empty">
      <h2>{translate('notFound', lang)}</h2>
      <p>{translate('notFoundHint', lang)}</p>
    </div>
  );
}

/** The usual loading / error / missing triage for a query result. */
export function QueryState(props: {
  fetching: boolean;
  error: CombinedError | undefined;
  hasData: boolean;
  retry?: () => void;
}) {
  if (props.error && !props.hasData) return <ErrorState error={props.error} retry={props.retry} />;
  if (props.fetching && !props.hasData) return <Loading />;
  return null;
}
