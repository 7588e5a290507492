import { useQuery } from 'urql';
import { Link } from 'wouter';
import { Empty, QueryState } from '../components/status';
import { AddDocumentLink, CurateLink } from '../curate/curate-links';
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
      <AddDocumentLink />
      <QueryState fetching={fetching} error={error} hasData={!!data} refetch={refetch} />
      {data && data.documents.edges.length === 0 ? (
        <Empty>
          {lang === 'EN'
            ? 'No documents loaded. Import a data set with its source documents.'
            : '尚未载入文件。请导入带有来源文件的数据集。'}
        </Empty>
      ) : null}
      <ul className="results">
        {data?.documents.edges.map(({ node: d }) => (
          <li key={d.id}>
            <Link href={href(idPath('/documents', d.id))}>
              {lang === 'EN' && d.titleEn ? d.titleEn : d.title}
            </Link>{' '}
            <CurateLink id={d.id} />
            <div className="note">
              {[d.publisher, d.publishedOn, d.language].filter(Boolean).join(' · ')}
            </div>
          </li>
        ))}
      </ul>
    </article>
  );
}
