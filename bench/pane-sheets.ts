/**
 * The task pane's sheet views, on the in-memory workbook of the browser
 * preview (issue: task pane, "Performance"): each case is the whole
 * operation behind a button, adapter calls included.
 * - "Bygg fördelningsark": the national prio-2014 sheet with the demo data
 *   (layout with cached values, four sheets written, the sheet selected);
 * - "Granska länsark": the used range read back, the table found and read,
 *   every formula cell recomputed and compared — for the national sheet
 *   (290 kommuner + 21 landsting) and the largest county sheet (Västra
 *   Götaland, 49 kommuner);
 * - "Förklara": one selected row explained from the full typed trace.
 * Targets: building and validating each under 1 s.
 */
import { MemoryWorkbook } from "../src/office/memoryWorkbook";
import { buildSheets } from "../src/taskpane/views/build/build";
import { check, loadSheet } from "../src/taskpane/views/review/review";
import { explainSelection } from "../src/taskpane/views/explain/explain";
import { timeAsync } from "./timing";


const quiet = async () => undefined;

export async function runPaneSheetsBench(log: (line: string) => void): Promise<void> {
  log("Task pane sheet views on the in-memory workbook (prio-2014, fictional demo data; medians):");
  const build = await timeAsync(() => buildSheets(new MemoryWorkbook(), { agreement: "prio-2014", demo: true }, quiet), 5);
  log(`  Bygg fördelningsark, national sheet (311 rows, 5 sheets written): ${build.toFixed(0)} ms (target < 1 000 ms)`);

  const national = new MemoryWorkbook();
  await buildSheets(national, { agreement: "prio-2014", demo: true }, quiet);
  let findings = -1;
  const review = await timeAsync(async () => {
    const { validation } = check(await loadSheet(national, "Fördelning"), { mapping: new Map() });
    findings = validation.findings.length;
  }, 5);
  log(`  Granska länsark, national sheet (290 kommuner + 21 landsting): ${review.toFixed(0)} ms, ${findings} findings (target < 1 000 ms)`);

  const county = new MemoryWorkbook();
  // A county's allocation sheet is named after the county ("Fördelning 14 Västra Götaland").
  const countySheet = (await buildSheets(county, { agreement: "prio-2014", county: "14", demo: true }, quiet)).sheets[0];
  const reviewCounty = await timeAsync(async () => check(await loadSheet(county, countySheet), { mapping: new Map() }), 5);
  log(`  Granska länsark, county sheet 14 Västra Götaland (49 kommuner + landsting): ${reviewCounty.toFixed(0)} ms`);

  national.select("Fördelning", "H300");
  const explain = await timeAsync(() => explainSelection(national), 5);
  log(`  Förklara, one row of the national sheet (read, evaluate with the full trace, group): ${explain.toFixed(0)} ms`);
}
