import { Link } from 'wouter';
import type { Locale } from '../display-name';
import { citationHref } from '../documents/citation-href';
import { useHref } from '../lib/url-state';

export interface CitationLinkFields {
  start: number;
  end: number;
  quote: string;
  gloss?: string | null;
  document: { id: string };
}

/**
 * A citation's quote, linking to its span in the document; on English pages followed by the
 * quote's gloss where one is recorded.
 */
export function CitationLink({ c, locale }: { c: CitationLinkFields; locale: Locale }) {
  const href = useHref();
  return (
    <>
      <Link href={href(citationHref(c))} className="citation-link" lang="zh">
        “{c.quote}”
      </Link>
      {locale === 'EN' && c.gloss ? (
        <span className="gloss" lang="en">
          {' '}
          ({c.gloss})
        </span>
      ) : null}
    </>
  );
}
