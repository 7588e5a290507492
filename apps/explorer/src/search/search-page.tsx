import { useQuery } from 'urql';
import { Link } from 'wouter';
import { Empty, QueryState } from '../components/status';
import { displayName } from '../display-name';
import { graphql } from '../gql';
import { translate } from '../lib/i18n';
import { enumLabel } from '../lib/labels';
import { full } from '../lib/money';
import { idPath, useHref, useLang, useParams } from '../lib/url-state';

const SearchQuery = graphql(`
  query Search($text: String!) {
    search(text: $text) {
      type
      name
      nameEn
      matched
      actor {
        id
        kind
      }
      program {
        id
      }
      flow {
        id
        year
        status
        instrument
        amount {
          ...MoneyParts
        }
      }
      region {
        code
        name
        nameEn
        level
      }
    }
  }
`);

export default function SearchPage() {
  const lang = useLang();
  const href = useHref();
  const q = (useParams().get('q') ?? '').trim();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: SearchQuery,
    variables: { text: q },
    pause: q === '',
  });
  const hits = data?.search ?? [];
  return (
    <article className="search">
      <h1>
        {translate('results', lang)}
        {q ? `: “${q}”` : ''}
      </h1>
      {q === '' ? <Empty>{translate('searchPlaceholder', lang)}</Empty> : null}
      <QueryState fetching={fetching} error={error} hasData={!!data} refetch={refetch} />
      {data && hits.length === 0 ? <Empty>{translate('noResults', lang)}</Empty> : null}
      <ul className="results">
        {hits.map((h) => {
          const target =
            h.type === 'FLOW' && h.flow
              ? href(idPath('/flows', h.flow.id))
              : h.type === 'ACTOR' && h.actor
                ? href(idPath('/actors', h.actor.id))
                : h.type === 'REGION' && h.region
                  ? href(`/places/${h.region.code}`)
                  : href('/', { sel: `p:${h.program?.id ?? ''}` });
          const name = displayName(h, lang);
          // The other language's name only where it is what matched: no English in Chinese text.
          const other = lang === 'EN' ? h.name : h.matched === h.nameEn ? h.nameEn : null;
          return (
            <li
              key={`${h.type}:${h.flow?.id ?? h.actor?.id ?? h.program?.id ?? h.region?.code}`}
              data-hit-type={h.type}
            >
              <span className="hit-type">{enumLabel(h.type, lang)}</span>
              <Link href={target} className="hit-name">
                {name}
              </Link>
              {other && other !== name ? <span className="note"> · {other}</span> : null}
              <div className="note">
                {h.region && h.type !== 'REGION' ? `${displayName(h.region, lang)} · ` : ''}
                {h.region && h.type === 'REGION'
                  ? `${enumLabel(h.region.level, lang)} ${h.region.code} · `
                  : ''}
                {h.actor ? `${enumLabel(h.actor.kind, lang)} · ` : ''}
                {h.flow
                  ? `${full(h.flow.amount, lang)} · ${h.flow.year} · ${enumLabel(h.flow.status, lang)} · ${enumLabel(h.flow.instrument, lang)} · `
                  : ''}
                {lang === 'EN' ? 'matched' : '匹配'}: <mark>{h.matched}</mark>
              </div>
            </li>
          );
        })}
      </ul>
    </article>
  );
}
