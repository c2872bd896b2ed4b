/**
 * Entry point for Excel custom functions (namespace STIM, see manifest.xml).
 *
 * How this file works:
 * - Every custom function is a top-level `export function` with a JSDoc block
 *   containing `@customfunction ID`. custom-functions-metadata reads those
 *   blocks (only in this file) to generate dist/functions.json: the
 *   description, parameter and result types come from the JSDoc and the
 *   TypeScript signature. Descriptions are in Swedish; users see them in
 *   Excel's formula autocomplete.
 * - The functions here are thin wrappers; the logic lives in one module per
 *   function group (meta.ts now; allocation/check groups next), which stays
 *   free of Excel globals so it can be tested in Node.
 * - `CUSTOM_FUNCTIONS` maps each id to its implementation and is registered
 *   with `CustomFunctions.associate` below. test/functions-metadata.test.ts
 *   fails if an `@customfunction` id is missing from the map (or vice versa).
 *   (webpack.config.js stops custom-functions-metadata-plugin from appending
 *   its own, unguarded associate calls, so this registration is the only one.)
 *
 * Things to know when adding functions:
 * - Excel shows custom error messages only for #VALUE! and #N/A
 *   (`new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, "…")`).
 * - `null` inside a returned 2-D array is shown as 0, not as an empty cell;
 *   return "" for cells that should look empty.
 */
import * as meta from "./meta";

/**
 * Visar vilken version av Stimulans som är installerad.
 * @customfunction VERSION
 * @returns Versionsnumret för Stimulans, till exempel "0.1.0".
 */
export function version(): string {
  return meta.version();
}

/** Custom function id (as in functions.json) -> implementation. */
export const CUSTOM_FUNCTIONS: Readonly<Record<string, (...args: never[]) => unknown>> = {
  VERSION: version,
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
