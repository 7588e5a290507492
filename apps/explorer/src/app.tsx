import { useState } from 'react';
import { gql, useQuery } from 'urql';
import { displayName, type Locale } from './display-name';

// Hand-typed until the typed graphql() documents from @fundtrace/schema arrive.
interface OverviewData {
  programs: { id: string; name: string; nameEn: string | null }[];
  documents: { id: string; title: string }[];
}

const OverviewQuery = gql<OverviewData, Record<string, never>>`
  query Overview {
    programs {
      id
      name
      nameEn
    }
    documents {
      id
      title
    }
  }
`;

export function App() {
  const [locale, setLocale] = useState<Locale>('ZH');
  const [{ data, fetching, error }] = useQuery({ query: OverviewQuery });

  return (
    <main lang={locale === 'ZH' ? 'zh-Hans' : 'en'}>
      <header>
        <h1>fundtrace</h1>
        <p>
          <a href="/graphql">GraphQL API (GraphiQL)</a>{' '}
          <button type="button" onClick={() => setLocale(locale === 'ZH' ? 'EN' : 'ZH')}>
            {locale === 'ZH' ? 'English' : '中文'}
          </button>
        </p>
      </header>
      {fetching && !data ? <p role="status">Loading…</p> : null}
      {error ? <p role="alert">Could not load the data set: {error.message}</p> : null}
      {data ? (
        <>
          <section>
            <h2>Data set</h2>
            {data.documents.length === 0 ? (
              <p>No documents loaded.</p>
            ) : (
              <ul>
                {data.documents.map((document) => (
                  <li key={document.id}>{document.title}</li>
                ))}
              </ul>
            )}
          </section>
          <section>
            <h2>Programs ({data.programs.length})</h2>
            <ul>
              {data.programs.map((program) => (
                <li key={program.id}>{displayName(program, locale)}</li>
              ))}
            </ul>
          </section>
        </>
      ) : null}
    </main>
  );
}
