/**
 * The county summary ("Länsöversikt") as a sheet: every amount one county
 * can receive across the agreements, grouped as in the Stockholm table of
 * SKL's memo (003): fixed amounts (their sum is the minimum), conditional
 * amounts, amounts announced later, and the performance pots the county's
 * bodies can share. A `SheetSpec` like the allocation workbook's, written by
 * the task pane through the workbook adapter (`writeSheetSpec`) or by the CLI.
 *
 * The figures are the core's (`countySummary`); this module only lays them out.
 */
import { formatCitation, formatKr, formatSummaryKind } from "../core/format";
import type { Citation } from "../core/model";
import type { CountySummary, SummaryItem, SummaryKind } from "../core/summary";
import type { CellSpec, CellValue, SheetSpec, StyleId } from "./layout";

/** The groups of the summary, in the order of 003's table, with their Swedish headings. */
export const SUMMARY_GROUPS: readonly { kind: SummaryKind; heading: string; sumLabel?: string }[] = [
  // The fixed amounts add up to the minimum, shown once at the end.
  { kind: "fixed", heading: "Fasta belopp" },
  { kind: "conditional", heading: "Villkorade belopp", sumLabel: "Summa villkorade belopp (om villkoren uppfylls)" },
  { kind: "later", heading: "Belopp som meddelas senare" },
  { kind: "performance", heading: "Prestationsbaserade medel (beror på resultat)" },
];

/** Kronor with a space every three digits, shown as "13 878 000 kr" in Excel. */
export const KRONOR_FORMAT = '#,##0 "kr"';

export const SUMMARY_HEADER = ["Överenskommelse", "Pott", "Post", "Typ", "Belopp", "Villkor eller anmärkning", "Källa"] as const;
const AMOUNT = SUMMARY_HEADER.indexOf("Belopp");
const WIDTHS = [16, 22, 60, 18, 16, 70, 60];

const cell = (value: CellValue | undefined, style?: StyleId, numFmt?: string): CellSpec | null =>
  value === undefined || value === "" ? (style ? { style } : null) : { value, ...(style ? { style } : {}), ...(numFmt ? { numFmt } : {}) };

/** A row with `first` in column A and `amount` (if any) in the amount column. */
function line(first: string, style: StyleId, amount?: number, note?: string): (CellSpec | null)[] {
  const row: (CellSpec | null)[] = SUMMARY_HEADER.map(() => null);
  row[0] = cell(first, style);
  if (amount !== undefined) row[AMOUNT] = cell(amount, style, KRONOR_FORMAT);
  if (note !== undefined) row[AMOUNT + 1] = cell(note, style);
  return row;
}

function itemRow(item: SummaryItem, citation: (c: Citation) => string): (CellSpec | null)[] {
  return [
    cell(item.agreement),
    cell(item.pot),
    cell(item.title),
    cell(formatSummaryKind(item.kind)),
    item.amount === null ? null : cell(item.amount, undefined, KRONOR_FORMAT),
    cell(item.note),
    cell(citation(item.source)),
  ];
}

/**
 * The summary of one county as a sheet named `name` (default "Länsöversikt
 * 01"; the writer makes it unique). `citation` turns a citation into the text
 * users read (default: the source registry's full form).
 */
export function countySummarySheet(
  summary: CountySummary,
  options: { name?: string; citation?: (c: Citation) => string } = {},
): SheetSpec {
  const citation = options.citation ?? ((c: Citation) => formatCitation(c, "full"));
  const cells: (CellSpec | null)[][] = [];
  cells.push(line(`Stimulansmedel 2014 för ${summary.name} (${summary.county})`, "title"));
  cells.push(line("Alla överenskommelser; beloppen är hela kronor enligt källorna. Prestationsbaserade medel beror på resultaten och ingår inte i summan.", "note"));
  cells.push(SUMMARY_HEADER.map(() => null));
  cells.push(SUMMARY_HEADER.map((h) => cell(h, "header")));
  for (const g of SUMMARY_GROUPS) {
    const items = summary.items.filter((i) => i.kind === g.kind);
    if (items.length === 0) continue;
    cells.push(line(g.heading, "subtitle"));
    for (const item of items) cells.push(itemRow(item, citation));
    if (g.sumLabel) cells.push(line(g.sumLabel, "total", items.reduce((s, i) => s + (i.amount ?? 0), 0)));
  }
  cells.push(SUMMARY_HEADER.map(() => null));
  cells.push(
    line(
      "Summa (minst)",
      "total",
      summary.minimum,
      `${formatKr(summary.minimum)} plus eventuella villkorade belopp (${formatKr(summary.conditional)}), belopp som meddelas senare (${summary.later} st.) och prestationsbaserade medel (${summary.performance} potter)`,
    ),
  );
  return { name: options.name ?? `Länsöversikt ${summary.county}`, cells, columnWidths: [...WIDTHS], validations: [], freeze: { rows: 4, columns: 0 } };
}
