/**
 * The worked examples of the help page (support.html), one or more per
 * custom function.
 *
 * Only the inputs are written here. At build time webpack.config.js
 * (scripts/support-page.js) writes each formula from the metadata (the
 * Swedish and the English name, `;` or `,` between arguments, decimal comma
 * or point) and computes each result by running the functions bundle it has
 * just built, so names and results on the page cannot drift from what ships.
 * test/support-page.test.ts fails when a function in the metadata has no
 * example here, and recomputes every result through the sources.
 *
 * In the Swedish texts, `{ID}` stands for the function's Swedish name with
 * its namespace (`{CRITERIA}` → STIM.KRITERIER), so a renamed function is
 * renamed here too; an unknown id fails the build.
 *
 * This file must stay free of imports: webpack.config.js loads it at build
 * time, as it loads sv.ts.
 */

/** A cell value as a sheet holds it. */
export type HelpCell = number | string | boolean | null;

/** A range argument: its address in the formula and the values it holds. */
export interface HelpRange {
  ref: string;
  values: HelpCell[][];
}

/**
 * A range holding the table of an allocation sheet as the add-in and `stim
 * template` write it (src/sheets): the build makes that sheet and passes the
 * table's cells, from the header row to the last recipient.
 */
export interface HelpAllocationTable {
  allocationTable: { agreement: string; county: string; demo: boolean };
}

/** An argument: a typed value, a range, a sheet's table, or `undefined` for an omitted optional argument. */
export type HelpArg = HelpCell | HelpRange | HelpAllocationTable | undefined;

export interface HelpExample {
  /** The custom function's id. */
  id: string;
  /** What the sheet holds, in Swedish, when the formula refers to ranges. */
  sheet?: string;
  args: HelpArg[];
  /** What the example shows, in Swedish (one short sentence). */
  note?: string;
}

const column = (ref: string, xs: HelpCell[]): HelpRange => ({ ref, values: xs.map((x) => [x]) });

const UPPSALA_POPULATION = [19968, 9132, 15580, 13450, 20144, 205199, 40656, 21352];

/** The table of a county sheet for Gotland with the fictional demo answers. */
const GOTLAND: HelpAllocationTable = { allocationTable: { agreement: "prio-2014", county: "09", demo: true } };
const GOTLAND_SHEET =
  "Ett länsark för Gotland som tillägget eller stim template prio-2014 --county 09 --demo skriver, med fiktiva svar; tabellen har rubrikraden, Gotlands kommun och Region Gotland.";

export const HELP_EXAMPLES: readonly HelpExample[] = [
  { id: "VERSION", args: [] },
  {
    id: "FUND_SHARE",
    sheet: "A2:A4 kommunkoderna 0114, 0115 och 0117; B2:B4 invånarna 41449, 31616 och 40495; C2:C4 behörig: SANT, SANT, FALSKT.",
    args: [1000000, column("B2:B4", [41449, 31616, 40495]), column("C2:C4", [true, true, false]), column("A2:A4", ["0114", "0115", "0117"])],
    note: "Beloppen summerar exakt till potten; den som inte är behörig får 0.",
  },
  {
    id: "FUND_SHARE",
    sheet: 'B3 innehåller texten "abc".',
    args: [100, column("B2:B4", [1, "abc", 3])],
    note: "Fel indata ger aldrig ett tal utan ett fel med ett meddelande som pekar ut cellen.",
  },
  { id: "SPLIT", args: [1001], note: "70/30 i hela kronor; delarna summerar till beloppet." },
  { id: "POT", args: ["prio-2014", "A1"] },
  { id: "POPULATION", args: [180], note: "Stockholms kommun; 180 och \"0180\" är samma kod." },
  {
    id: "GRUNDKRAV_MET",
    sheet: 'B2:B5 svaren på GK1:s fyra kriterier, i den ordning {CRITERIA} visar dem: SANT, "ja", 1, "x".',
    args: ["prio-2014", "GK1", column("B2:B5", [true, "ja", 1, "x"])],
  },
  {
    id: "GRUNDKRAV_COUNTY",
    sheet: "Uppsala län: B2:B9 de åtta kommunernas folkmängd; C2:C9 SANT för alla utom Enköping.",
    args: [column("C2:C9", UPPSALA_POPULATION.map((_, i) => i !== 6)), column("B2:B9", UPPSALA_POPULATION)],
    note: "Kommunerna som uppfyller grundkraven har minst 80 % av länets invånare.",
  },
  {
    id: "GOAL_MET",
    sheet: 'B2:B6 bredvid {CRITERIA}("prio-2014"; "A1"): 92 %, SANT, 96 %, "95,5 %", "x".',
    args: ["prio-2014", "A1", column("B2:B6", [0.92, true, 0.96, "95,5 %", "x"])],
  },
  { id: "CRITERIA", args: ["prio-2014", "GK1"], note: "En rad per indata: id, kriterium, vad som ska anges och källan." },
  {
    id: "MONTHS_LOWER",
    sheet: "B2:B7 förra årets värden 120, 118, 130, 125, 140, 135; C2:C7 årets 110, 118, 131, 120, 139, 100.",
    args: [column("B2:B7", [120, 118, 130, 125, 140, 135]), column("C2:C7", [110, 118, 131, 120, 139, 100])],
    note: "Lika räknas inte som lägre.",
  },
  {
    id: "EXPLAIN",
    sheet: "B2:B6 som i exemplet för {GOAL_MET}, men 89 % i B2.",
    args: ["prio-2014", "A1", column("B2:B6", [0.89, true, 0.96, "95,5 %", "x"])],
  },
  { id: "SOURCE", args: ["prio-2014", "A1"] },
  { id: "ASSUMPTIONS", args: ["ebp-2014"] },
  {
    id: "ALLOCATION",
    sheet: GOTLAND_SHEET,
    args: ["prio-2014", GOTLAND, 1, "B3"],
    note: "Rad 1 är Gotlands kommun. I arket räknas radnumret fram med RAD() minus tabellens rubrikrad, så att formeln kan kopieras nedåt.",
  },
  { id: "ALLOCATION_STATUS", sheet: GOTLAND_SHEET, args: ["prio-2014", GOTLAND, 2, "A1"], note: "Rad 2 är Region Gotland." },
  { id: "ALLOCATION_STATUS", sheet: GOTLAND_SHEET, args: ["prio-2014", GOTLAND, 1], note: "Utan pott: om grundkraven är uppfyllda." },
  { id: "UNALLOCATED", sheet: GOTLAND_SHEET, args: ["prio-2014", GOTLAND, "A1"] },
  {
    id: "ALLOCATION_SHEET",
    sheet: GOTLAND_SHEET,
    args: ["prio-2014", GOTLAND],
    note: "Spiller först en rad med varje potts ofördelade belopp, sedan en rad per tabellrad (kod, grundkrav, belopp och status per pott). Fördelningsarket har ett sådant anrop under summaraderna; tabellens celler läser det med INDEX.",
  },
];
