/**
 * The sheet "Kalender": an agreement's obligations in date order (what must
 * be done, by whom, by when, and what happens otherwise), from the same
 * entries the CLI and the task pane show (core/obligations.ts).
 */
import { formatCitation } from "../core/format";
import { Agreement } from "../core/model";
import { Calendar, consequenceText, obligationCalendar } from "../core/obligations";
import type { CellSpec, SheetSpec } from "./layout";

export const CALENDAR_SHEET = "Kalender";
export const CALENDAR_HEADER = ["Datum", "Till och med", "När", "Vem", "Vad", "Till", "Om det missas", "Källa", "Status"] as const;
const WIDTHS = [12, 12, 34, 16, 70, 28, 60, 50, 12];

const text = (value: string | undefined, style?: CellSpec["style"]): CellSpec | null =>
  value ? { value, ...(style ? { style } : {}) } : style ? { style } : null;

/** The calendar of `agreement` (optionally for one county) as a sheet. */
export function calendarSheet(agreement: Agreement, options: { county?: string } = {}): SheetSpec {
  const cal: Calendar = obligationCalendar([agreement], { county: options.county });
  const cells: (CellSpec | null)[][] = [];
  const blank = () => CALENDAR_HEADER.map(() => null);
  cells.push([text(`Åtaganden och datum: ${agreement.title}`, "title"), ...blank().slice(1)]);
  cells.push([
    text(
      options.county
        ? `Det som kommunerna, landstinget och huvudmännen i län ${options.county} ska göra. Datum är sista dag; perioder anges med båda dagarna.`
        : "Alla parters åtaganden enligt källorna. Datum är sista dag; perioder anges med båda dagarna.",
      "note",
    ),
    ...blank().slice(1),
  ]);
  cells.push(blank());
  cells.push(CALENDAR_HEADER.map((h) => text(h, "header")));
  const status = (s: string) => (s === "assumption" ? "antagande" : "källa");
  for (const e of cal.dated) {
    cells.push([
      text(e.date),
      text(e.end),
      text(e.when),
      text(e.who),
      text(e.what),
      text(e.to),
      text(consequenceText(e)),
      text(formatCitation(e.source, "short")),
      text(status(e.status)),
    ]);
  }
  for (const e of cal.undated) {
    cells.push([text("utan datum"), null, text(e.note), text(e.who), text(e.what), text(e.to), text(consequenceText(e)), text(formatCitation(e.source, "short")), text(status(e.status))]);
  }
  return { name: CALENDAR_SHEET, cells, columnWidths: [...WIDTHS], validations: [], freeze: { rows: 4, columns: 0 } };
}
