/**
 * functions.js: the module the shared-runtime page (taskpane.html) loads
 * first. It registers the Excel custom functions (./functions/functions) and
 * exports everything the task pane uses from the rules core, the agreements,
 * the reference data, the sheet layer and the formula texts.
 *
 * Why: the custom functions and the task pane run in one page, and the task
 * pane's bundle depends on this one (webpack.config.js, `dependOn`), so the
 * page holds one copy of the core. The pane reaches the core only through
 * this module, the root of functions.js: then webpack can still concatenate
 * and minify the core's modules as one (a module imported straight from
 * another chunk cannot be). Views import values from here, never from
 * ./core, ./agreements, ./reference or ./sheets directly (types may be
 * imported from anywhere: they cost nothing at run time).
 */
import "./functions/functions";

export { AGREEMENTS, ALL_CONFLICTS } from "./agreements";
export { demoFacts } from "./agreements/demo";
export { evaluate } from "./core/evaluate";
export { formatCitation, formatInt, formatKr, formatKrChange, formatNumber, formatPeriod, formatRate, formatThreshold } from "./core/format";
export { countySummary } from "./core/summary";
export { consequenceText, entryTiming, obligationCalendar, partyName } from "./core/obligations";
export { diffEvaluations, whatIfSentence, withKey, withRuleOutcome } from "./core/whatif";
export { formulaLocaleFor, formulaText } from "./functions/formula";
export { compile } from "./core/compile";
export { scanDecimal } from "./core/decimal";
export { slotsOf } from "./functions/inputs";
export { LAN, getKommun, getLan, landstingName } from "./reference";
export { SUMMARY_GROUPS, countySummarySheet } from "./sheets/countySummary";

// Views "Bygg fördelningsark", "Granska länsark" and "Förklara": the sheet layer (layout, reading, validation,
// report, formula arguments), the one renderer of the typed trace and the one Swedish format.
export { formatDate, formatRecipientStatus, formatVerdict } from "./core/format";
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
