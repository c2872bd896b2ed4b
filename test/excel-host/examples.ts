/**
 * The worked examples of docs/functions.md, computed by the Excel host.
 *
 *   npx tsx test/excel-host/examples.ts     prints every example's result block
 *
 * test/excel-host/docs.test.ts recomputes every example and fails when the
 * result written in docs/functions.md is not the real one.
 */
import { OMIT, type Host, type Shown } from "./host";
import { getAgreement } from "../../src/agreements";
import { demoFacts } from "../../src/agreements/demo";
import { buildAllocationSheet, sheetColumns } from "../../src/sheets";

/**
 * The allocation table of a county sheet for Gotland (prio-2014, fictional
 * demo answers) as Excel passes the range: the header row, Gotland kommun
 * (0980), Region Gotland (landsting 09); 43 columns A–AQ.
 */
export const GOTLAND_TABLE: unknown[][] = (() => {
  const prio = getAgreement("prio-2014");
  const { sheet, geometry } = buildAllocationSheet(prio, sheetColumns(prio), { county: "09", facts: demoFacts(prio) });
  return sheet.cells
    .slice(geometry.headerRow, geometry.lastDataRow + 1)
    .map((row) => row.slice(0, geometry.lastTableColumn + 1).map((c) => c?.value ?? c?.cached ?? null));
})();
const GOTLAND_SHEET = "The table of a county sheet for Gotland made by `stim template prio-2014 --county 09 --demo`: A8:AQ10 holds the header row, Gotland kommun (0980) and Region Gotland (landsting 09), with fictional answers.";

export interface Example {
  id: string;
  /** What the sheet holds, in words. */
  sheet?: string;
  /** The formula as typed in English Excel. */
  formula: string;
  /** The same formula in Swedish Excel (Swedish name, ; between arguments, decimal comma). */
  formulaSv: string;
  /** The arguments as Excel passes them (ranges as 2-D arrays). */
  args: unknown[];
}

const col = (xs: unknown[]) => xs.map((x) => [x]);
const UPPSALA_CODES = ["0305", "0319", "0330", "0331", "0360", "0380", "0381", "0382"];
const UPPSALA_POPS = [19968, 9132, 15580, 13450, 20144, 205199, 40656, 21352];

export const EXAMPLES: Example[] = [
  { id: "VERSION", formula: "=STIM.VERSION()", formulaSv: "=STIM.VERSION()", args: [] },

  {
    id: "FUND_SHARE",
    sheet: 'A2:A4 kommunkoder "0114", "0115", "0117"; B2:B4 invånare 41449, 31616, 40495; C2:C4 behörig SANT, SANT, FALSKT.',
    formula: "=STIM.FUND_SHARE(1000000, B2:B4, C2:C4, A2:A4)",
    formulaSv: "=STIM.FÖRDELA(1000000; B2:B4; C2:C4; A2:A4)",
    args: [1000000, col([41449, 31616, 40495]), col([true, true, false]), col(["0114", "0115", "0117"])],
  },
  {
    id: "FUND_SHARE",
    sheet: "Two recipients with equal keys share 1 krona; the lower code (0114) gets it.",
    formula: '=STIM.FUND_SHARE(1, {1;1}, , {"0180";"0114"})',
    formulaSv: '=STIM.FÖRDELA(1; {1;1}; ; {"0180";"0114"})',
    args: [1, col([1, 1]), OMIT, col(["0180", "0114"])],
  },
  {
    id: "FUND_SHARE",
    sheet: 'Method "round" shows the drift a ROUND() column has: 99 kr of 100 are paid.',
    formula: '=STIM.FUND_SHARE(100, {1;1;1}, , , "round")',
    formulaSv: '=STIM.FÖRDELA(100; {1;1;1}; ; ; "round")',
    args: [100, col([1, 1, 1]), OMIT, OMIT, "round"],
  },
  {
    id: "FUND_SHARE",
    sheet: "B3 holds the text abc.",
    formula: "=STIM.FUND_SHARE(100, B2:B4)",
    formulaSv: "=STIM.FÖRDELA(100; B2:B4)",
    args: [100, col([1, "abc", 3])],
  },

  { id: "SPLIT", formula: "=STIM.SPLIT(1001)", formulaSv: "=STIM.DELA_BELOPP(1001)", args: [1001] },
  { id: "SPLIT", formula: '=STIM.SPLIT(1001, "60 %")', formulaSv: '=STIM.DELA_BELOPP(1001; "60 %")', args: [1001, "60 %"] },
  { id: "SPLIT", formula: "=STIM.SPLIT(1000, 70)", formulaSv: "=STIM.DELA_BELOPP(1000; 70)", args: [1000, 70] },

  { id: "POT", formula: '=STIM.POT("prio-2014", "A1")', formulaSv: '=STIM.POTT("prio-2014"; "A1")', args: ["prio-2014", "A1"] },
  { id: "POT", formula: '=STIM.POT("ALDRE-2014", "pall1")', formulaSv: '=STIM.POTT("ALDRE-2014"; "pall1")', args: ["ALDRE-2014", "pall1"] },
  { id: "POT", formula: '=STIM.POT("prio-2014", "A9")', formulaSv: '=STIM.POTT("prio-2014"; "A9")', args: ["prio-2014", "A9"] },

  { id: "POPULATION", formula: "=STIM.POPULATION(180)", formulaSv: "=STIM.FOLKMÄNGD(180)", args: [[[180]]] },
  { id: "POPULATION", formula: '=STIM.POPULATION("0180")', formulaSv: '=STIM.FOLKMÄNGD("0180")', args: [[["0180"]]] },
  { id: "POPULATION", formula: '=STIM.POPULATION("01")', formulaSv: '=STIM.FOLKMÄNGD("01")', args: [[["01"]]] },
  {
    id: "POPULATION",
    sheet: 'A2:A5 holds 180, "01", an empty cell, 9999.',
    formula: "=STIM.POPULATION(A2:A5)",
    formulaSv: "=STIM.FOLKMÄNGD(A2:A5)",
    args: [col([180, "01", null, 9999])],
  },

  {
    id: "GRUNDKRAV_MET",
    sheet: 'B2:B5 holds SANT, "ja", 1, "x" (the four GK1 criteria in STIM.CRITERIA\'s order).',
    formula: '=STIM.GRUNDKRAV_MET("prio-2014", "GK1", B2:B5)',
    formulaSv: '=STIM.GRUNDKRAV_UPPFYLLT("prio-2014"; "GK1"; B2:B5)',
    args: ["prio-2014", "GK1", col([true, "ja", 1, "x"])],
  },
  {
    id: "GRUNDKRAV_MET",
    sheet: "One row per kommun: C7:F7 holds SANT, SANT, FALSKT, SANT.",
    formula: '=STIM.GRUNDKRAV_MET("prio-2014", "GK1", C7:F7)',
    formulaSv: '=STIM.GRUNDKRAV_UPPFYLLT("prio-2014"; "GK1"; C7:F7)',
    args: ["prio-2014", "GK1", [[true, true, false, true]]],
  },
  {
    id: "GRUNDKRAV_MET",
    sheet: "B3 is empty.",
    formula: '=STIM.GRUNDKRAV_MET("prio-2014", "GK1", B2:B5)',
    formulaSv: '=STIM.GRUNDKRAV_UPPFYLLT("prio-2014"; "GK1"; B2:B5)',
    args: ["prio-2014", "GK1", col([true, null, true, true])],
  },

  {
    id: "GRUNDKRAV_COUNTY",
    sheet: `Uppsala län: A2:A9 the eight kommuner (${UPPSALA_CODES.join(", ")}), B2:B9 =STIM.POPULATION(A2:A9), C2:C9 SANT except Enköping (0381).`,
    formula: "=STIM.GRUNDKRAV_COUNTY(C2:C9, B2:B9)",
    formulaSv: "=STIM.GRUNDKRAV_LÄN(C2:C9; B2:B9)",
    args: [col(UPPSALA_CODES.map((c) => c !== "0381")), col(UPPSALA_POPS)],
  },
  {
    id: "GRUNDKRAV_COUNTY",
    sheet: "The same, with Uppsala kommun (0380, 205 199 of 345 481 inhabitants) failing instead.",
    formula: "=STIM.GRUNDKRAV_COUNTY(C2:C9, B2:B9)",
    formulaSv: "=STIM.GRUNDKRAV_LÄN(C2:C9; B2:B9)",
    args: [col(UPPSALA_CODES.map((c) => c !== "0380")), col(UPPSALA_POPS)],
  },

  {
    id: "GOAL_MET",
    sheet: 'B2:B6 beside =STIM.CRITERIA("prio-2014", "A1"): 92 % (a %-formatted cell sends 0.92), SANT, 96 %, "95,5 %", "x".',
    formula: '=STIM.GOAL_MET("prio-2014", "A1", B2:B6)',
    formulaSv: '=STIM.MÅL_UPPFYLLT("prio-2014"; "A1"; B2:B6)',
    args: ["prio-2014", "A1", col([0.92, true, 0.96, "95,5 %", "x"])],
  },
  {
    id: "GOAL_MET",
    sheet: "A1 with counts: B2:C2 = 899 | 1000 (part | total), the prerequisites as above.",
    formula: '=STIM.GOAL_MET("prio-2014", "A1", B2:C6)',
    formulaSv: '=STIM.MÅL_UPPFYLLT("prio-2014"; "A1"; B2:C6)',
    args: ["prio-2014", "A1", [[899, 1000], [true, null], [0.96, null], ["95,5 %", null], ["x", null]]],
  },
  {
    id: "GOAL_MET",
    sheet: "LKM-OLAMPLIGA: B2:C7 = six months, previous year | this year: 10|9, 10|9, 10|9, 10|10, 10|11, 10|9.",
    formula: '=STIM.GOAL_MET("aldre-2014", "LKM-OLAMPLIGA", B2:C7)',
    formulaSv: '=STIM.MÅL_UPPFYLLT("aldre-2014"; "LKM-OLAMPLIGA"; B2:C7)',
    args: ["aldre-2014", "LKM-OLAMPLIGA", [[10, 9], [10, 9], [10, 9], [10, 10], [10, 11], [10, 9]]],
  },
  {
    id: "GOAL_MET",
    sheet: "PALL1: B2 = 72 % coverage; B3:C6 = the four indicators, baseline | result: 30 %|35 %, 50 %|55 %, 40 %|45 %, 60 %|64 %.",
    formula: '=STIM.GOAL_MET("aldre-2014", "PALL1", B2:C6)',
    formulaSv: '=STIM.MÅL_UPPFYLLT("aldre-2014"; "PALL1"; B2:C6)',
    args: ["aldre-2014", "PALL1", [[0.72, null], [0.3, 0.35], [0.5, 0.55], [0.4, 0.45], [0.6, 0.64]]],
  },
  {
    id: "GOAL_MET",
    sheet: "B1 for Stockholms län: B2 = 6 490 registered patients, B3 = 61 %, B4 = 61 %; the county code 01 lets the core compute the target figure (0,5 % of 2 163 042 = 10 815,21; 60 % of it = 6 489,126).",
    formula: '=STIM.GOAL_MET("prio-2014", "B1", B2:B4, "01")',
    formulaSv: '=STIM.MÅL_UPPFYLLT("prio-2014"; "B1"; B2:B4; "01")',
    args: ["prio-2014", "B1", col([6490, 0.61, 0.61]), "01"],
  },
  {
    id: "GOAL_MET",
    sheet: "The same with 6 489 patients: one below the line.",
    formula: '=STIM.GOAL_MET("prio-2014", "B1", B2:B4, "01")',
    formulaSv: '=STIM.MÅL_UPPFYLLT("prio-2014"; "B1"; B2:B4; "01")',
    args: ["prio-2014", "B1", col([6489, 0.61, 0.61]), "01"],
  },

  { id: "CRITERIA", formula: '=STIM.CRITERIA("prio-2014", "A1")', formulaSv: '=STIM.KRITERIER("prio-2014"; "A1")', args: ["prio-2014", "A1"] },
  {
    id: "CRITERIA",
    formula: '=STIM.CRITERIA("aldre-2014", "UNDVIKBAR")',
    formulaSv: '=STIM.KRITERIER("aldre-2014"; "UNDVIKBAR")',
    args: ["aldre-2014", "UNDVIKBAR"],
  },

  {
    id: "MONTHS_LOWER",
    sheet: "B2:B7 last year 120, 118, 130, 125, 140, 135; C2:C7 this year 110, 118, 131, 120, 139, 100.",
    formula: "=STIM.MONTHS_LOWER(B2:B7, C2:C7)",
    formulaSv: "=STIM.MÅNADER_LÄGRE(B2:B7; C2:C7)",
    args: [col([120, 118, 130, 125, 140, 135]), col([110, 118, 131, 120, 139, 100])],
  },

  {
    id: "EXPLAIN",
    sheet: "B2:B6 as for GOAL_MET A1, but 89 % in B2.",
    formula: '=STIM.EXPLAIN("prio-2014", "A1", B2:B6)',
    formulaSv: '=STIM.FÖRKLARA("prio-2014"; "A1"; B2:B6)',
    args: ["prio-2014", "A1", col([0.89, true, 0.96, "95,5 %", "x"])],
  },

  { id: "SOURCE", formula: '=STIM.SOURCE("prio-2014", "A1")', formulaSv: '=STIM.KÄLLA("prio-2014"; "A1")', args: ["prio-2014", "A1"] },
  { id: "SOURCE", formula: '=STIM.SOURCE("prio-2014", "GK2/akuta-problem")', formulaSv: '=STIM.KÄLLA("prio-2014"; "GK2/akuta-problem")', args: ["prio-2014", "GK2/akuta-problem"] },
  { id: "SOURCE", formula: '=STIM.SOURCE("aldre-2014", "four-of-six-at-least")', formulaSv: '=STIM.KÄLLA("aldre-2014"; "four-of-six-at-least")', args: ["aldre-2014", "four-of-six-at-least"] },

  { id: "ASSUMPTIONS", formula: '=STIM.ASSUMPTIONS("ebp-2014")', formulaSv: '=STIM.ANTAGANDEN("ebp-2014")', args: ["ebp-2014"] },

  {
    id: "ALLOCATION",
    sheet: GOTLAND_SHEET + " In BE9 (Gotland kommun's B3 amount):",
    formula: '=STIM.ALLOCATION("prio-2014", $A$8:$AQ$10, ROW()-ROW($A$8), "B3")',
    formulaSv: '=STIM.TILLDELNING("prio-2014"; $A$8:$AQ$10; RAD()-RAD($A$8); "B3")',
    args: ["prio-2014", GOTLAND_TABLE, 1, "B3"],
  },
  {
    id: "ALLOCATION_STATUS",
    sheet: "The same table; in AT10 (Region Gotland, A1 status):",
    formula: '=STIM.ALLOCATION_STATUS("prio-2014", $A$8:$AQ$10, ROW()-ROW($A$8), "A1")',
    formulaSv: '=STIM.TILLDELNINGSSTATUS("prio-2014"; $A$8:$AQ$10; RAD()-RAD($A$8); "A1")',
    args: ["prio-2014", GOTLAND_TABLE, 2, "A1"],
  },
  {
    id: "ALLOCATION_STATUS",
    sheet: "The same table; without a pot, the basic requirements after the county rule (Gotland kommun):",
    formula: '=STIM.ALLOCATION_STATUS("prio-2014", $A$8:$AQ$10, 1)',
    formulaSv: '=STIM.TILLDELNINGSSTATUS("prio-2014"; $A$8:$AQ$10; 1)',
    args: ["prio-2014", GOTLAND_TABLE, 1],
  },
  {
    id: "UNALLOCATED",
    sheet: "The same table; the part of A1 nobody receives (a county sheet counts the other counties as qualifying, so nothing is left):",
    formula: '=STIM.UNALLOCATED("prio-2014", $A$8:$AQ$10, "A1")',
    formulaSv: '=STIM.OFÖRDELAT("prio-2014"; $A$8:$AQ$10; "A1")',
    args: ["prio-2014", GOTLAND_TABLE, "A1"],
  },
  {
    id: "ALLOCATION_SHEET",
    sheet: "The same table; the calculation block's one call (first row the unallocated kronor, then one row per table row):",
    formula: '=STIM.ALLOCATION_SHEET("prio-2014", $A$8:$AQ$10)',
    formulaSv: '=STIM.FÖRDELNINGSBLAD("prio-2014"; $A$8:$AQ$10)',
    args: ["prio-2014", GOTLAND_TABLE],
  },
];

/** A result as docs/functions.md writes it. */
export function render(shown: Shown): string {
  if (shown.kind === "error") return `${shown.code} «${shown.message}»`;
  const cell = (v: unknown): string => {
    if (typeof v === "object" && v !== null && "code" in v) {
      const e = v as { code: string; message: string };
      return `${e.code} «${e.message}»`;
    }
    if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
    if (typeof v === "string") return v === "" ? "(tom)" : `"${v}"`;
    return String(v);
  };
  if (Array.isArray(shown.value)) return (shown.value as unknown[][]).map((row) => row.map(cell).join(" | ")).join("\n");
  return cell(shown.value);
}

/** The block docs/functions.md shows for an example. */
export function block(ex: Example, host: Host): string {
  const lines = [] as string[];
  if (ex.sheet) lines.push(`Sheet: ${ex.sheet}`, "");
  lines.push("```", ex.formula, ex.formulaSv, "```", "", "Result:", "", "```", render(host.call(ex.id, ex.args)), "```");
  return lines.join("\n");
}

if (require.main === module) {
  void (async () => {
    const { loadHost } = await import("./host");
    const host = await loadHost("source");
    for (const ex of EXAMPLES) console.log(`\n#### ${ex.id}\n\n${block(ex, host)}\n`);
    host.close();
  })();
}
