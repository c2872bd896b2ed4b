/**
 * Everything the task pane uses from the rules core, the agreements, the
 * reference data, the sheet layer and the functions' formula texts, in one
 * module.
 *
 * Why one module: the page (taskpane.html) runs the custom functions and the
 * task pane together (shared runtime), and webpack builds this module into
 * functions.js together with the functions (webpack.config.js), so the page
 * holds one copy of the core. Reaching the core through this single module
 * lets webpack keep the core's own modules concatenated and minified as one
 * (a module imported straight from another chunk is not), which keeps
 * functions.js about 8 KB (gzip) smaller. Views import from here, never from
 * ./core, ./agreements, ./reference or ./sheets directly (types may be
 * imported from anywhere: they cost nothing at run time).
 */
// Registers the custom functions (CustomFunctions.associate, guarded): this module is the functions bundle's entry.
import "./functions/functions";
import { compile } from "./core/compile";
import type { Agreement, Rule } from "./core/model";

export { AGREEMENTS, ALL_CONFLICTS } from "./agreements";
export { demoFacts } from "./agreements/demo";
export { evaluate } from "./core/evaluate";
export { formatInt, formatKr, formatRate } from "./core/exact";
export { countySummary } from "./core/summary";
export { comparisonText } from "./core/thresholds";
export { diffEvaluations, whatIfSentence, withKey, withRuleOutcome } from "./core/whatif";
export { formulaLocaleFor, formulaText } from "./functions/formula";
export { slotsOf } from "./functions/inputs";
export { LAN, getKommun, getLan, landstingName } from "./reference";
export { SUMMARY_GROUPS, countySummarySheet } from "./sheets/countySummary";

/** A rule with the rules it requires (the compiled agreement decides which). */
export function withRequired(agreement: Agreement, rule: Rule): readonly Rule[] {
  return compile(agreement).withRequired(rule.id);
}

// Views "Bygg fördelningsark", "Granska länsark" and "Förklara": the sheet layer (layout, reading, validation,
// report, formula arguments), the compiled agreement, the one renderer of the typed trace and the one Swedish format.
export { compile };
export { formatCitation, formatDate, formatRecipientStatus, formatVerdict } from "./core/format";
export { renderEvent } from "./core/render";
export { StimError } from "./core/errors";
export { evaluateRuleCall } from "./functions/adapters";
export { SV_FUNCTIONS } from "./functions/sv";
export { allColumns, sheetColumns } from "./sheets/columns";
export { withBaseline } from "./sheets/engine";
export { countFindings, findingsSummary } from "./sheets/findings";
export { parseStimCall, referenceArgument, rowArgument, textArgument } from "./sheets/formulas";
export { buildWorkbook } from "./sheets/layout";
export { describeRecipient, readAllocationSheet, SheetReadError } from "./sheets/read";
export { reportSheet } from "./sheets/report";
export { COUNTY_SHEET_NOTE } from "./sheets/texts";
export { validateRead } from "./sheets/validate";
