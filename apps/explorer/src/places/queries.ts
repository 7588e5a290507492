import { graphql } from '../gql';

export const PlaceQuery = graphql(`
  query Place($code: String!, $year: Int) {
    region(code: $code) {
      id
      code
      name
      nameEn
      level
      designations
      ancestors {
        code
        name
        nameEn
        boundary(year: $year) {
          incoming {
            publicMoney {
              ...MoneyParts
            }
          }
        }
      }
      children {
        code
        name
        nameEn
        level
        designations
        boundary(year: $year) {
          incoming {
            publicMoney {
              ...MoneyParts
            }
          }
          internal {
            publicMoney {
              ...MoneyParts
            }
          }
          outgoing {
            publicMoney {
              ...MoneyParts
            }
          }
        }
      }
      observations {
        id
        metric
        metricInfo {
          name
          nameEn
        }
        value
        unit
        year
        kind
        qualifier
        citations {
          ...CitationParts
        }
      }
    }
    boundaryTotals(regionCode: $code, year: $year) {
      incoming {
        ...TotalsParts
      }
      internal {
        ...TotalsParts
      }
      outgoing {
        ...TotalsParts
      }
    }
    actors(filter: { regionCode: $code }, first: 100) {
      totalCount
      edges {
        node {
          id
          name
          nameEn
          kind
          region {
            code
          }
          pairings {
            id
            kind
            coverage
            year
            helper {
              id
              name
              nameEn
            }
            recipient {
              id
              name
              nameEn
            }
          }
        }
      }
    }
  }
`);
