import { useState } from 'react';
import { useQuery } from 'urql';
import { Link, useParams as useRouteParams } from 'wouter';
import { FROM_NETWORK, NotFound, QueryState } from '../components/status';
import { useCitations } from '../documents/use-citations';
import { nodeWith } from '../lib/node';
import { decodeParam, useHref, useLang } from '../lib/url-state';
import { FigureText } from './figure-text';
import type { Passage } from './passage';
import { CurateDocumentQuery } from './queries';
import { type FigureFill, RecordForm } from './record-form';
import type { RecordedItem } from './recorded-list';
import { RecordedList } from './recorded-list';
import { useSession } from './session';
import { t } from './strings';
import { useFigures } from './use-figures';

type Citation = ReturnType<typeof useCitations>[number];

function useCurateDocument(id: string) {
  const [{ data, fetching, error }, refetch] = useQuery({
    query: CurateDocumentQuery,
    variables: { id },
  });
  return { data, fetching, error, refetch, doc: nodeWith(data?.node, 'text') };
}

function recordedItems(citations: Citation[]): RecordedItem[] {
  const items = new Map<string, RecordedItem>();
  for (const c of citations) {
    const item: RecordedItem | null = c.flow
      ? {
          id: c.flow.id,
          type: 'Flow',
          label: `${c.flow.source.name} → ${c.flow.target.name} (${c.flow.year})`,
          quote: c.quote,
        }
      : c.observation
        ? {
            id: c.observation.id,
            type: 'Observation',
            label: `${c.observation.metric} (${c.observation.year})`,
            quote: c.quote,
          }
        : c.actor
          ? { id: c.actor.id, type: 'Actor', label: c.actor.name, quote: c.quote }
          : c.pairing
            ? {
                id: c.pairing.id,
                type: 'Pairing',
                label: `${c.pairing.helper.name} ↔ ${c.pairing.recipient.name}`,
                quote: c.quote,
              }
            : null;
    if (item && !items.has(item.id)) items.set(item.id, item);
  }
  return [...items.values()];
}

/**
 * `/documents/:id/curate`: the text with its figures, cited apart from uncited, and a counter.
 * Signed in, a figure or a selected passage opens the form that records it; readers see no
 * editing controls.
 */
export default function CurateView() {
  const lang = useLang();
  const href = useHref();
  const session = useSession();
  const id = decodeParam(useRouteParams<{ id: string }>().id);
  const { data, fetching, error, refetch, doc } = useCurateDocument(id);
  const citations = useCitations(id, doc?.citations);
  const [passage, setPassage] = useState<Passage | null>(null);
  const [figure, setFigure] = useState<FigureFill | null>(null);
  const [saved, setSaved] = useState(0);
  const [version, setVersion] = useState(0);
  // A new figure starts a new form; selecting text again only moves the citation.
  const [formKey, setFormKey] = useState(0);
  const reload = () => {
    refetch(FROM_NETWORK);
    setVersion((v) => v + 1);
  };
  const figures = useFigures(id, version) ?? [];
  if (data && !doc) return <NotFound />;
  const cited = figures.filter((f) => f.cited).length;
  return (
    <article className="document curate">
      <QueryState fetching={fetching} error={error} hasData={!!data} refetch={reload} />
      {doc ? (
        <>
          <header className="view-header">
            <h1>{doc.title}</h1>
            <p className="figure-count" aria-live="polite">
              {t('figuresCited', lang, { n: cited, m: figures.length })}
            </p>
            <Link href={href(`/documents/${encodeURIComponent(doc.id)}`)}>{doc.title}</Link>
          </header>
          <p className="legend">
            <span className="figure cited">{t('cited', lang)}</span>{' '}
            <span className="figure uncited">{t('uncited', lang)}</span>
            {session ? ` · ${t('selectHint', lang)}` : null}
          </p>
          <div className="curate-layout">
            <FigureText
              text={doc.text}
              language={doc.language}
              figures={figures}
              selected={passage}
              onSelect={
                session
                  ? (p, f) => {
                      setPassage({ start: p.start, end: p.end });
                      if (!passage || (f && f.start === p.start && f.end === p.end)) {
                        setFigure(f && { value: f.value, unit: f.unit, qualifier: f.qualifier });
                        setFormKey(formKey + 1);
                      }
                    }
                  : undefined
              }
            />
            {session && passage ? (
              <RecordForm
                key={formKey}
                documentId={doc.id}
                text={doc.text}
                passage={passage}
                figure={figure}
                onSaved={() => {
                  setSaved(saved + 1);
                  setPassage(null);
                  setFigure(null);
                  reload();
                }}
              />
            ) : null}
          </div>
          {saved > 0 ? <p role="status">{t('saved', lang)}</p> : null}
          <RecordedList items={recordedItems(citations)} canEdit={!!session} onChange={reload} />
        </>
      ) : null}
    </article>
  );
}
