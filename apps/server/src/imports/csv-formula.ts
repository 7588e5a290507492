/**
 * Spreadsheet formula injection (OWASP "CSV Injection"): a cell that starts with `=`, `+`, `-`,
 * `@`, a tab or a carriage return is run as a formula by spreadsheet programs, so the export
 * prefixes such cells with `'`, which they show as text. Plain numbers ("-12.5") stay numbers.
 * Cells already starting with quotes before such a character get one more, so that the import
 * (`restoreFormula`) can take exactly one off and every value comes back as it was.
 */
const FORMULA = /^'*[=+\-@\t\r]/;
const NEUTRALISED = /^'+[=+\-@\t\r]/;
const NUMBER = /^-?[0-9]+(?:\.[0-9]+)?$/;

export function neutraliseFormula(cell: string): string {
  return FORMULA.test(cell) && !NUMBER.test(cell) ? `'${cell}` : cell;
}

/** The value an exported cell stood for: `neutraliseFormula` undone. */
export function restoreFormula(cell: string): string {
  return cell.charCodeAt(0) === 39 && NEUTRALISED.test(cell) ? cell.slice(1) : cell;
}
