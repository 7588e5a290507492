import type { ReactNode } from 'react';
import type { CombinedError } from 'urql';
import { Empty, QueryState, type Refetch } from './status';

/**
 * A page that lists what one query found: its heading, the query's loading or error state, a line
 * when the answer holds nothing, then the list.
 */
export function ListPage(props: {
  className: string;
  heading: ReactNode;
  lede?: ReactNode;
  fetching: boolean;
  error: CombinedError | undefined;
  /** How many the answer holds; undefined until it comes. */
  count: number | undefined;
  none: ReactNode;
  refetch: Refetch;
  children: ReactNode;
}) {
  return (
    <article className={props.className}>
      <header className="view-header">
        <h1>{props.heading}</h1>
        {props.lede ? <p className="lede">{props.lede}</p> : null}
      </header>
      <QueryState
        fetching={props.fetching}
        error={props.error}
        hasData={props.count !== undefined}
        refetch={props.refetch}
      />
      {props.count === 0 ? <Empty>{props.none}</Empty> : null}
      {props.children}
    </article>
  );
}
