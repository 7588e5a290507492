import { graphql } from '../gql';

export const OverviewQuery = graphql(`
  query Overview {
    totals(groupBy: [YEAR]) {
      year
      ...TotalsParts
      overlapCount
      overlaps {
        id
        statedTotal {
          value
        }
      }
    }
    documents(first: 100) {
      edges {
        node {
          id
          publishedOn
        }
      }
    }
  }
`);

/** One grouping (source, program, target): half the server work of two; split client-side. */
export const OverviewFlowsQuery = graphql(`
  query OverviewFlows($filter: FlowFilter!) {
    totals(groupBy: [SOURCE, PROGRAM, TARGET], filter: $filter) {
      source {
        id
        name
        nameEn
      }
      program {
        id
        name
        nameEn
      }
      target {
        id
        name
        nameEn
      }
      ...TotalsParts
      overlappingFlowCount
    }
  }
`);
