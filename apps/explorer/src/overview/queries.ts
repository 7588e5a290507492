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

/**
 * One grouping (source, program, target): half the server work of two; split client-side. A
 * national year has some 260,000 groups: the largest (`largest`, OVERVIEW_GROUPS) come apart, the
 * rest in one row.
 */
export const OverviewFlowsQuery = graphql(`
  query OverviewFlows($filter: FlowFilter!, $largest: Int!) {
    totals(groupBy: [SOURCE, PROGRAM, TARGET], filter: $filter, largest: $largest) {
      rest
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
