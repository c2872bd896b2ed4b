/**
 * Entry point for Excel custom functions (namespace STIM, see manifest.xml).
 *
 * How this file works:
 * - Every custom function is a top-level `export function` with a JSDoc block
 *   containing `@customfunction ID`. custom-functions-metadata reads those
 *   blocks (only in this file) to generate dist/functions.json: the
 *   description, parameter and result types come from the JSDoc and the
 *   TypeScript signature. functions.json is English (the default); the
 *   Swedish names and descriptions (functions-sv.json, selected for sv-SE by
 *   the manifest) are generated from it at build time with the table in
 *   sv.ts, so the two cannot drift.
 * - The functions here are thin wrappers: `guard` runs the implementation in
 *   adapters.ts (which normalises Excel's arguments and calls src/core) and
 *   turns every exception into a `CustomFunctions.Error` value: #VALUE! for
 *   a wrong argument, #N/A for a missing datum or an unknown id, always with
 *   a Swedish message. No exception leaves a custom function.
 * - Parameters are typed `unknown` (metadata type "any") so that text, blanks
 *   and booleans reach the code and get a precise message instead of Excel's
 *   bare #VALUE!. Ranges are `unknown[][]` (dimensionality "matrix").
 * - `CUSTOM_FUNCTIONS` maps each id to its implementation and is registered
 *   with `CustomFunctions.associate` below. test/functions-metadata.test.ts
 *   fails if an `@customfunction` id is missing from the map (or vice versa).
 *   (webpack.config.js stops custom-functions-metadata-plugin from appending
 *   its own, unguarded associate calls, so this registration is the only one.)
 *
 * Things to know when adding functions:
 * - Excel shows custom error messages only for #VALUE! and #N/A.
 * - `null` inside a returned 2-D array is shown as 0, not as an empty cell;
 *   return "" for cells that should look empty.
 * - A function whose result is a range returns a 2-D array; on error it
 *   returns the error value itself (typed as the array, see `spill`).
 * - Add the Swedish name and descriptions to sv.ts (the build fails
 *   otherwise) and a worked example to docs/functions.md.
 */
import * as impl from "./adapters";
import { ExcelError, guard } from "./excel";
import * as meta from "./meta";
import * as tableFns from "./table";

/** A spilled result, or the error value in its place. */
function spill(fn: () => unknown[][] | ExcelError): unknown[][] {
  // An error value where a range was expected is what Excel shows as the
  // error (the result is typed as the array for the metadata generator).
  return guard(fn) as unknown[][];
}

/**
 * Shows which version of Stimulans is installed.
 * @customfunction VERSION
 * @returns The Stimulans version, for example "0.1.0".
 */
export function version(): string {
  return meta.version();
}

/**
 * Shares a pot in whole kronor by a key (for example population) among the eligible rows; the amounts sum exactly to the pot. Spills a range the size of keys.
 * @customfunction FUND_SHARE
 * @param pot The pot in whole kronor, for example 80000000.
 * @param keys The allocation key per recipient, for example inhabitants (numbers ≥ 0; a blank cell counts as 0).
 * @param eligible Optional: TRUE/1/"ja"/"x" for recipients that share the pot (blank = no). Same size as keys.
 * @param ids Optional: recipient codes (for example kommunkod) that break ties on the last krona: lower code first.
 * @param method Optional: "largest-remainder" (default), "round" (each row rounded, may not sum to the pot) or "exact" (exact shares, not whole kronor).
 * @returns Whole kronor per row of keys.
 */
export function fundShare(pot: unknown, keys: unknown[][], eligible?: unknown[][], ids?: unknown[][], method?: unknown): unknown[][] {
  return spill(() => impl.fundShare(pot, keys, eligible, ids, method));
}

/**
 * Splits an amount in whole kronor between the kommuner and the landsting (70/30 unless stated). Spills two cells: kommuner part, landsting part.
 * @customfunction SPLIT
 * @param amount The amount in whole kronor.
 * @param first_share Optional: the kommuner share, 0.7 or "70 %" (default 0.7).
 * @returns [kommuner part, landsting part] in whole kronor, summing to the amount.
 */
export function split(amount: unknown, first_share?: unknown): unknown[][] {
  return spill(() => impl.split(amount, first_share));
}

/**
 * The amount in kronor of a pot in an agreement.
 * @customfunction POT
 * @param agreement The agreement id, for example "prio-2014" or "aldre-2014".
 * @param pot_id The pot id, for example "A1".
 * @returns The pot's amount in whole kronor.
 */
export function pot(agreement: unknown, pot_id: unknown): number | ExcelError {
  return guard(() => impl.pot(agreement, pot_id));
}

/**
 * Inhabitants on 31 December 2013 (SCB) of a kommun or a län: 180 and "0180" are Stockholm, 1 and "01" Stockholms län. A range of codes spills a range.
 * @customfunction POPULATION
 * @param code A kommunkod (4 digits) or länskod (2 digits), as text or number, or a range of codes.
 * @returns Inhabitants per code.
 */
export function population(code: unknown[][]): unknown[][] {
  return spill(() => impl.population(code));
}

/**
 * Whether a kommun or landsting meets a basic requirement (grundkrav), from its answers to the requirement's criteria.
 * @customfunction GRUNDKRAV_MET
 * @param agreement The agreement id, for example "prio-2014".
 * @param requirement_id The requirement id, for example "GK1".
 * @param answers One answer per criterion, in the order STIM.CRITERIA lists them: TRUE/FALSE, 1/0, "ja"/"nej" or "x"/blank; shares as 0.9 or "90 %".
 * @returns TRUE or FALSE; #N/A when an answer is missing.
 */
export function grundkravMet(agreement: unknown, requirement_id: unknown, answers: unknown[][]): boolean | ExcelError {
  return guard(() => impl.grundkravMet(agreement, requirement_id, answers));
}

/**
 * The county rule for the basic requirements: TRUE when the kommuner that meet them hold at least 80 % of the county's inhabitants (exact comparison).
 * @customfunction GRUNDKRAV_COUNTY
 * @param met One cell per kommun: TRUE when the kommun meets the basic requirements.
 * @param populations The kommuner's inhabitants, same size as met.
 * @param [agreement] The agreement whose county rule applies, for example "prio-2014" (the default).
 * @returns TRUE or FALSE; #N/A when missing answers decide it.
 */
export function grundkravCounty(met: unknown[][], populations: unknown[][], agreement?: unknown): boolean | ExcelError {
  return guard(() => impl.grundkravCounty(met, populations, agreement));
}

/**
 * Whether a performance goal (prestationsmål) is reached, from the inputs STIM.CRITERIA lists (prerequisites included).
 * @customfunction GOAL_MET
 * @param agreement The agreement id, for example "prio-2014" or "aldre-2014".
 * @param goal_id The goal id, for example "A1" or "LKM-OLAMPLIGA".
 * @param inputs The inputs, one row per row of STIM.CRITERIA: yes/no answers, shares (0.9 or "90 %", or part | total), counts, monthly values (previous | current).
 * @param [recipient] The county code (for example 01) where the goal's target figure is computed from the population (B1).
 * @returns TRUE or FALSE; #N/A when an input is missing.
 */
export function goalMet(agreement: unknown, goal_id: unknown, inputs: unknown[][], recipient?: unknown): boolean | ExcelError {
  return guard(() => impl.goalMet(agreement, goal_id, inputs, recipient));
}

/**
 * Lists the inputs a requirement or goal needs, one row per input row: criterion id, label, what to enter, source.
 * @customfunction CRITERIA
 * @param agreement The agreement id, for example "prio-2014".
 * @param id A requirement or goal id, for example "GK1" or "A1".
 * @returns Rows of [criterion id, label, what to enter, source].
 */
export function criteria(agreement: unknown, id: unknown): unknown[][] {
  return spill(() => impl.criteria(agreement, id));
}

/**
 * Counts the months in which the current value is strictly lower than the same month the year before (equal is not lower).
 * @customfunction MONTHS_LOWER
 * @param previous The values of the year before, one per month.
 * @param current The values of this year, same size as previous.
 * @returns The number of months that are lower.
 */
export function monthsLower(previous: unknown[][], current: unknown[][]): number | ExcelError {
  return guard(() => impl.monthsLower(previous, current));
}

/**
 * Explains in Swedish whether a requirement or goal is met: the verdict, the criteria that failed with values and thresholds, the sources and the assumptions.
 * @customfunction EXPLAIN
 * @param agreement The agreement id, for example "prio-2014".
 * @param id A requirement or goal id, for example "GK1" or "A1".
 * @param inputs The inputs as for STIM.GOAL_MET (blank cells are reported as missing).
 * @param [recipient] The county code where the target figure is computed from the population (B1).
 * @returns The explanation as text.
 */
export function explain(agreement: unknown, id: unknown, inputs: unknown[][], recipient?: unknown): string | ExcelError {
  return guard(() => impl.explain(agreement, id, inputs, recipient));
}

/**
 * The source of a pot, requirement, goal or assumption: document, section and heading.
 * @customfunction SOURCE
 * @param agreement The agreement id, for example "prio-2014".
 * @param id A pot, requirement, goal, assumption or "rule/criterion" id, for example "A1".
 * @returns The citation as text, for example "Överenskommelse om psykisk ohälsa 2014 (regeringsbeslut, undertecknad 2013-12-11), avsnitt 3.4.2: Prestationsmål A 1".
 */
export function source(agreement: unknown, id: unknown): string | ExcelError {
  return guard(() => impl.source(agreement, id));
}

/**
 * Lists the assumptions in force for an agreement, where the sources are silent or ambiguous: id, description, default, source.
 * @customfunction ASSUMPTIONS
 * @param agreement The agreement id, for example "aldre-2014".
 * @returns Rows of [id, description, default, source].
 */
export function assumptions(agreement: unknown): unknown[][] {
  return spill(() => impl.assumptions(agreement));
}

/**
 * The amount in whole kronor a recipient receives from a pot, for one row of an allocation table (the sheet Stimulans builds). The whole table is evaluated once per change.
 * @customfunction ALLOCATION
 * @param agreement The agreement id, for example "prio-2014".
 * @param table The allocation table: the header row first, then one row per recipient (code, name, level, county, population and the answers).
 * @param row The row within the table: 1 is the first row under the headers, for example ROW()-ROW($A$7).
 * @param pot_id The pot id, for example "A1".
 * @returns Whole kronor.
 */
export function allocation(agreement: unknown, table: unknown[][], row: unknown, pot_id: unknown): number | ExcelError {
  return guard(() => tableFns.allocation(agreement, table, row, pot_id));
}

/**
 * The status of one row of an allocation table: for a pot "Behörig", "Inte behörig", "Uppgift saknas" or "Inte aktuell"; without a pot whether the basic requirements are met ("Ja", "Nej", "Uppgift saknas"), after the county rules.
 * @customfunction ALLOCATION_STATUS
 * @param agreement The agreement id, for example "prio-2014".
 * @param table The allocation table: the header row first, then one row per recipient.
 * @param row The row within the table: 1 is the first row under the headers.
 * @param pot_id Optional: the pot id, for example "A1"; omitted = the basic requirements.
 * @returns The status as Swedish text.
 */
export function allocationStatus(agreement: unknown, table: unknown[][], row: unknown, pot_id?: unknown): string | ExcelError {
  return guard(() => tableFns.allocationStatus(agreement, table, row, pot_id));
}

/**
 * The part of a pot that nobody in an allocation table receives (no recipient reached the goal, or their keys are 0), in whole kronor.
 * @customfunction UNALLOCATED
 * @param agreement The agreement id, for example "prio-2014".
 * @param table The allocation table: the header row first, then one row per recipient.
 * @param pot_id The pot id, for example "A1".
 * @returns Whole kronor.
 */
export function unallocatedAmount(agreement: unknown, table: unknown[][], pot_id: unknown): number | ExcelError {
  return guard(() => tableFns.unallocated(agreement, table, pot_id));
}

/**
 * Every verdict, amount and status of an allocation table at once: first a row with each pot's unallocated sum, then one row per table row. The calculation block of the sheet Stimulans builds, which the table's cells read with INDEX; the table is passed once per recalculation.
 * @customfunction ALLOCATION_SHEET
 * @param agreement The agreement id, for example "prio-2014".
 * @param table The allocation table: the header row first, then one row per recipient (code, name, level, county, population and the answers).
 * @returns A first row with each pot's unallocated kronor, then rows of [code, basic requirements, per pot amount and status].
 */
export function allocationSheet(agreement: unknown, table: unknown[][]): unknown[][] {
  return spill(() => tableFns.allocationSheet(agreement, table));
}

/** Custom function id (as in functions.json) -> implementation. */
export const CUSTOM_FUNCTIONS: Readonly<Record<string, (...args: never[]) => unknown>> = {
  VERSION: version,
  FUND_SHARE: fundShare,
  SPLIT: split,
  POT: pot,
  POPULATION: population,
  GRUNDKRAV_MET: grundkravMet,
  GRUNDKRAV_COUNTY: grundkravCounty,
  GOAL_MET: goalMet,
  CRITERIA: criteria,
  MONTHS_LOWER: monthsLower,
  EXPLAIN: explain,
  SOURCE: source,
  ASSUMPTIONS: assumptions,
  ALLOCATION: allocation,
  ALLOCATION_STATUS: allocationStatus,
  UNALLOCATED: unallocatedAmount,
  ALLOCATION_SHEET: allocationSheet,
};

/**
 * Registers every function with Excel. Guarded so the module can be imported
 * where the custom-functions runtime does not exist (Node tests, the task
 * pane opened in a plain browser).
 */
if (typeof CustomFunctions !== "undefined") {
  for (const [id, implementation] of Object.entries(CUSTOM_FUNCTIONS)) {
    CustomFunctions.associate(id, implementation);
  }
}
