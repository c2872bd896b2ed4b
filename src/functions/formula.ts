/**
 * The text of a STIM.* formula as a user types it: in Swedish Excel with the
 * Swedish function name (functions-sv.json, from sv.ts) and ";" between
 * arguments, in English Excel with the id and ",". The task pane shows
 * these next to every pot, requirement and goal, with a copy button.
 */
import { SV_FUNCTIONS } from "./sv";

export type FormulaLocale = "sv" | "en";

/** An argument: text (quoted), a number, or a cell reference written as it is ("B2:C4"). */
export type FormulaArg = string | number | { ref: string };

function argText(a: FormulaArg, locale: FormulaLocale): string {
  if (typeof a === "string") return `"${a.replace(/"/g, '""')}"`;
  if (typeof a === "number") return locale === "sv" ? String(a).replace(".", ",") : String(a);
  return a.ref;
}

/** The name users type after "STIM.": "POTT" in Swedish Excel, "POT" in English. */
export function functionName(id: string, locale: FormulaLocale): string {
  if (!(id in SV_FUNCTIONS)) throw new Error(`Okänd funktion STIM.${id}`);
  return locale === "sv" ? SV_FUNCTIONS[id].name : id;
}

/** `=STIM.POTT("prio-2014";"A1")` (sv) or `=STIM.POT("prio-2014","A1")` (en). */
export function formulaText(id: string, args: readonly FormulaArg[], locale: FormulaLocale): string {
  const sep = locale === "sv" ? ";" : ",";
  return `=STIM.${functionName(id, locale)}(${args.map((a) => argText(a, locale)).join(sep)})`;
}

/** The formula locale for an Office display language ("sv-SE" → "sv"); Swedish unless the language is clearly another. */
export function formulaLocaleFor(displayLanguage: string | undefined): FormulaLocale {
  if (!displayLanguage) return "sv";
  return /^sv\b/i.test(displayLanguage) ? "sv" : "en";
}
