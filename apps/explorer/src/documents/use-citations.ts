import { useEffect, useMemo, useState } from 'react';
import { useClient } from 'urql';
import type { DocumentCitationPageFragment } from '../gql/graphql';
import { nodeWith } from '../lib/node';
import { DocumentCitationsQuery } from './queries';

type Page = DocumentCitationPageFragment;
type Citation = Page['edges'][number]['node'];

/** Every citation of a document: the first page as given, then the rest, 100 at a time. */
export function useCitations(id: string, first: Page | undefined): Citation[] {
  const client = useClient();
  const [rest, setRest] = useState<Citation[]>([]);
  const next = first?.pageInfo.hasNextPage ? first.pageInfo.endCursor : null;
  useEffect(() => {
    setRest([]);
    if (!next) return;
    let cancelled = false;
    void (async () => {
      const more: Citation[] = [];
      for (let after: string | null = next; after && !cancelled; ) {
        const { data } = await client.query(DocumentCitationsQuery, { id, after }).toPromise();
        const page: Page | undefined = nodeWith(data?.node, 'citations')?.citations;
        if (!page) break;
        more.push(...page.edges.map((e) => e.node));
        after = page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? null) : null;
      }
      if (!cancelled) setRest(more);
    })();
    return () => {
      cancelled = true;
    };
  }, [client, id, next]);
  return useMemo(() => [...(first?.edges.map((e) => e.node) ?? []), ...rest], [first, rest]);
}
