/**
 * Function group "meta": information about the add-in itself.
 *
 * Group modules hold the plain implementations. They know nothing about
 * Excel's custom-functions runtime, so they can be unit-tested in Node.
 * `functions.ts` declares the Excel-facing wrappers (with the JSDoc that
 * generates functions.json) and registers them.
 */

/**
 * The add-in version shown by =STIM.VERSION(). Keep in step with
 * package.json "version" (test/functions-metadata.test.ts checks this).
 */
export const ADDIN_VERSION = "0.1.0";

export function version(): string {
  return ADDIN_VERSION;
}
