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
 * rest in one row. Only the kind of money drawn is asked for (`overviewFlowsVariables`): all four
 * made a national year's answer 1.9 MB instead of 1.24 MB.
 */
export const OverviewFlowsQuery = graphql(`
  query OverviewFlows(
    $filter: FlowFilter!
    $largest: Int!
    $publicMoney: Boolean!
    $loanPrincipal: Boolean!
    $leveraged: Boolean!
    $planned: Boolean!
  ) {
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
      flowCount
      publicMoney @include(if: $publicMoney) {
        ...MoneyParts
      }
      loanPrincipal @include(if: $loanPrincipal) {
        ...MoneyParts
      }
      leveraged @include(if: $leveraged) {
        ...MoneyParts
      }
      planned @include(if: $planned) {
        ...MoneyParts
      }
      overlappingFlowCount
    }
  }
`);
