import { SortableTable } from '../components/sortable-table';
import type { Locale } from '../display-name';
import { type ExportFilter, flowsExportHref } from '../lib/export-link';
import { translate } from '../lib/i18n';
import { useParams, useSetParams } from '../lib/url-state';
import { useFlowColumns } from './flow-columns';
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
  const { locale } = props;
  const columns = useFlowColumns(props.side, locale);
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
        <Truncation
          shown={props.rows.length}
          total={props.totalCount}
          pageParam={props.pageParam}
          nextCursor={props.nextCursor}
          locale={locale}
        />
      ) : null}
      {props.rows.length > 0 ? (
        <a
          className="button"
          href={flowsExportHref(props.filter, locale)}
          download={props.filename}
          rel="nofollow"
        >
          {translate('downloadCsv', locale)} ({props.totalCount})
        </a>
      ) : null}
    </section>
  );
}

/** Says the list is cut (first ≤ 100 a page) and pages through it in the URL. */
function Truncation(props: {
  shown: number;
  total: number;
  pageParam?: string | undefined;
  nextCursor?: string | null | undefined;
  locale: Locale;
}) {
  const params = useParams();
  const setParams = useSetParams();
  const { locale, pageParam } = props;
  const paged = pageParam ? params.get(pageParam) !== null : false;
  return (
    <p className="note truncation" role="note">
      {translate(paged ? 'pageOf' : 'truncated', locale, { n: props.shown, total: props.total })}{' '}
      {paged && pageParam ? (
        <button type="button" onClick={() => setParams({ [pageParam]: null })}>
          {translate('firstPage', locale)}
        </button>
      ) : null}{' '}
      {props.nextCursor && pageParam ? (
        <button type="button" onClick={() => setParams({ [pageParam]: props.nextCursor ?? null })}>
          {translate('nextPage', locale)}
        </button>
      ) : null}
    </p>
  );
}
