import { useQuery } from 'urql';
import { Link } from 'wouter';
import { ListPage } from '../components/list-page';
import type { Locale } from '../display-name';
import { citationHref } from '../documents/citation-href';
import { FlowEnds } from '../flows/flow-ends';
import type { SourceDisagreementsQuery as Result } from '../gql/graphql';
import { translate } from '../lib/i18n';
import { full } from '../lib/money';
import { idPath, useHref, useLang } from '../lib/url-state';
import { SourceDisagreementsQuery } from './queries';
import './sources-disagree.css';

type Disagreement = Result['sourceDisagreements']['edges'][number]['node'];
type Side = Disagreement['sides'][number];

/**
 * Where two documents meet and disagree: a total one states for flows recorded from the other,
 * below their sum (BOUND), or two figures for one flow (DIFFERENT). Both figures and both quotes
 * side by side, and what it means for totals.
 */
export function SourcesDisagreePage() {
  const lang = useLang();
  const [{ data, fetching, error }, refetch] = useQuery({ query: SourceDisagreementsQuery });
  const items = data?.sourceDisagreements.edges.map((e) => e.node) ?? [];
  return (
    <ListPage
      className="sources-disagree"
      heading={translate('sourcesDisagree', lang)}
      lede={translate('sourcesDisagreeLede', lang)}
      fetching={fetching}
      error={error}
      count={data ? items.length : undefined}
      none={translate('noDisagreements', lang)}
      refetch={refetch}
    >
      {items.map((d) => (
        <DisagreementView key={d.overlap.id} d={d} lang={lang} />
      ))}
    </ListPage>
  );
}

function DisagreementView({ d, lang }: { d: Disagreement; lang: Locale }) {
  const href = useHref();
  return (
    <section className="disagreement" data-disagreement={d.overlap.key} data-kind={d.kind}>
      <div className="disagree-sides">
        {d.sides.map((side, i) => (
          <SideView
            key={side.document.id}
            side={side}
            label={
              d.kind === 'DIFFERENT' ? 'figureStated' : i === 0 ? 'recordedSum' : 'statedTotal'
            }
            lang={lang}
          />
        ))}
      </div>
      {d.kind === 'DIFFERENT' ? (
        <p className="disagree-result">
          {translate('differentFigures', lang)}{' '}
          <Link href={href('/overlaps')}>{translate('seeOverlaps', lang)}</Link>
        </p>
      ) : d.overlap.minShared ? (
        <p className="disagree-result" data-figure="minShared">
          {translate('boundNarrows', lang, { shared: full(d.overlap.minShared, lang) })}{' '}
          <Link href={href('/overlaps')}>{translate('seeOverlaps', lang)}</Link>
        </p>
      ) : null}
    </section>
  );
}

function SideView({
  side,
  label,
  lang,
}: {
  side: Side;
  label: 'recordedSum' | 'statedTotal' | 'figureStated';
  lang: Locale;
}) {
  const href = useHref();
  const doc = side.document;
  const title = lang === 'EN' && doc.titleEn ? doc.titleEn : doc.title;
  return (
    <div className="disagree-side" data-side={label}>
      <h2>
        <Link href={href(idPath('/documents', doc.id))}>{title}</Link>
      </h2>
      <p className="disagree-source">
        {[doc.publisher, doc.publishedOn].filter(Boolean).join(' · ')}
        {doc.url ? (
          <>
            {' · '}
            <a href={doc.url} rel="noreferrer noopener" target="_blank">
              {translate('sourceAddress', lang)}
            </a>
          </>
        ) : null}
      </p>
      <p className="disagree-figure">
        <span>{translate(label, lang)}</span> <strong>{full(side.figure, lang)}</strong>
      </p>
      {side.flows.length > 0 ? (
        <ul className="disagree-flows">
          {side.flows.map((f) => (
            <li key={f.id}>
              <FlowEnds flow={f} lang={lang} />
            </li>
          ))}
        </ul>
      ) : null}
      <ul className="citations" aria-label={translate('citations', lang)}>
        {side.citations.map((c) => (
          <li key={`${c.start}-${c.end}`}>
            <Link href={href(citationHref(c))} className="citation-link" lang="zh">
              “{c.quote}”
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
