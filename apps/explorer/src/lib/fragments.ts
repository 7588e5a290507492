import { graphql } from '../gql';

/** Every amount the explorer shows: exact value, bounds, qualifier, unit. */
export const MoneyParts = graphql(`
  fragment MoneyParts on Money {
    value
    low
    high
    qualifier
    unit
  }
`);

/** A citation as the explorer links it: the span of its document and the words there. */
export const CitationParts = graphql(`
  fragment CitationParts on Citation {
    start
    end
    quote
    document {
      id
    }
  }
`);

export const TotalsParts = graphql(`
  fragment TotalsParts on MoneyTotals {
    flowCount
    publicMoney {
      ...MoneyParts
    }
    loanPrincipal {
      ...MoneyParts
    }
    leveraged {
      ...MoneyParts
    }
    planned {
      ...MoneyParts
    }
    otherResources {
      ...MoneyParts
    }
  }
`);

export const FlowRowParts = graphql(`
  fragment FlowRowParts on Flow {
    id
    year
    status
    instrument
    amount {
      ...MoneyParts
    }
    source {
      id
      name
      nameEn
    }
    target {
      id
      name
      nameEn
    }
    program {
      id
      name
      nameEn
    }
    citations {
      ...CitationParts
    }
  }
`);
