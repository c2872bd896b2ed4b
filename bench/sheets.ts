/**
 * The workbook bench (issue: allocation workbooks):
 * - writing the national template (layout with cached values + xlsx);
 * - reading and validating one 290-kommun sheet (xlsx → grid → facts →
 *   core → every formula cell compared);
 * - `stim validate` over a folder of 21 generated county workbooks, as a
 *   user runs it: a new node process on the bundled CLI, process start
 *   included (target < 5 s on this 2-core machine);
 * - one full recalculation of the four templates as Excel would run it:
 *   STIM.* cells and the values passed to them, before and after the
 *   calculation block (bench/recalc-cost.ts), and the one spilled call's
 *   time after an input changed (function time, no Excel).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getAgreement } from "../src/agreements";
import { demoFacts } from "../src/agreements/demo";
import { buildWorkbook, validateWorkbook } from "../src/sheets";
import { readXlsxBytes, writeXlsx } from "../src/cli/xlsx";
import { allocationSheet } from "../src/functions/functions";
import { templateCosts } from "./recalc-cost";
import { LAN } from "../src/reference";
import { median, time, timeAsync } from "./timing";


export async function runSheetsBench(log: (line: string) => void, cli: string): Promise<void> {
  const prio = getAgreement("prio-2014");
  const facts = demoFacts(prio);
  log("Allocation workbooks (prio-2014, fictional demo data):");

  const layoutMs = time(() => buildWorkbook(prio, { facts }), 10, 2);
  const spec = buildWorkbook(prio, { facts });
  const writeMs = await timeAsync(() => writeXlsx(spec), 5);
  const bytes = await writeXlsx(spec);
  log(
    `  writing the national template (311 rows, ${spec.sheets[0].cells[0].length} columns): layout with cached values ${layoutMs.toFixed(0)} ms + xlsx ${writeMs.toFixed(0)} ms = ${(layoutMs + writeMs).toFixed(0)} ms (${(bytes.length / 1024).toFixed(0)} KB; medians)`,
  );

  const readMs = await timeAsync(() => readXlsxBytes(bytes, "riket.xlsx"), 5);
  const grids = await readXlsxBytes(bytes, "riket.xlsx");
  const validateMs = time(() => validateWorkbook(grids), 10, 2);
  const v = validateWorkbook(grids);
  log(
    `  reading and validating one 290-kommun sheet: xlsx read ${readMs.toFixed(0)} ms + read, recompute and compare ${validateMs.toFixed(0)} ms = ${(readMs + validateMs).toFixed(0)} ms; findings: ${v.findings.length} (medians)`,
  );

  // 21 county workbooks in a folder, validated by a new process.
  const dir = mkdtempSync(join(tmpdir(), "stim-bench-"));
  const folder = join(dir, "lan");
  mkdirSync(folder);
  for (const l of LAN) writeFileSync(join(folder, `${l.code}.xlsx`), await writeXlsx(buildWorkbook(prio, { facts, county: l.code })));
  if (existsSync(cli)) {
    const runs: number[] = [];
    let code = -1;
    for (let i = 0; i < 3; i++) {
      const s = process.hrtime.bigint();
      const r = spawnSync(process.execPath, [cli, "validate", folder], { encoding: "utf8" });
      runs.push(Number(process.hrtime.bigint() - s) / 1e6);
      code = r.status ?? -1;
    }
    const start = spawnSync(process.execPath, [cli, "help"], { encoding: "utf8" });
    void start;
    const startMs = median(
      [0, 1, 2].map(() => {
        const s = process.hrtime.bigint();
        spawnSync(process.execPath, [cli, "help"]);
        return Number(process.hrtime.bigint() - s) / 1e6;
      }),
    );
    log(
      `  stim validate <folder of 21 county workbooks>, a new node process on the bundled CLI: ${(median(runs) / 1000).toFixed(2)} s wall clock incl. process start (${startMs.toFixed(0)} ms of it is starting node and loading the CLI); exit ${code}; target < 5 s (median of 3)`,
    );
  } else {
    log(`  stim validate over 21 county workbooks: ${cli} not built`);
  }
  rmSync(dir, { recursive: true, force: true });

  // What one full recalculation costs Excel: STIM.* cells and the values passed to them, measured from the files.
  log("  one full recalculation, measured from the generated files (STIM.* cells; values Excel passes to them). Before: the per-row layout up to commit 9dba75b (same script run on that tree):");
  const BEFORE: Record<string, [number, number]> = {
    "prio-2014 riket": [1695, 22_650_968],
    "prio-2014 län 01": [148, 170_174],
    "aldre-2014 riket": [7826, 288_741_109],
    "aldre-2014 län 01": [577, 1_830_086],
  };
  for (const t of await templateCosts()) {
    const [cells, values] = BEFORE[t.name];
    log(
      `    ${t.name}: ${cells} → ${t.cost.stimCells} STIM.* cells (target ≤ ${t.pots + 10}); ${values.toLocaleString("sv-SE")} → ${t.cost.values.toLocaleString("sv-SE")} values (target ≤ ${(2 * t.cost.inputCells).toLocaleString("sv-SE")})`,
    );
  }

  // The one spilled call after an input change (function time, no Excel).
  const alloc = spec.sheets[0];
  const header = alloc.cells.findIndex((r) => r[0]?.value === "Kod");
  const lastInput = alloc.table!.headers.findIndex((h) => h.startsWith("Grundkrav uppfyllda")) - 1;
  const table = alloc.cells.slice(header, header + 312).map((r) => r.slice(0, lastInput + 1).map((c) => c?.value ?? c?.cached ?? null));
  let n = 0;
  const recalc = () => {
    // A new population figure each time: never a cache hit, as after a real edit.
    const t = table.map((r) => [...r]);
    t[1][4] = 100_000 + ++n;
    allocationSheet("prio-2014", t);
  };
  const recalcMs = time(recalc, 5, 1);
  log(`  national sheet recalculated after one input changed: one STIM.ALLOCATION_SHEET call with the 312 × ${lastInput + 1} range in ${recalcMs.toFixed(1)} ms (read, evaluate, spill; a changed input each time, no cache hit; median of 5)`);
}
