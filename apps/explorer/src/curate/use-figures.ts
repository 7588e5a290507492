import { useEffect, useState } from 'react';
import { useClient } from 'urql';
import type { CurateFiguresQuery } from '../gql/graphql';
import type { ShownFigure } from './figure-text';
import { FigurePageQuery } from './queries';

/** Every figure of a document, page by page; read again whenever `version` changes. */
export function useFigures(id: string, version: number): ShownFigure[] | null {
  const client = useClient();
  const [figures, setFigures] = useState<ShownFigure[] | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new version (after a write) reads them again
  useEffect(() => {
    let live = true;
    const load = async () => {
      const all: ShownFigure[] = [];
      let after: string | null = null;
      for (;;) {
        const result: { data?: CurateFiguresQuery | undefined } = await client
          .query(FigurePageQuery, { id, after }, { requestPolicy: 'network-only' })
          .toPromise();
        const page =
          result.data?.node && 'figures' in result.data.node ? result.data.node.figures : null;
        if (!page) break;
        for (const { node } of page.edges) all.push({ ...node, cited: node.citedBy.length > 0 });
        if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) break;
        after = page.pageInfo.endCursor;
      }
      if (live) setFigures(all);
    };
    load().catch(() => {});
    return () => {
      live = false;
    };
  }, [client, id, version]);
  return figures;
}
