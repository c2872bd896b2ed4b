/**
 * The county summary ("Länsöversikt") as a worksheet: every amount one county
 * can receive across the agreements, grouped as in the Stockholm table of
 * SKL's memo (003): fixed amounts and their sum (the minimum), conditional
 * amounts, amounts announced later, and the performance pots the county's
 * bodies can share. Host-neutral: a grid of values plus formats, written by
 * the task pane through the workbook adapter (or by any other face).
 *
 * The figures are the core's (`countySummary`); this module only lays them out.
 */
import { formatKr } from "../core/exact";
import { formatCitation } from "../core/format";
import type { Citation } from "../core/model";
import type { CountySummary, SummaryItem, SummaryKind } from "../core/summary";

/** A cell value as sheets hold it. */
export type SheetValue = string | number | boolean;

/** A worksheet to write: values from A1, with formats. */
export interface SheetLayout {
  /** Suggested sheet name (≤ 31 characters, no : \ / ? * [ ]); the writer makes it unique. */
  name: string;
  values: SheetValue[][];
  /** Number format per column (Excel's invariant codes), applied to that column's numbers. */
  columnFormats: (string | null)[];
  /** Rows (0-based) shown in bold: the title, headings, sums. */
  boldRows: number[];
  /** Column widths in characters. */
  columnWidths: number[];
}

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

const HEADER = ["Överenskommelse", "Pott", "Post", "Belopp", "Villkor eller anmärkning", "Källa"] as const;
const AMOUNT_COLUMN = 3;

function itemRow(item: SummaryItem, citation: (c: Citation) => string): SheetValue[] {
  return [item.agreement, item.pot, item.title, item.amount ?? "", item.note, citation(item.source)];
}

/**
 * The summary of one county as a sheet. `citation` turns a citation into the
 * text users read (default: the core's full form, src/core/format.ts).
 */
export function countySummarySheet(summary: CountySummary, citation: (c: Citation) => string = (c) => formatCitation(c)): SheetLayout {
  const values: SheetValue[][] = [];
  const boldRows: number[] = [];
  const blank = (): SheetValue[] => HEADER.map(() => "");
  const row = (first: SheetValue, rest: SheetValue[] = []): SheetValue[] => {
    const r = blank();
    r[0] = first;
    rest.forEach((v, i) => (r[i + 1] = v));
    return r;
  };
  const bold = (r: SheetValue[]) => {
    boldRows.push(values.length);
    values.push(r);
  };

  bold(row(`Stimulansmedel 2014 för ${summary.name} (${summary.county})`));
  values.push(row("Alla överenskommelser; beloppen är hela kronor enligt källorna. Prestationsbaserade medel beror på resultaten och ingår inte i summan."));
  values.push(blank());
  bold([...HEADER]);
  for (const g of SUMMARY_GROUPS) {
    const items = summary.items.filter((i) => i.kind === g.kind);
    if (items.length === 0) continue;
    bold(row(g.heading));
    for (const item of items) values.push(itemRow(item, citation));
    if (g.sumLabel) {
      const sum = items.reduce((s, i) => s + (i.amount ?? 0), 0);
      bold(row(g.sumLabel, ["", "", sum]));
    }
  }
  values.push(blank());
  bold(
    row("Summa (minst)", [
      "",
      "",
      summary.minimum,
      `${formatKr(summary.minimum)} plus eventuella villkorade belopp (${formatKr(summary.conditional)}), belopp som meddelas senare (${summary.later} st.) och prestationsbaserade medel (${summary.performance} potter)`,
    ]),
  );

  const columnFormats = HEADER.map((_, i) => (i === AMOUNT_COLUMN ? KRONOR_FORMAT : null));
  return {
    name: `Länsöversikt ${summary.county}`,
    values,
    columnFormats,
    boldRows,
    columnWidths: [16, 22, 60, 16, 70, 50],
  };
}
