import { useQuery } from 'urql';
import { ClosablePanel } from '../components/closable-panel';
import { ErrorState, Loading } from '../components/status';
import type { Locale } from '../display-name';
import { FlowCard } from '../flows/flow-card';
import { graphql } from '../gql';
import { translate } from '../lib/i18n';
import { full } from '../lib/money';
import type { GraphLink } from '../sankey/graph';

const RibbonFlowsQuery = graphql(`
  query RibbonFlows($filter: FlowFilter!) {
    flows(filter: $filter, first: 20) {
      totalCount
      edges {
        node {
          id
          program {
            id
          }
        }
      }
    }
  }
`);

/** "s:ID>p:ID" or "p:ID>t:ID" (p:none: no program) → the flows filter behind the ribbon. */
function ribbonFilter(link: GraphLink, year: number) {
  const [from = '', to = ''] = [link.source, link.target];
  const program = (from.startsWith('p:') ? from : to).slice(2);
  const actor = from.startsWith('s:') ? { sourceId: from.slice(2) } : { targetId: to.slice(2) };
  return { filter: { year, unit: 'CNY', ...actor }, program: program === 'none' ? null : program };
}

/** A ribbon opens the flows it sums, each with its citations. */
export function RibbonPanel(props: {
  link: GraphLink;
  year: number;
  locale: Locale;
  onClose: () => void;
}) {
  const { link, locale } = props;
  const { filter, program } = ribbonFilter(link, props.year);
  const [{ data, error, fetching }, refetch] = useQuery({
    query: RibbonFlowsQuery,
    variables: { filter: program ? { ...filter, programId: program } : filter },
  });
  const ids =
    data?.flows.edges
      .map((e) => e.node)
      .filter((f) => program !== null || f.program === null)
      .map((f) => f.id) ?? [];
  return (
    <ClosablePanel
      className="link-panel"
      label={translate('flow', locale)}
      locale={locale}
      onClose={props.onClose}
    >
      <p>
        {translate('amount', locale)}: <strong>{full(link.amount, locale)}</strong>
      </p>
      {error ? <ErrorState error={error} refetch={refetch} /> : null}
      {fetching && !data ? <Loading /> : null}
      {ids.map((id) => (
        <FlowCard key={id} id={id} locale={locale} />
      ))}
      {data && data.flows.totalCount > ids.length && program !== null ? (
        <p className="note">
          {translate('truncated', locale, { n: ids.length, total: data.flows.totalCount })}
        </p>
      ) : null}
    </ClosablePanel>
  );
}
