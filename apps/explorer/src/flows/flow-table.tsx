import { Link } from 'wouter';
import { type Column, SortableTable } from '../components/sortable-table';
import { displayName, type Locale } from '../display-name';
import { citationHref } from '../documents/citation-href';
import { type ExportFilter, flowsExportHref } from '../lib/export-link';
import { translate } from '../lib/i18n';
import { enumLabel } from '../lib/labels';
import { full, toAmount } from '../lib/money';
import { idPath, useHref, useParams, useSetParams } from '../lib/url-state';
import type { FlowRow } from './flow-rows';

/**
 * Flows with status, instrument, program, year and citation; sortable; planned money marked as
 * not counted; says when the API cut the list; a CSV of every row the table's filter selects.
 */
export function FlowTable(props: {
  caption: string;
  rows: readonly FlowRow[];
  totalCount: number;
  side: 'source' | 'target';
  locale: Locale;
  sortParam: string;
  /** The filter the rows were asked with: the CSV holds every flow it selects. */
  filter: ExportFilter;
  filename: string;
  /** Cursor of the next page (first ≤ 100 per page), kept in the URL under `pageParam`. */
  nextCursor?: string | null;
  pageParam?: string;
}) {
  const params = useParams();
  const setParams = useSetParams();
  const paged = props.pageParam ? params.get(props.pageParam) !== null : false;
  const { locale } = props;
  const href = useHref();
  const columns: Column<FlowRow>[] = [
    {
      key: 'party',
      header: translate(props.side === 'source' ? 'source' : 'target', locale),
      render: (f) => (
        <Link href={href(idPath('/actors', f[props.side].id))}>
          {displayName(f[props.side], locale)}
        </Link>
      ),
      sortValue: (f) => displayName(f[props.side], locale),
    },
    {
      key: 'amount',
      header: translate('amount', locale),
      numeric: true,
      render: (f) => (
        <Link href={href(idPath('/flows', f.id))}>
          {full(f.amount, locale)}
          {f.status === 'PLANNED' ? (
            <span className="badge">{translate('planned', locale)}</span>
          ) : null}
        </Link>
      ),
      sortValue: (f) => toAmount(f.amount).value,
    },
    {
      key: 'year',
      header: translate('year', locale),
      render: (f) => f.year,
      sortValue: (f) => f.year,
    },
    {
      key: 'status',
      header: translate('status', locale),
      render: (f) => enumLabel(f.status, locale),
      sortValue: (f) => f.status,
    },
    {
      key: 'instrument',
      header: translate('instrument', locale),
      render: (f) => enumLabel(f.instrument, locale),
      sortValue: (f) => f.instrument,
    },
    {
      key: 'program',
      header: translate('program', locale),
      render: (f) => (f.program ? displayName(f.program, locale) : '—'),
      sortValue: (f) => (f.program ? displayName(f.program, locale) : null),
    },
    {
      key: 'citation',
      header: translate('citations', locale),
      render: (f) =>
        f.citations.slice(0, 1).map((c) => (
          <Link key={c.start} href={href(citationHref(c))} className="citation-link">
            “{c.quote}”
          </Link>
        )),
    },
  ];
  if (props.rows.length === 0) {
    return (
      <section className="flow-table">
        <h3 className="caption">{props.caption}</h3>
        <p className="status empty">{translate('noneRecorded', locale)}</p>
      </section>
    );
  }
  return (
    <section className="flow-table">
      <SortableTable
        caption={props.caption}
        columns={columns}
        rows={props.rows}
        rowKey={(f) => f.id}
        sortParam={props.sortParam}
        defaultSort="-amount"
      />
      {props.totalCount > props.rows.length ? (
        <p className="note truncation" role="note">
          {translate(paged ? 'pageOf' : 'truncated', locale, {
            n: props.rows.length,
            total: props.totalCount,
          })}{' '}
          {paged && props.pageParam ? (
            <button type="button" onClick={() => setParams({ [props.pageParam as string]: null })}>
              {translate('firstPage', locale)}
            </button>
          ) : null}{' '}
          {props.nextCursor && props.pageParam ? (
            <button
              type="button"
              onClick={() => setParams({ [props.pageParam as string]: props.nextCursor })}
            >
              {translate('nextPage', locale)}
            </button>
          ) : null}
        </p>
      ) : null}
      {props.rows.length > 0 ? (
        <a
          className="button"
          href={flowsExportHref(props.filter)}
          download={props.filename}
          rel="nofollow"
        >
          {translate('downloadCsv', locale)} ({props.totalCount})
        </a>
      ) : null}
    </section>
  );
}
