import { useQuery } from 'urql';
import { Link } from 'wouter';
import { ListPage } from '../components/list-page';
import { RecordNote } from '../components/record-note';
import { FlowEnds } from '../flows/flow-ends';
import { translate } from '../lib/i18n';
import { full } from '../lib/money';
import { useHref, useIntParam, useLang } from '../lib/url-state';
import { OverlapsQuery } from './queries';

/** The recorded overlaps (of a year): why a total is a range. */
export function OverlapsPage() {
  const lang = useLang();
  const href = useHref();
  const year = useIntParam('year');
  const [{ data, fetching, error }, refetch] = useQuery({
    query: OverlapsQuery,
    variables: { filter: year === null ? null : { year } },
  });
  const overlaps = data?.overlaps.edges.map((e) => e.node) ?? [];
  return (
    <ListPage
      className="overlaps"
      heading={`${translate('overlaps', lang)} ${year ?? ''}`}
      fetching={fetching}
      error={error}
      count={data ? overlaps.length : undefined}
      none={translate('noneRecorded', lang)}
      refetch={refetch}
    >
      <ul className="overlap-list">
        {overlaps.map((o) => (
          <li key={o.id} data-overlap={o.key}>
            {o.flows.map((f) => (
              <p key={f.id}>
                <FlowEnds flow={f} lang={lang} />
              </p>
            ))}
            <p>
              {translate('certainty', lang)}: {o.certainty} · {translate('maxShared', lang)}:{' '}
              {full(o.maxShared, lang)}
            </p>
            {o.statedTotal && o.minShared ? (
              <p data-figure="statedTotal">
                {translate('statedTotal', lang)}: {full(o.statedTotal, lang)} ·{' '}
                {translate('minShared', lang)}: {full(o.minShared, lang)} ·{' '}
                <Link href={href('/sources-disagree')}>{translate('sourcesDisagree', lang)}</Link>
              </p>
            ) : null}
            <RecordNote note={o.note} noteZh={o.noteZh} locale={lang} />
          </li>
        ))}
      </ul>
    </ListPage>
  );
}
