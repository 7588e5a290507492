import { useMemo } from 'react';
import type { Locale } from '../display-name';
import { useParams, useSetParams } from '../lib/url-state';
import { findInText } from './find-in-text';

/** Find in the document, in either script; each match links to its span (?find= in the URL). */
export function FindBox({ text, locale }: { text: string; locale: Locale }) {
  const find = useParams().get('find') ?? '';
  const setParams = useSetParams();
  const matches = useMemo(() => findInText(text, find), [text, find]);
  const en = locale === 'EN';
  return (
    <section className="find-box" aria-label={en ? 'Find in this document' : '在文件中查找'}>
      <label className="control">
        {en ? 'Find in text' : '文中查找'}{' '}
        <input
          type="search"
          value={find}
          placeholder={en ? 'e.g. 48.8亿 (simplified or traditional)' : '如 48.8亿（简体繁体均可）'}
          onChange={(e) => setParams({ find: e.target.value || null }, { replace: true })}
        />
      </label>
      {find.trim() ? (
        <p className="note find-count" role="status">
          {en ? `${matches.length} found` : `找到 ${matches.length} 处`}
        </p>
      ) : null}
      {matches.length > 0 ? (
        <ol className="find-results">
          {matches.map((m) => (
            <li key={m.start}>
              <a href={`#${m.start}-${m.end}`}>
                …{m.before}
                <mark>{m.matched}</mark>
                {m.after}…
              </a>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
