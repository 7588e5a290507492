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

/** A citation as the explorer links it: the span of its document, the words there, their gloss. */
export const CitationParts = graphql(`
  fragment CitationParts on Citation {
    start
    end
    quote
    gloss
    document {
      id
    }
  }
`);

/** A field the source does not state: why it was inferred, in English and, if recorded, Chinese. */
export const InferenceParts = graphql(`
  fragment InferenceParts on Inference {
    field
    note
    noteZh
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
    inferred {
      ...InferenceParts
    }
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

/** A flow as a list names it: its two ends, in both languages, and its amount. */
export const FlowEndsParts = graphql(`
  fragment FlowEndsParts on Flow {
    id
    source {
      name
      nameEn
    }
    target {
      name
      nameEn
    }
    amount {
      ...MoneyParts
    }
  }
`);

/** An observation as the indicator tables list it: metric, value, year, kind, and its sources. */
export const ObservationParts = graphql(`
  fragment ObservationParts on Observation {
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
    inferred {
      ...InferenceParts
    }
    citations {
      ...CitationParts
    }
  }
`);

/** A pairing as a list names it: who helps whom, how, from when, and what it covers. */
export const PairingParts = graphql(`
  fragment PairingParts on Pairing {
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
`);
