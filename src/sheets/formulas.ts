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

/** The first STIM call in a formula: its name ("ALLOCATION") and its arguments as written (top level, trimmed). */
export interface StimCall {
  name: string;
  args: string[];
}

/**
 * Finds the first STIM.NAME(…) call in a formula (typed or file form) and
 * splits its arguments at the top level: quotes, parentheses and braces
 * respected; "," separates (Excel's invariant form, what office.js
 * `formulas` gives), and ";" as well (the form a Swedish user types).
 */
export function parseStimCall(formula: string): StimCall | undefined {
  const text = fromFileFormula(formula);
  const m = /\bSTIM\.([A-Z][A-Z0-9_]*)\s*\(/i.exec(text);
  if (!m) return undefined;
  const args: string[] = [];
  let depth = 0;
  let inQuote = false;
  let current = "";
  for (let i = m.index + m[0].length; i < text.length; i++) {
    const ch = text[i];
    if (inQuote) {
      current += ch;
      if (ch === '"') {
        if (text[i + 1] === '"') current += text[++i];
        else inQuote = false;
      }
      continue;
    }
    if (ch === '"') {
      inQuote = true;
      current += ch;
    } else if (ch === "(" || ch === "{") {
      depth++;
      current += ch;
    } else if ((ch === ")" || ch === "}") && depth > 0) {
      depth--;
      current += ch;
    } else if (ch === ")") {
      if (current.trim() !== "" || args.length > 0) args.push(current.trim());
      return { name: m[1].toUpperCase(), args };
    } else if ((ch === "," || ch === ";") && depth === 0) {
      args.push(current.trim());
      current = "";
    } else current += ch;
  }
  return undefined; // unbalanced: not a call we can read
}

/** A text literal argument ("prio-2014" → prio-2014), or undefined. */
export function textArgument(arg: string): string | undefined {
  const m = /^"((?:[^"]|"")*)"$/.exec(arg.trim());
  return m ? m[1].replace(/""/g, '"') : undefined;
}

/** A reference argument: optional sheet ('Mitt blad'!, Blad1!) and an A1 cell or range; undefined for anything else. */
export function referenceArgument(arg: string): { sheet?: string; address: string } | undefined {
  const m = /^(?:(?:'((?:[^']|'')+)'|([^'!()",;]+))!)?(\$?[A-Z]{1,3}\$?\d{1,7}(?::\$?[A-Z]{1,3}\$?\d{1,7})?)$/i.exec(arg.trim());
  if (!m) return undefined;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  return { ...(sheet !== undefined ? { sheet } : {}), address: m[3].replace(/\$/g, "").toUpperCase() };
}

/**
 * The value of a row argument as the allocation formulas write it: a whole
 * number, ROW() (the formula's own row, 1-based), ROW(A7) (that reference's
 * first row), and sums and differences of those ("ROW()-ROW($A$7)"). Undefined
 * for anything else.
 */
export function rowArgument(arg: string, ownRow: number): number | undefined {
  const terms = arg.replace(/\s+/g, "").match(/[+-]?[^+-]+/g);
  if (!terms) return undefined;
  let sum = 0;
  for (const t of terms) {
    const sign = t.startsWith("-") ? -1 : 1;
    const body = t.replace(/^[+-]/, "");
    let v: number | undefined;
    if (/^\d+$/.test(body)) v = Number(body);
    else if (/^ROW\(\)$/i.test(body)) v = ownRow;
    else {
      const m = /^ROW\((.+)\)$/i.exec(body);
      const ref = m ? referenceArgument(m[1]) : undefined;
      if (ref) v = Number(/\d+/.exec(ref.address)![0]);
    }
    if (v === undefined) return undefined;
    sum += sign * v;
  }
  return sum;
}
