import { type FormEvent, useEffect, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { SessionControl } from '../curate/session-control';
import { translate } from '../lib/i18n';
import { useHref, useLang, useParams, useSwitchLang } from '../lib/url-state';

export function Header() {
  const lang = useLang();
  const href = useHref();
  const switchLang = useSwitchLang();
  return (
    <header className="site">
      <a className="skip" href="#main">
        {lang === 'EN' ? 'Skip to content' : '跳到正文'}
      </a>
      <Link href={href('/', {}, ['year'])} className="brand">
        {translate('appName', lang)}
      </Link>
      <nav aria-label={lang === 'EN' ? 'Main' : '主导航'}>
        <Link href={href('/', {}, ['year'])}>{translate('overview', lang)}</Link>
        <Link href={href('/places/150000', {}, ['year'])}>{translate('places', lang)}</Link>
        <Link href={href('/documents')}>{translate('sources', lang)}</Link>
      </nav>
      <SearchBox />
      <SessionControl />
      <button
        type="button"
        className="lang-toggle"
        onClick={switchLang}
        aria-label={translate('switchLanguageLabel', lang)}
        lang={lang === 'EN' ? 'zh-Hans' : 'en'}
      >
        {translate('switchLanguage', lang)}
      </button>
    </header>
  );
}

function SearchBox() {
  const lang = useLang();
  const href = useHref();
  const [path, navigate] = useLocation();
  const q = useParams().get('q') ?? '';
  const [text, setText] = useState(path === '/search' ? q : '');
  useEffect(() => {
    if (path === '/search') setText(q);
  }, [path, q]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = text.trim();
    if (trimmed) navigate(href('/search', { q: trimmed }));
  };
  return (
    <search className="search-box">
      <form onSubmit={submit}>
        <input
          type="search"
          name="q"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={translate('searchPlaceholder', lang)}
          aria-label={translate('search', lang)}
          maxLength={100}
        />
        <button type="submit">{translate('search', lang)}</button>
      </form>
    </search>
  );
}
