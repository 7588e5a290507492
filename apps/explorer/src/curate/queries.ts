import { graphql } from '../gql';

export const CurateDocumentQuery = graphql(`
  query CurateDocument($id: ID!) {
    node(id: $id) {
      ... on Document {
        id
        title
        language
        text
        citations(first: 100) {
          ...DocumentCitationPage
        }
      }
    }
  }
`);

/** One page of a document's figures; the view reads every page. */
export const FigurePageQuery = graphql(`
  query CurateFigures($id: ID!, $after: String) {
    node(id: $id) {
      ... on Document {
        id
        figures(first: 100, after: $after) {
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
          edges {
            node {
              start
              end
              text
              value
              unit
              qualifier
              citedBy {
                id
              }
            }
          }
        }
      }
    }
  }
`);

/** What every write answers when it fails: a message, and for bad input the fields at fault. */
export const WriteErrorFragment = graphql(`
  fragment WriteError on Error {
    message
    ... on ValidationError {
      fieldErrors {
        path
        message
      }
    }
  }
`);

export const ImportDocumentMutation = graphql(`
  mutation ImportDocument($input: ImportDocumentInput!) {
    importDocument(input: $input) {
      __typename
      ...WriteError
      ... on ImportDocumentSuccess {
        document {
          id
        }
      }
    }
  }
`);

export const PickerSearchQuery = graphql(`
  query PickerSearch($text: String!) {
    search(text: $text) {
      type
      name
      actor {
        id
        name
        kind
      }
      program {
        id
        name
      }
      region {
        code
        name
      }
    }
  }
`);

export const RecordFlowMutation = graphql(`
  mutation CurateRecordFlow($input: RecordFlowInput!) {
    recordFlow(input: $input) {
      __typename
      ...WriteError
      ... on RecordFlowSuccess {
        flow {
          id
        }
      }
    }
  }
`);

export const RecordObservationMutation = graphql(`
  mutation CurateRecordObservation($input: RecordObservationInput!) {
    recordObservation(input: $input) {
      __typename
      ...WriteError
      ... on RecordObservationSuccess {
        observation {
          id
        }
      }
    }
  }
`);

export const RecordPairingMutation = graphql(`
  mutation CurateRecordPairing($input: RecordPairingInput!) {
    recordPairing(input: $input) {
      __typename
      ...WriteError
      ... on RecordPairingSuccess {
        pairing {
          id
        }
      }
    }
  }
`);

export const CreateActorMutation = graphql(`
  mutation CurateCreateActor($input: CreateActorInput!) {
    createActor(input: $input) {
      __typename
      ...WriteError
      ... on CreateActorSuccess {
        actor {
          id
          name
        }
      }
    }
  }
`);

export const RetractFlowMutation = graphql(`
  mutation CurateRetractFlow($input: RetractInput!) {
    retractFlow(input: $input) {
      __typename
      ...WriteError
    }
  }
`);

export const RetractObservationMutation = graphql(`
  mutation CurateRetractObservation($input: RetractInput!) {
    retractObservation(input: $input) {
      __typename
      ...WriteError
    }
  }
`);

export const RetractActorMutation = graphql(`
  mutation CurateRetractActor($input: RetractInput!) {
    retractActor(input: $input) {
      __typename
      ...WriteError
    }
  }
`);

export const RetractPairingMutation = graphql(`
  mutation CurateRetractPairing($input: RetractInput!) {
    retractPairing(input: $input) {
      __typename
      ...WriteError
    }
  }
`);

export const HistoryQuery = graphql(`
  query CurateHistory($id: ID!) {
    history(id: $id) {
      id
      action
      author
      at
    }
  }
`);
