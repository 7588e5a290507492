import { graphql } from '../gql';

export const FlowPageQuery = graphql(`
  query FlowPage($id: ID!) {
    node(id: $id) {
      ... on Flow {
        ...FlowRowParts
        note
        noteZh
        parent {
          id
          amount {
            ...MoneyParts
          }
        }
      }
    }
  }
`);
