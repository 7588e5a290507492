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

/** Arguments that name a record: a bad one means the page's record does not exist. */
const ID_ARGUMENTS = new Set(['id', 'from', 'code']);

/** What went wrong, in the reader's words: the server's own text is for developers. */
export function errorKind(error: CombinedError | Error): 'notFound' | 'network' | 'server' {
  if (!('graphQLErrors' in error)) return 'server';
  if (error.networkError) return 'network';
  const badId = error.graphQLErrors.some(
    (e) =>
      e.extensions?.code === 'BAD_USER_INPUT' &&
      ID_ARGUMENTS.has(String(e.extensions?.argument ?? '')),
  );
  return badId ? 'notFound' : 'server';
}

/** The message of a TOO_MUCH_WORK error (the server names what to narrow), if it is one. */
export function tooMuchWork(error: CombinedError | Error): string | null {
  if (!('graphQLErrors' in error)) return null;
  return error.graphQLErrors.find((e) => e.extensions?.code === 'TOO_MUCH_WORK')?.message ?? null;
}

/** How a retry asks: past the cache, whose answer is the one that failed. */
export const FROM_NETWORK = { requestPolicy: 'network-only' } as const;

/** urql's re-execute function (the second item useQuery returns), called with FROM_NETWORK. */
export type Refetch = (context: typeof FROM_NETWORK) => void;

export function ErrorState({
  error,
  refetch,
}: {
  error: CombinedError | Error;
  refetch?: Refetch;
}) {
  const lang = useLang();
  const kind = errorKind(error);
  // Retrying cannot make a missing record appear.
  if (kind === 'notFound') return <NotFound />;
  // Nor a request that asks for too much: the server's message says what to narrow.
  const tooMuch = tooMuchWork(error);
  if (tooMuch) {
    return (
      <div className="status error" role="alert">
        <p>
          {translate('errorTooMuchWork', lang)} <span lang="en">{tooMuch}</span>
        </p>
      </div>
    );
  }
  return (
    <div className="status error" role="alert">
      <p>
        {translate('error', lang)}:{' '}
        {translate(kind === 'network' ? 'errorNetwork' : 'errorServer', lang)}
      </p>
      {refetch ? (
        <button type="button" onClick={() => refetch(FROM_NETWORK)}>
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
    <div className="status empty not-found">
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
  refetch?: Refetch;
}) {
  if (props.error && !props.hasData)
    return <ErrorState error={props.error} refetch={props.refetch} />;
  if (props.fetching && !props.hasData) return <Loading />;
  return null;
}
