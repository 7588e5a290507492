import { useQuery } from 'urql';
import { Link } from 'wouter';
import { CitationLink } from '../components/citation-link';
import { InferenceList } from '../components/inferred';
import { RecordNote } from '../components/record-note';
import { ErrorState, Loading } from '../components/status';
import { displayName, type Locale } from '../display-name';
import { translate } from '../lib/i18n';
import { enumLabel } from '../lib/labels';
import { full } from '../lib/money';
import { nodeWith } from '../lib/node';
import { idPath, useHref } from '../lib/url-state';
import { FlowPageQuery } from './queries';

/** One flow record with its citations, fetched by id (used by the trace's link panel). */
export function FlowCard({ id, locale }: { id: string; locale: Locale }) {
  const href = useHref();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: FlowPageQuery,
    variables: { id },
  });
  if (error) return <ErrorState error={error} refetch={refetch} />;
  if (fetching || !data) return <Loading />;
  const f = nodeWith(data.node, 'amount');
  if (!f) return <p>{translate('notFound', locale)}</p>;
  return (
    <div className="flow-card" data-flow-id={f.id}>
      <p>
        <Link href={href(idPath('/actors', f.source.id))}>{displayName(f.source, locale)}</Link> →{' '}
        <Link href={href(idPath('/actors', f.target.id))}>{displayName(f.target, locale)}</Link>:{' '}
        <strong>{full(f.amount, locale)}</strong> · {f.year} · {enumLabel(f.status, locale)} ·{' '}
        {enumLabel(f.instrument, locale)}
        {f.program ? ` · ${displayName(f.program, locale)}` : ''} ·{' '}
        <Link href={href(idPath('/flows', f.id))}>{translate('open', locale)}</Link>
      </p>
      <RecordNote note={f.note} noteZh={f.noteZh} locale={locale} />
      <InferenceList inferred={f.inferred} locale={locale} />
      <Citations citations={f.citations} locale={locale} />
    </div>
  );
}

export function Citations({
  citations,
  locale,
}: {
  citations: readonly { start: number; end: number; quote: string; document: { id: string } }[];
  locale: Locale;
}) {
  const _href = useHref();
  if (citations.length === 0) return <p className="note">{translate('noCitations', locale)}</p>;
  return (
    <ul className="citations" aria-label={translate('citations', locale)}>
      {citations.map((c) => (
        <li key={`${c.document.id}:${c.start}-${c.end}`}>
          <CitationLink c={c} locale={locale} />
        </li>
      ))}
    </ul>
  );
}
