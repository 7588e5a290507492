import { useQuery } from 'urql';
import { Link } from 'wouter';
import { Empty, QueryState } from '../components/status';
import { translate } from '../lib/i18n';
import { idPath, useHref, useLang } from '../lib/url-state';
import { DocumentListQuery } from './queries';

export default function DocumentList() {
  const lang = useLang();
  const href = useHref();
  const [{ data, fetching, error }, refetch] = useQuery({ query: DocumentListQuery });
  return (
    <article>
      <h1>{translate('sources', lang)}</h1>
      <QueryState
        fetching={fetching}
        error={error}
        hasData={!!data}
        retry={() => refetch({ requestPolicy: 'network-only' })}
      />
      {data && data.documents.length === 0 ? (
        <Empty>
          {lang === 'EN'
            ? 'No documents loaded. Import a data set with its source documents.'
            : '尚未载入文件。请导入带有来源文件的数据集。'}
        </Empty>
      ) : null}
      <ul className="results">
        {data?.documents.map((d) => (
          <li key={d.id}>
            <Link href={href(idPath('/documents', d.id))}>
              {lang === 'EN' && d.titleEn ? d.titleEn : d.title}
            </Link>
            <div className="note">
              {[d.publisher, d.publishedOn, d.language].filter(Boolean).join(' · ')}
            </div>
          </li>
        ))}
      </ul>
    </article>
  );
}
