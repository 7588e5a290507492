import { Link } from 'wouter';
import { displayName, type Locale } from '../display-name';
import type { FlowEndsPartsFragment } from '../gql/graphql';
import { full } from '../lib/money';
import { idPath, useHref } from '../lib/url-state';

/** A flow named by its ends (FlowEndsParts), linked to its page, then its amount. */
export function FlowEnds({ flow, lang }: { flow: FlowEndsPartsFragment; lang: Locale }) {
  const href = useHref();
  return (
    <>
      <Link href={href(idPath('/flows', flow.id))}>
        {displayName(flow.source, lang)} → {displayName(flow.target, lang)}
      </Link>{' '}
      {full(flow.amount, lang)}
    </>
  );
}
