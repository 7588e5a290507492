import { useQuery } from 'urql';
import { Link, useParams as useRouteParams } from 'wouter';
import { NotFound, QueryState } from '../components/status';
import { displayName } from '../display-name';
import { flowsExportHref } from '../lib/export-link';
import { translate } from '../lib/i18n';
import { enumLabel } from '../lib/labels';
import { full } from '../lib/money';
import { nodeWith } from '../lib/node';
import { decodeParam, idPath, useHref, useLang } from '../lib/url-state';
import { Citations } from './flow-card';
import { FlowPageQuery } from './queries';

export default function FlowPage() {
  const lang = useLang();
  const href = useHref();
  const id = decodeParam(useRouteParams<{ id: string }>().id);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: FlowPageQuery,
    variables: { id },
  });
  const f = nodeWith(data?.node, 'amount');
  if (data && !f) return <NotFound />;
  return (
    <article className="flow">
      <QueryState
        fetching={fetching}
        error={error}
        hasData={!!data}
        retry={() => refetch({ requestPolicy: 'network-only' })}
      />
      {f ? (
        <>
          <header className="view-header">
            <h1>
              {translate('flow', lang)}: {displayName(f.source, lang)} →{' '}
              {displayName(f.target, lang)}
            </h1>
          </header>
          <dl className="facts">
            <dt>{translate('amount', lang)}</dt>
            <dd data-amount>{full(f.amount, lang)}</dd>
            <dt>{translate('source', lang)}</dt>
            <dd>
              <Link href={href(idPath('/actors', f.source.id), { year: f.year })}>
                {displayName(f.source, lang)}
              </Link>
            </dd>
            <dt>{translate('target', lang)}</dt>
            <dd>
              <Link href={href(idPath('/actors', f.target.id), { year: f.year })}>
                {displayName(f.target, lang)}
              </Link>
            </dd>
            <dt>{translate('year', lang)}</dt>
            <dd>{f.year}</dd>
            <dt>{translate('status', lang)}</dt>
            <dd>
              {enumLabel(f.status, lang)}
              {f.status === 'PLANNED' ? ` (${translate('planned', lang)})` : ''}
            </dd>
            <dt>{translate('instrument', lang)}</dt>
            <dd>{enumLabel(f.instrument, lang)}</dd>
            <dt>{translate('program', lang)}</dt>
            <dd>{f.program ? displayName(f.program, lang) : '—'}</dd>
            {f.parent ? (
              <>
                <dt>{lang === 'EN' ? 'Earmarked from' : '上级资金'}</dt>
                <dd>
                  <Link href={href(idPath('/flows', f.parent.id))}>
                    {full(f.parent.amount, lang)}
                  </Link>
                </dd>
              </>
            ) : null}
          </dl>
          {f.note ? <p className="note">{f.note}</p> : null}
          <p className="controls">
            <Link href={href(idPath('/trace', f.id), { year: f.year })}>
              {translate('trace', lang)} →
            </Link>
            <a
              className="button"
              href={flowsExportHref({ sourceId: f.source.id, targetId: f.target.id, year: f.year })}
              download={`flows-${f.year}.csv`}
              rel="nofollow"
            >
              {translate('downloadCsvBetween', lang)}
            </a>
          </p>
          <section>
            <h2>{translate('citations', lang)}</h2>
            <Citations citations={f.citations} locale={lang} />
          </section>
        </>
      ) : null}
    </article>
  );
}
