import { type RefObject, useEffect, useMemo, useRef, useState } from 'react';
import { useQuery } from 'urql';
import { Link, useParams as useRouteParams } from 'wouter';
import { ClosablePanel } from '../components/closable-panel';
import { NotFound, QueryState } from '../components/status';
import type { Locale } from '../display-name';
import { translate } from '../lib/i18n';
import { nodeWith } from '../lib/node';
import { decodeParam, useHref, useLang, useParams } from '../lib/url-state';
import { DocumentHeader, HighlightControls } from './document-parts';
import { FindBox } from './find-box';
import { DocumentQuery } from './queries';
import { type CitedRecord, citedRecord } from './records';
import {
  findFigures,
  type Highlight,
  mergeCitations,
  parseSpanHash,
  type Segment,
  type Span,
  segmentText,
} from './segments';
import { useCitations } from './use-citations';

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
  const show = params.get('hl') !== '0';
  const [{ data, fetching, error }, refetch] = useQuery({
    query: DocumentQuery,
    variables: { id },
  });
  const doc = nodeWith(data?.node, 'text');
  const hash = useHash();
  const target = parseSpanHash(hash);
  const [open, setOpen] = useState<Highlight<CitedRecord> | null>(null);

  const citations = useCitations(id, doc?.citations);

  const segments = useMemo(() => {
    if (!doc) return [];
    const cited = citations.flatMap((c) => {
      const record = citedRecord(c, lang);
      return record ? [{ start: c.start, end: c.end, record }] : [];
    });
    return segmentText(doc.text, mergeCitations(cited), findFigures(doc.text));
  }, [doc, citations, lang]);

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
      <QueryState fetching={fetching} error={error} hasData={!!data} refetch={refetch} />
      {doc ? (
        <>
          <DocumentHeader doc={doc} lang={lang} />
          <HighlightControls show={show} lang={lang} />
          <FindBox text={doc.text} locale={lang} />
          {doc.normalisation ? (
            <details className="note">
              <summary>{lang === 'EN' ? 'The text is normalised' : '文本经过规范化处理'}</summary>
              {doc.normalisation}
            </details>
          ) : null}
          {open ? <RecordsPanel highlight={open} onClose={() => setOpen(null)} /> : null}
          <div className={`doc-text${show ? '' : ' plain'}`} lang={doc.language}>
            {segments.map((s) => (
              <SegmentView
                key={s.start}
                segment={s}
                show={show}
                lang={lang}
                target={target}
                targetRef={targetRef}
                onOpen={setOpen}
              />
            ))}
          </div>
        </>
      ) : null}
    </article>
  );
}

/** One run of the text: plain, a figure no record cites, or a highlight of cited records. */
function SegmentView(props: {
  segment: Segment<CitedRecord>;
  show: boolean;
  lang: Locale;
  target: Span | null;
  targetRef: RefObject<HTMLElement | null>;
  onOpen: (h: Highlight<CitedRecord>) => void;
}) {
  const { segment: s, target } = props;
  if (s.kind === 'text') return <span>{s.text}</span>;
  if (s.kind === 'uncited')
    return (
      <span className={props.show ? 'uncited' : undefined} title={translate('uncited', props.lang)}>
        {s.text}
      </span>
    );
  const h = s.highlight;
  const isTarget = !!target && target.start >= h.start && target.end <= h.end;
  return (
    <Mark
      highlight={h}
      text={s.text}
      isTarget={isTarget}
      markRef={isTarget ? props.targetRef : undefined}
      onOpen={() => props.onOpen(h)}
    />
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
    <ClosablePanel
      className="records-panel"
      label={translate('record', lang)}
      locale={lang}
      onClose={onClose}
    >
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
    </ClosablePanel>
  );
}
