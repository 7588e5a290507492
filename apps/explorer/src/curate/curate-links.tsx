import { Link } from 'wouter';
import { idPath, useHref, useLang } from '../lib/url-state';
import { useSession } from './session';
import { t } from './strings';

/** Editing links, shown only to a signed-in curator. */
export function AddDocumentLink() {
  const lang = useLang();
  const href = useHref();
  if (!useSession()) return null;
  return (
    <Link className="edit-link add-document-link" href={href('/documents/new')}>
      {t('addDocument', lang)}
    </Link>
  );
}

export function CurateLink({ id }: { id: string }) {
  const lang = useLang();
  const href = useHref();
  if (!useSession()) return null;
  return (
    <Link className="edit-link curate-link" href={href(`${idPath('/documents', id)}/curate`)}>
      {t('curate', lang)}
    </Link>
  );
}
