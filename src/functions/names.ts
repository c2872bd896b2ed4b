/**
 * Parameter and function names as the user sees them, for error messages.
 *
 * Excel shows a custom function's names in the language of its user
 * interface: the manifest selects functions-sv.json (Swedish names) for
 * sv-SE and functions.json (English names) otherwise. A message that names
 * an argument must use the name the user sees in the formula bar's tooltip,
 * so every message builds argument and function names through `param` and
 * `fn` here; nothing else in the functions spells a parameter's name.
 *
 * The display language comes from the shared runtime
 * (`Office.context.displayLanguage`). Where it is unknown (before Office has
 * initialised, in a plain browser, in Node) or is a Swedish other than sv-SE
 * (whose metadata the manifest does not pick explicitly), messages give both
 * names: "nycklar (keys)".
 */
import { SV_FUNCTIONS } from "./sv";

export type NameLanguage = "sv" | "en" | "both";

/** sv for sv-SE, en for any other known language, both when unknown or unclear. */
export function languageOf(tag: unknown): NameLanguage {
  if (typeof tag !== "string" || tag.trim() === "") return "both";
  const t = tag.trim().toLowerCase().replace(/_/g, "-");
  if (t === "sv-se" || t === "sv") return "sv";
  if (t.startsWith("sv-")) return "both";
  return "en";
}

/** The display language of the running Office, read at the moment of the call. */
export function displayLanguage(): NameLanguage {
  if (typeof Office === "undefined") return "both";
  try {
    return languageOf(Office.context?.displayLanguage);
  } catch {
    return "both";
  }
}

let svParams: Map<string, string> | undefined;
/** English parameter name → Swedish (one Swedish name per English name; sv.ts enforces it). */
function swedishParams(): Map<string, string> {
  if (!svParams) {
    svParams = new Map();
    for (const f of Object.values(SV_FUNCTIONS)) for (const [en, p] of Object.entries(f.parameters)) if (!svParams.has(en)) svParams.set(en, p.name);
  }
  return svParams;
}

function pick(en: string, sv: string | undefined, lang: NameLanguage): string {
  if (sv === undefined || sv === en || lang === "en") return en;
  return lang === "sv" ? sv : `${sv} (${en})`;
}

/** A parameter's name, by its English (metadata) name: "nycklar", "keys" or "nycklar (keys)". */
export function param(en: string, lang: NameLanguage = displayLanguage()): string {
  return pick(en, swedishParams().get(en), lang);
}

/** A function's full name, by id: "STIM.KRITERIER", "STIM.CRITERIA" or "STIM.KRITERIER (STIM.CRITERIA)". */
export function fn(id: string, lang: NameLanguage = displayLanguage()): string {
  const sv = SV_FUNCTIONS[id]?.name;
  return pick(`STIM.${id}`, sv === undefined ? undefined : `STIM.${sv}`, lang);
}

/**
 * A message from the core that starts with the English name of the argument
 * at fault (the error's field, e.g. `ids: mottagaren "0180" förekommer två
 * gånger`), with that name as the user sees it. Other messages are returned
 * unchanged.
 */
export function withDisplayedField(message: string, field: string | undefined, lang: NameLanguage = displayLanguage()): string {
  if (!field || !swedishParams().has(field) || !message.startsWith(field)) return message;
  const next = message.charAt(field.length);
  if (next !== ":" && next !== " ") return message;
  return param(field, lang) + message.slice(field.length);
}
