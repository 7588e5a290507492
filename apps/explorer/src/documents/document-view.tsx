import { useEffect, useMemo, useRef, useState } from 'react';
import { useQuery } from 'urql';
import { Link, useParams as useRouteParams } from 'wouter';
import { NotFound, QueryState } from '../components/status';
import { translate } from '../lib/i18n';
import { nodeWith } from '../lib/node';
import { decodeParam, useHref, useLang, useParams, useSetParams } from '../lib/url-state';
import { DocumentQuery } from './queries';
import { type CitedRecord, citedRecord } from './records';
import {
  findFigures,
  type Highlight,
  mergeCitations,
  parseSpanHash,
  segmentText,
} from './segments';

function useHash(): string {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const update = () => setHash(window.location.hash);
    window.addEventListener('hashchange', update);
    window.addEventListener('popstate', update);
    return () => {
      window.removeEventListener('hashchange', update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return hash;
}

export default function DocumentView() {
  const lang = useLang();
  const id = decodeParam(useRouteParams<{ id: string }>().id);
  const params = useParams();
  const setParams = useSetParams();
  const show = params.get('hl') !== '0';
  const [{ data, fetching, error }, refetch] = useQuery({
    query: DocumentQuery,
    variables: { id },
  });
  const doc = nodeWith(data?.node, 'text');
  const hash = useHash();
  const target = parseSpanHash(hash);
  const [open, setOpen] = useState<Highlight<CitedRecord> | null>(null);

  const segments = useMemo(() => {
    if (!doc) return [];
    const cited = doc.citations.flatMap((c) => {
      const record = citedRecord(c, lang);
      return record ? [{ start: c.start, end: c.end, record }] : [];
    });
    return segmentText(doc.text, mergeCitations(cited), findFigures(doc.text));
  }, [doc, lang]);

  const targetRef = useRef<HTMLElement | null>(null);
  const targetKey = target ? `${target.start}-${target.end}` : '';
  useEffect(() => {
    if (!targetKey || segments.length === 0) return;
    const el = targetRef.current;
    if (el) {
      el.scrollIntoView({ block: 'center' });
      el.focus({ preventScroll: true });
    }
  }, [targetKey, segments]);

  if (data && !doc) return <NotFound />;
  return (
    <article className="document">
      <QueryState
        fetching={fetching}
        error={error}
        hasData={!!data}
        retry={() => refetch({ requestPolicy: 'network-only' })}
      />
      {doc ? (
        <>
          <header className="view-header">
            <h1>{lang === 'EN' && doc.titleEn ? doc.titleEn : doc.title}</h1>
            <p className="as-of">
              {[doc.publisher, doc.publishedOn].filter(Boolean).join(' · ')}
              {doc.url ? (
                <>
                  {' · '}
                  <a href={doc.url} rel="noreferrer">
                    {doc.url}
                  </a>
                </>
              ) : null}
            </p>
          </header>
          <div className="controls">
            <label className="control">
              <input
                type="checkbox"
                checked={show}
                onChange={(e) =>
                  setParams({ hl: e.target.checked ? null : '0' }, { replace: true })
                }
              />{' '}
              {translate('showHighlights', lang)}
            </label>
            <span className="legend">
              <mark>{lang === 'EN' ? 'cited' : '已引用'}</mark>{' '}
              <span className="uncited">{translate('uncited', lang)}</span>
            </span>
          </div>
          {doc.normalisation ? (
            <details className="note">
              <summary>{lang === 'EN' ? 'The text is normalised' : '文本经过规范化处理'}</summary>
              {doc.normalisation}
            </details>
          ) : null}
          {open ? <RecordsPanel highlight={open} onClose={() => setOpen(null)} /> : null}
          <div className={`doc-text${show ? '' : ' plain'}`} lang={doc.language}>
            {segments.map((s) => {
              if (s.kind === 'text') return <span key={s.start}>{s.text}</span>;
              if (s.kind === 'uncited')
                return (
                  <span
                    key={s.start}
                    className={show ? 'uncited' : undefined}
                    title={translate('uncited', lang)}
                  >
                    {s.text}
                  </span>
                );
              const h = s.highlight;
              const isTarget = !!target && target.start >= h.start && target.end <= h.end;
              return (
                <Mark
                  key={s.start}
                  highlight={h}
                  text={s.text}
                  isTarget={isTarget}
                  markRef={isTarget ? targetRef : undefined}
                  onOpen={() => setOpen(h)}
                />
              );
            })}
          </div>
        </>
      ) : null}
    </article>
  );
}

/**
 * A highlight: a link when it states one record, a button listing the records when citations
 * overlap. The title shows the records on hover.
 */
function Mark(props: {
  highlight: Highlight<CitedRecord>;
  text: string;
  isTarget: boolean;
  markRef?: React.RefObject<HTMLElement | null>;
  onOpen: () => void;
}) {
  const href = useHref();
  const { highlight: h } = props;
  const only = h.records.length === 1 ? h.records[0] : undefined;
  const summary = h.records.map((r) => r.label).join('\n');
  const common = {
    id: `span-${h.start}-${h.end}`,
    title: summary,
    'aria-label': `${props.text}: ${summary}`,
    'data-start': h.start,
    'data-end': h.end,
    'data-records': h.records.map((r) => `${r.type}:${r.id}`).join(' '),
    className: `mark${h.records.length > 1 ? ' multi' : ''}${props.isTarget ? ' target' : ''}`,
  };
  if (only) {
    return (
      <Link
        {...common}
        href={href(only.path)}
        ref={props.markRef as React.RefObject<HTMLAnchorElement>}
      >
        {props.text}
      </Link>
    );
  }
  return (
    <button
      {...common}
      type="button"
      onClick={props.onOpen}
      ref={props.markRef as React.RefObject<HTMLButtonElement>}
    >
      {props.text}
    </button>
  );
}

function RecordsPanel({
  highlight,
  onClose,
}: {
  highlight: Highlight<CitedRecord>;
  onClose: () => void;
}) {
  const lang = useLang();
  const href = useHref();
  const first = useRef<HTMLAnchorElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <section className="panel records-panel" aria-label={translate('record', lang)}>
      <button type="button" onClick={onClose} className="close">
        {translate('close', lang)}
      </button>
      <ul>
        {highlight.records.map((r, i) => (
          <li key={`${r.type}:${r.id}`}>
            <span className="hit-type">{r.type}</span>
            <Link
              href={href(r.path)}
              ref={i === 0 ? first : undefined}
              className="record-link"
              data-record={`${r.type}:${r.id}`}
            >
              {r.label}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
