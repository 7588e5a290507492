import { graphql } from '../gql';

/** Nodes, outcomes and residuals listed by name; the rest are summed into "Other (k)". */
export const TRACE_LIMIT = 40;

export const TraceQuery = graphql(`
  query Trace(
    $from: ID!
    $direction: TraceDirection!
    $year: Int
    $maxDepth: Int!
    $limit: Int!
    $locale: Locale!
  ) {
    trace(from: $from, direction: $direction, year: $year, maxDepth: $maxDepth, limit: $limit) {
      direction
      rule(locale: $locale)
      truncated
      nodeCount
      linkCount
      total {
        ...MoneyParts
      }
      origin {
        id
        name
        nameEn
      }
      nodes {
        actor {
          id
          name
          nameEn
        }
        depth
        flags
        attributed {
          ...MoneyParts
        }
        outflow {
          ...MoneyParts
        }
        residual {
          ...MoneyParts
        }
      }
      others {
        depth
        actorCount
        attributed {
          ...MoneyParts
        }
        outflow {
          ...MoneyParts
        }
        residual {
          ...MoneyParts
        }
        inflows {
          actor {
            id
          }
          attributed {
            ...MoneyParts
          }
        }
        outflows {
          actor {
            id
          }
          attributed {
            ...MoneyParts
          }
        }
      }
      links {
        flow {
          id
          status
          source {
            id
          }
          target {
            id
          }
        }
        attributed {
          ...MoneyParts
        }
        share
        earmarked
      }
      outcomes {
        observation {
          id
          metric
          metricInfo {
            name
            nameEn
          }
          unit
          year
          kind
          actor {
            id
            name
            nameEn
          }
          citations {
            ...CitationParts
          }
        }
        attributedValue
        money {
          ...MoneyParts
        }
        unitCost {
          ...MoneyParts
        }
        share
      }
      outcomeTotals {
        metric
        kind
        unit
        year
        count
        attributedValue
        money {
          ...MoneyParts
        }
        unitCost {
          ...MoneyParts
        }
      }
      residuals {
        actor {
          id
        }
        amount {
          ...MoneyParts
        }
        kind
      }
      residualTotals {
        kind
        actorCount
        amount {
          ...MoneyParts
        }
      }
      warnings {
        code
        message(locale: $locale)
        actor {
          id
          name
          nameEn
        }
        flow {
          id
        }
      }
    }
  }
`);
