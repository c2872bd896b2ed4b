/**
 * Formula text as a user types it and as Excel stores it in a file.
 *
 * Excel saves a call to an add-in's custom function NS.NAME(…) in the sheet
 * XML as `_xldudf_NS_NAME(…)` (the namespace's dot becomes an underscore),
 * and maps it back to NS.NAME once the add-in has registered its functions.
 * A file that holds the typed form `NS.NAME(…)` instead shows #NAME? in
 * Excel even after the add-in loads. See docs/workbook.md for the sources.
 */

const USER_CALL = /\bSTIM\.([A-Z][A-Z0-9_]*)\s*\(/g;
const FILE_CALL = /(?:\[\d+\]!)?_xldudf_STIM_([A-Z][A-Z0-9_]*)\s*\(/gi;

/** STIM.ALLOCATION( → _xldudf_STIM_ALLOCATION( */
export function toFileFormula(formula: string): string {
  return stripEquals(formula).replace(USER_CALL, (_m, name: string) => `_xldudf_STIM_${name}(`);
}

/** _xldudf_STIM_ALLOCATION( (or [2]!_xldudf_…, or _xludf.STIM.…) → STIM.ALLOCATION( */
export function fromFileFormula(formula: string): string {
  return stripEquals(formula)
    .replace(FILE_CALL, (_m, name: string) => `STIM.${name.toUpperCase()}(`)
    .replace(/_xludf\.STIM\./gi, "STIM.");
}

export function stripEquals(formula: string): string {
  return formula.startsWith("=") ? formula.slice(1) : formula;
}

/** The STIM functions a formula calls, in the user form ("STIM.ALLOCATION"). */
export function stimCalls(formula: string): string[] {
  const user = fromFileFormula(formula);
  return [...user.matchAll(USER_CALL)].map((m) => `STIM.${m[1]}`);
}
