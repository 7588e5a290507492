import { graphql } from '../gql';

export const SourceDisagreementsQuery = graphql(`
  query SourceDisagreements {
    sourceDisagreements(first: 20) {
      edges {
        node {
          kind
          overlap {
            id
            key
            note
            minShared {
              ...MoneyParts
            }
          }
          sides {
            document {
              id
              title
              titleEn
              publisher
              publishedOn
              url
            }
            figure {
              ...MoneyParts
            }
            flows {
              ...FlowEndsParts
            }
            citations {
              ...CitationParts
            }
          }
        }
      }
    }
  }
`);
