import { useQuery } from 'urql';
import { Link, useParams as useRouteParams } from 'wouter';
import { type Inference, InferenceList, Inferred } from '../components/inferred';
import { RecordNote } from '../components/record-note';
import { NotFound, QueryState } from '../components/status';
import { displayName, type Named } from '../display-name';
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
      <QueryState fetching={fetching} error={error} hasData={!!data} refetch={refetch} />
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
            <dd data-amount>
              <Inferred field="amount" inferred={f.inferred} locale={lang}>
                {full(f.amount, lang)}
              </Inferred>
            </dd>
            <dt>{translate('source', lang)}</dt>
            <ActorFact field="source" actor={f.source} year={f.year} inferred={f.inferred} />
            <dt>{translate('target', lang)}</dt>
            <ActorFact field="target" actor={f.target} year={f.year} inferred={f.inferred} />
            <dt>{translate('year', lang)}</dt>
            <dd>
              <Inferred field="year" inferred={f.inferred} locale={lang}>
                {f.year}
              </Inferred>
            </dd>
            <dt>{translate('status', lang)}</dt>
            <dd>
              {enumLabel(f.status, lang)}
              {f.status === 'PLANNED' ? ` (${translate('planned', lang)})` : ''}
            </dd>
            <dt>{translate('instrument', lang)}</dt>
            <dd>
              <Inferred field="instrument" inferred={f.inferred} locale={lang}>
                {enumLabel(f.instrument, lang)}
              </Inferred>
            </dd>
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
          <RecordNote note={f.note} noteZh={f.noteZh} locale={lang} />
          <InferenceList inferred={f.inferred} locale={lang} />
          <FlowControls id={f.id} sourceId={f.source.id} targetId={f.target.id} year={f.year} />
          <section>
            <h2>{translate('citations', lang)}</h2>
            <Citations citations={f.citations} locale={lang} />
          </section>
        </>
      ) : null}
    </article>
  );
}

/** A flow's source or target, linked to its page, marked where the source does not name it. */
function ActorFact(props: {
  field: 'source' | 'target';
  actor: Named & { id: string };
  year: number;
  inferred: readonly Inference[] | undefined;
}) {
  const lang = useLang();
  const href = useHref();
  return (
    <dd>
      <Inferred field={props.field} inferred={props.inferred} locale={lang}>
        <Link href={href(idPath('/actors', props.actor.id), { year: props.year })}>
          {displayName(props.actor, lang)}
        </Link>
      </Inferred>
    </dd>
  );
}

/** Trace this flow, or download every flow between its two actors in its year. */
function FlowControls(props: { id: string; sourceId: string; targetId: string; year: number }) {
  const { id, sourceId, targetId, year } = props;
  const lang = useLang();
  const href = useHref();
  return (
    <p className="controls">
      <Link href={href(idPath('/trace', id), { year: year })}>{translate('trace', lang)} →</Link>
      <a
        className="button"
        href={flowsExportHref({ sourceId: sourceId, targetId: targetId, year: year }, lang)}
        download={`flows-${year}.csv`}
        rel="nofollow"
      >
        {translate('downloadCsvBetween', lang)}
      </a>
    </p>
  );
}
