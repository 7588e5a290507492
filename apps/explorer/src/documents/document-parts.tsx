import { CurateLink } from '../curate/curate-links';
import type { Locale } from '../display-name';
import { translate } from '../lib/i18n';
import { useSetParams } from '../lib/url-state';

/** A document's title, publisher, date and address, with the curation link for curators. */
export function DocumentHeader({
  doc,
  lang,
}: {
  doc: {
    id: string;
    title: string;
    titleEn?: string | null;
    publisher?: string | null;
    publishedOn?: string | null;
    url?: string | null;
  };
  lang: Locale;
}) {
  return (
    <header className="view-header">
      <h1>{lang === 'EN' && doc.titleEn ? doc.titleEn : doc.title}</h1>
      <CurateLink id={doc.id} />
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
  );
}

/** The switch that shows or hides the highlights, and what their colours mean. */
export function HighlightControls({ show, lang }: { show: boolean; lang: Locale }) {
  const setParams = useSetParams();
  return (
    <div className="controls">
      <label className="control">
        <input
          type="checkbox"
          checked={show}
          onChange={(e) => setParams({ hl: e.target.checked ? null : '0' }, { replace: true })}
        />{' '}
        {translate('showHighlights', lang)}
      </label>
      <span className="legend">
        <mark>{lang === 'EN' ? 'cited' : '已引用'}</mark>{' '}
        <span className="uncited">{translate('uncited', lang)}</span>
      </span>
    </div>
  );
}
