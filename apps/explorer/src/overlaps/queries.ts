import { graphql } from '../gql';

export const OverlapsQuery = graphql(`
  query Overlaps($filter: FlowFilter) {
    overlaps(filter: $filter, first: 100) {
      edges {
        node {
          id
          key
          certainty
          note
          noteZh
          maxShared {
            ...MoneyParts
          }
          statedTotal {
            ...MoneyParts
          }
          minShared {
            ...MoneyParts
          }
          flows {
            ...FlowEndsParts
          }
        }
      }
    }
  }
`);
