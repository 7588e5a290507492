import { graphql } from '../gql';

export const DocumentListQuery = graphql(`
  query DocumentList {
    documents(first: 100) {
      edges {
        node {
          id
          title
          titleEn
          publisher
          publishedOn
          language
        }
      }
    }
  }
`);

/**
 * One page of a document's citations, each with the record it states, and the cursor to the next
 * (see use-citations.ts). The records are written out, not spread from the shared fragments: the
 * server counts each fragment as a level, and a document's citations are at its depth limit.
 */
export const DocumentCitationPageFragment = graphql(`
  fragment DocumentCitationPage on CitationConnection {
    edges {
      node {
        start
        end
        quote
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
          metric
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
    pageInfo {
      hasNextPage
      endCursor
    }
  }
`);

/** A document with its first 100 citations: the API has no document-by-id field besides node(). */
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
        citations(first: 100) {
          ...DocumentCitationPage
        }
      }
    }
  }
`);

/** The citations of a document after the first page. */
export const DocumentCitationsQuery = graphql(`
  query DocumentCitations($id: ID!, $after: String) {
    node(id: $id) {
      ... on Document {
        citations(first: 100, after: $after) {
          ...DocumentCitationPage
        }
      }
    }
  }
`);
