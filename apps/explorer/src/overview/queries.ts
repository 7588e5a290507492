import { graphql } from '../gql';

export const OverviewQuery = graphql(`
  query Overview {
    totals(groupBy: [YEAR]) {
      year
      ...TotalsParts
    }
    documents {
      id
      publishedOn
    }
  }
`);

export const OverviewFlowsQuery = graphql(`
  query OverviewFlows($filter: FlowFilter!) {
    bySource: totals(groupBy: [SOURCE, PROGRAM], filter: $filter) {
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
      ...TotalsParts
    }
    byTarget: totals(groupBy: [PROGRAM, TARGET], filter: $filter) {
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
    }
  }
`);
