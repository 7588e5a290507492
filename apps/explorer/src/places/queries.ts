import { graphql } from '../gql';

export const SharedParts = graphql(`
  fragment SharedParts on SharedInflow {
    group {
      id
      name
      nameEn
    }
    sharedWith {
      code
      name
      nameEn
    }
    publicMoney {
      ...MoneyParts
    }
    planned {
      ...MoneyParts
    }
    flowCount
  }
`);

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
        ...ObservationParts
        qualifier
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
          pairings(first: 4) {
            ...PairingParts
          }
        }
      }
    }
  }
`);

/** Shared money apart from the page's query, which is at the server's breadth limit. */
export const PlaceSharedQuery = graphql(`
  query PlaceShared($code: String!, $year: Int) {
    region(code: $code) {
      code
      sharedInflows(year: $year) {
        ...SharedParts
      }
      children {
        code
        sharedInflows(year: $year) {
          ...SharedParts
        }
      }
    }
  }
`);
