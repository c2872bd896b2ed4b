/**
 * Fixed Swedish texts of the workbook that both the layout writes and the
 * reader recognises: sheet names, labels of the totals block, status words.
 */
import type { RecipientStatus } from "../core/evaluate";
import { RECIPIENT_STATUS_SV } from "../core/format";

export const SHEET_ALLOCATION = "Fördelning";
export const SHEET_RULES = "Regler";
export const SHEET_ASSUMPTIONS = "Antaganden";
export const SHEET_CONFLICTS = "Källkonflikter";
/** The validation report. */
export const SHEET_REPORT = "Rapport";
/** The amounts the rules give, when a file's formulas were not computed. */
export const SHEET_COMPUTED = "Belopp enligt reglerna";

/** The Excel table's name on the allocation sheet. */
export const TABLE_NAME = "Fordelning";

/** Labels in the first column of the totals block below the table. */
export const TOTALS = {
  allocated: "Fördelat",
  unallocated: "Ofördelat",
  pot: "Pott",
  check: "Fördelat + ofördelat = pott",
  county: "Länets summa",
} as const;

export const TOTAL_LABELS: readonly string[] = Object.values(TOTALS);

/** A status as a cell shows it: the core's Swedish word, capitalised ("Behörig", "Inte behörig" …). */
export const STATUS_TEXT = Object.fromEntries(
  Object.entries(RECIPIENT_STATUS_SV).map(([k, v]) => [k, v.charAt(0).toUpperCase() + v.slice(1)]),
) as Record<RecipientStatus, string>;

export function gateText(gate: boolean | null): string {
  return gate === true ? "Ja" : gate === false ? "Nej" : "Uppgift saknas";
}

export const CHECK_OK = "OK";
export const CHECK_FAIL = "FEL";

/** The label written in the title block before the agreement id and the scope. */
export const AGREEMENT_LABEL = "Överenskommelse:";
export const SCOPE_LABEL = "Omfattning:";
export const SCOPE_NATIONAL = "hela riket";
export const FICTIONAL_LABEL = "FIKTIVT";

/** What the amounts on a county sheet mean (engine.ts, `withBaseline`): written on the sheet and shown beside explanations of its rows. */
export const COUNTY_SHEET_NOTE =
  "Länsark: beloppen förutsätter att alla mottagare i övriga län uppfyller grundkraven och når målen, dvs. det minsta en behörig mottagare här får. Potter med en nyckel som inte finns inbäddad (t.ex. antal invånare 65+) visas bara med status.";

/** Headers of the calculation block (below the totals block) start with this. */
export const CALC_PREFIX = "Beräknat:";

/** The line above the calculation block. */
export const CALC_NOTE =
  "Beräkning: tillägget Stimulans räknar hela tabellen med en formel här (STIM.ALLOCATION_SHEET); tabellens grå celler hämtar sina värden härifrån. Ändra inget i det här blocket.";
