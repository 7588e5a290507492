import { graphql } from '../gql';

export const ActorPageQuery = graphql(`
  query ActorPage($id: ID!, $year: Int) {
    observations(filter: { actorId: $id }, first: 100) {
      edges {
        node {
          ...ObservationParts
        }
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
        noteZh
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
          plannedOutflow {
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
          ...PairingParts
          citations {
            ...CitationParts
          }
        }
      }
    }
  }
`);

/** A page of flows as the flow tables show them, with the cursor to the next. */
export const FlowRowPage = graphql(`
  fragment FlowRowPage on FlowConnection {
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
`);

/** Top-level flows keep the query shallow (the API limits depth); `first` is at most 100. */
export const ActorFlowsQuery = graphql(`
  query ActorFlows($inflows: FlowFilter!, $outflows: FlowFilter!, $inAfter: String, $outAfter: String) {
    inflows: flows(filter: $inflows, first: 100, after: $inAfter) {
      ...FlowRowPage
    }
    outflows: flows(filter: $outflows, first: 100, after: $outAfter) {
      ...FlowRowPage
    }
  }
`);
