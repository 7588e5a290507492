/**
 * State lives in the URL: `?lang=`, `?year=`, selections and view options are search params, so
 * links can be shared and the back button works. Language falls back to localStorage.
 */
import { useCallback, useMemo } from 'react';
import { useLocation, useSearch } from 'wouter';
import type { Locale } from '../display-name';

export const LANG_KEY = 'fundtrace.lang';

export function parseLang(value: string | null | undefined): Locale | null {
  const v = value?.toLowerCase();
  return v === 'en' ? 'EN' : v === 'zh' ? 'ZH' : null;
}

function storedLang(): Locale | null {
  try {
    return parseLang(globalThis.localStorage?.getItem(LANG_KEY));
  } catch {
    return null;
  }
}

export function useParams(): URLSearchParams {
  const search = useSearch();
  return useMemo(() => new URLSearchParams(search), [search]);
}

export function useLang(): Locale {
  const params = useParams();
  return parseLang(params.get('lang')) ?? storedLang() ?? 'ZH';
}

/** An integer search param, or null when absent or malformed. */
export function useIntParam(name: string): number | null {
  const raw = useParams().get(name);
  return raw !== null && /^[0-9]{1,6}$/.test(raw) ? Number(raw) : null;
}

type Changes = Record<string, string | number | null | undefined>;

export function withParams(search: string, changes: Changes): string {
  const params = new URLSearchParams(search);
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === undefined || v === '') params.delete(k);
    else params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** Updates search params on the current path, keeping the others and the hash. */
export function useSetParams() {
  const [path, navigate] = useLocation();
  const search = useSearch();
  return useCallback(
    (changes: Changes, options?: { replace?: boolean }) => {
      const hash = typeof window === 'undefined' ? '' : window.location.hash;
      navigate(`${path}${withParams(search, changes)}${hash}`, options);
    },
    [path, search, navigate],
  );
}

/** Builds an in-app href that keeps the language (and, when asked, other current params). */
export function useHref() {
  const params = useParams();
  return useCallback(
    (path: string, extra?: Changes, keep: readonly string[] = []) => {
      const out = new URLSearchParams();
      const lang = params.get('lang');
      if (lang) out.set('lang', lang);
      for (const k of keep) {
        const v = params.get(k);
        if (v !== null) out.set(k, v);
      }
      const [base, hash] = path.split('#', 2);
      return `${base}${withParams(out.toString(), extra ?? {})}${hash === undefined ? '' : `#${hash}`}`;
    },
    [params],
  );
}

export function useSwitchLang() {
  const lang = useLang();
  const setParams = useSetParams();
  return useCallback(() => {
    const next: Locale = lang === 'ZH' ? 'EN' : 'ZH';
    try {
      globalThis.localStorage?.setItem(LANG_KEY, next.toLowerCase());
    } catch {
      // Private mode: the URL still carries the choice.
    }
    setParams({ lang: next.toLowerCase() });
  }, [lang, setParams]);
}

/** Node ids are base64 and may hold "/" or "=": always encode them in paths. */
export const idPath = (prefix: string, id: string) => `${prefix}/${encodeURIComponent(id)}`;
export const decodeParam = (s: string | undefined) => {
  try {
    return s === undefined ? '' : decodeURIComponent(s);
  } catch {
    return s ?? '';
  }
};
