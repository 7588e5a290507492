import { WRITE_ERRORS } from './errors.js';

/**
 * A write's result union: `<Name>Success { <dataField> }` or one of the typed errors, e.g.
 * `union RecordFlowResult = RecordFlowSuccess | ValidationError | NotFoundError | ConflictError`.
 */
export function writeResult(name: string, dataField: string) {
  return {
    types: WRITE_ERRORS,
    result: { name: `${name}Success` },
    union: { name: `${name}Result` },
    dataField: { name: dataField },
  };
}

/** What every write mutation declares: nullable, the write scope, and its result union. */
export function writeMutation(name: string, dataField: string) {
  return {
    nullable: true as const,
    authScopes: { write: true },
    errors: writeResult(name, dataField),
  };
}
