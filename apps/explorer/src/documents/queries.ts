import { graphql } from '../gql';

export const DocumentListQuery = graphql(`
  query DocumentList {
    documents {
      id
      title
      titleEn
      publisher
      publishedOn
      language
    }
  }
`);

/** All documents with their citations: the API has no document-by-id field besides node(). */
export const DocumentQuery = graphql(`
  query DocumentText($id: ID!) {
    node(id: $id) {
      ... on Document {
        id
        title
        titleEn
        publisher
        publishedOn
        language
        url
        normalisation
        text
        citations {
          start
          end
          recordType
          flow {
            id
            year
            amount {
              ...MoneyParts
            }
            source {
              name
              nameEn
            }
            target {
              name
              nameEn
            }
          }
          observation {
            id
            value
            unit
            year
            kind
            metricInfo {
              name
              nameEn
            }
            region {
              code
            }
            actor {
              id
            }
          }
          actor {
            id
            name
            nameEn
          }
          pairing {
            id
            kind
            helper {
              id
              name
              nameEn
            }
            recipient {
              name
              nameEn
            }
          }
        }
      }
    }
  }
`);
