import { graphql } from '../gql';

export const ActorPageQuery = graphql(`
  query ActorPage($id: ID!, $year: Int) {
    observations(filter: { actorId: $id }) {
      id
      metric
      metricInfo {
        name
        nameEn
      }
      value
      unit
      year
      kind
      citations {
        ...CitationParts
      }
    }
    node(id: $id) {
      ... on Actor {
        id
        name
        nameEn
        kind
        memberCount
        aliases
        note
        region {
          code
          name
          nameEn
        }
        balance(year: $year) {
          flags
          inflow {
            ...MoneyParts
          }
          outflow {
            ...MoneyParts
          }
          residual {
            ...MoneyParts
          }
          planned {
            ...MoneyParts
          }
          overdrawnBy {
            ...MoneyParts
          }
        }
        citations {
          ...CitationParts
        }
        pairings {
          id
          kind
          coverage
          year
          helper {
            id
            name
            nameEn
          }
          recipient {
            id
            name
            nameEn
          }
          citations {
            ...CitationParts
          }
        }
      }
    }
  }
`);

/** Top-level flows keep the query shallow (the API limits depth); `first` is at most 100. */
export const ActorFlowsQuery = graphql(`
  query ActorFlows($inflows: FlowFilter!, $outflows: FlowFilter!, $inAfter: String, $outAfter: String) {
    inflows: flows(filter: $inflows, first: 100, after: $inAfter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...FlowRowParts
        }
      }
    }
    outflows: flows(filter: $outflows, first: 100, after: $outAfter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...FlowRowParts
        }
      }
    }
  }
`);
