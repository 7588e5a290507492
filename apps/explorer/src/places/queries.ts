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
      parent {
        code
        name
        nameEn
        parent {
          code
          name
          nameEn
          parent {
            code
            name
            nameEn
          }
        }
      }
      children {
        code
        name
        nameEn
        level
        designations
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
          start
          end
          quote
          document {
            id
          }
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

export const RegionTotalsQuery = graphql(`
  query RegionTotals($code: String!, $year: Int) {
    boundaryTotals(regionCode: $code, year: $year) {
      incoming {
        flowCount
        publicMoney {
          ...MoneyParts
        }
      }
      internal {
        flowCount
        publicMoney {
          ...MoneyParts
        }
      }
      outgoing {
        flowCount
        publicMoney {
          ...MoneyParts
        }
      }
    }
  }
`);
