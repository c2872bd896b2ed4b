/**
 * "Granska länsark": read a sheet through the workbook adapter, find the
 * allocation table and validate it through the sheet layer (reader with
 * the user's column mapping, then `validateRead`), write the report to a new
 * sheet, and highlight the cells of the findings on request — remembering
 * each cell's previous fill so the highlighting can be removed again.
 * Nothing else in the checked sheet is ever written.
 */
import { FINDING_KIND_SV } from "../../../sheets/findings";
import type { Agreement } from "../../../core/model";
import type { SheetGrid } from "../../../sheets/cells";
import type { Finding, Severity } from "../../../sheets/findings";
import type { ReadResult } from "../../../sheets/read";
import type { ValidationResult } from "../../../sheets/validate";
import type { Fill, WorkbookAdapter } from "../../../office/workbook";
import { MAX_FILL_CELLS, uniqueSheetName } from "../../../office/workbook";
import { formatDate, findingsSummary, readAllocationSheet, reportSheet, validateRead } from "../../../runtime";

/** The user's adjustments to how the sheet is read. */
export interface ReadChoice {
  /** The agreement, when the sheet does not say it (or says it wrongly). */
  agreement?: Agreement;
  /** 0-based header row, when the automatic search picks the wrong row. */
  headerRow?: number;
  /** Column index → column id, or null not to read it. */
  mapping: ReadonlyMap<number, string | null>;
}

/** The sheet as the sheet layer reads it: values and formulas from A1. */
export async function loadSheet(workbook: WorkbookAdapter, sheet: string): Promise<SheetGrid> {
  const used = await workbook.readUsedRange(sheet);
  return { name: used.sheet, values: used.values, formulas: used.formulas as SheetGrid["formulas"] };
}

/** Each kind of finding in Swedish (the sheet layer's, shared with the CLI report). */
export const KIND_LABEL = FINDING_KIND_SV;

/**
 * A finding as the pane says it: the sheet layer's hint for the command
 * line ("ange den med --agreement") becomes where to choose in this view.
 */
export function forPane(f: Finding): Finding {
  const message = f.message.replace(/;?\s*ange den med --agreement\.?/, "; välj den under ”Så lästes bladet”.");
  return message === f.message ? f : { ...f, message };
}

/**
 * Formulas replaced by values, found even when input errors stop the amount
 * checks: the sheet layer validates the same table once more as if the
 * inputs were readable, and of that pass only the cells whose formula is
 * gone are kept, without the amount "the rules give" (which the input
 * errors make unreliable).
 */
function replacedFormulas(grid: SheetGrid, read: ReadResult): Finding[] {
  try {
    const again = validateRead(grid, { ...read, findings: read.findings.filter((f) => f.severity !== "fel") });
    return again.findings
      .filter((f) => f.kind === "formula-replaced" && f.found !== undefined)
      .map((f) => ({ ...f, message: f.message.replace(/;\s*reglerna ger[^.]*\./, "."), expected: undefined, difference: undefined }));
  } catch {
    return []; // the inputs cannot be evaluated at all: the input errors say why
  }
}

/** Reads and validates a loaded sheet. Throws the sheet layer's SheetReadError when no table can be found. */
export function check(grid: SheetGrid, choice: ReadChoice): { read: ReadResult; validation: ValidationResult } {
  const read = readAllocationSheet(grid, { agreement: choice.agreement, headerRow: choice.headerRow, mapping: choice.mapping });
  const validation = validateRead(grid, read);
  const findings = [...validation.findings, ...(validation.checked ? [] : replacedFormulas(grid, read))].map(forPane);
  return { read: { ...read, findings: read.findings.map(forPane) }, validation: { ...validation, findings } };
}

/** "1 cell", "2 celler". */
export function cells(n: number): string {
  return `${n} ${n === 1 ? "cell" : "celler"}`;
}

/** The worst severity first, then by sheet position (row, then column). */
export function ordered(findings: readonly Finding[]): Finding[] {
  const rank: Record<Severity, number> = { fel: 0, avvikelse: 1, notering: 2 };
  const pos = (f: Finding) => {
    const m = /^([A-Z]+)(\d+)$/.exec(f.cell ?? "");
    if (!m) return [-1, -1];
    return [Number(m[2]), [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0)];
  };
  return [...findings].sort((a, b) => {
    const d = rank[a.severity] - rank[b.severity];
    if (d) return d;
    const [ra, ca] = pos(a);
    const [rb, cb] = pos(b);
    return ra - rb || ca - cb;
  });
}

/** Writes the report to a new sheet (links to the cells) and returns its name. */
export async function writeReport(workbook: WorkbookAdapter, validation: ValidationResult, today = new Date()): Promise<string> {
  const read = validation.read;
  const scope = read.scope ? `län ${read.scope}` : "hela riket";
  const findings = ordered(validation.findings);
  const spec = reportSheet([{ findings }], {
    links: true,
    subtitle: [
      `Granskat blad: ${validation.sheet} (${validation.agreement.id}, ${scope}) den ${formatDate(today.toISOString().slice(0, 10))}: ${findingsSummary(validation.findings)}.`,
      ...(validation.checked ? [] : ["Beloppen kontrolleras när felen i indata är rättade."]),
    ],
  });
  const name = uniqueSheetName(`${spec.name} ${validation.sheet}`, await workbook.listSheetNames());
  await workbook.writeSheetSpec({ ...spec, name });
  return name;
}

/** Fill colours for highlighted cells, by severity (Excel's own "Bad", "Neutral" and a light blue). */
export const HIGHLIGHT: Readonly<Record<Severity, string>> = { fel: "#FFC7CE", avvikelse: "#FFEB9C", notering: "#DDEBF7" };

/** What highlighting changed on one sheet: each cell's fill before. */
export interface Highlighting {
  sheet: string;
  previous: { cell: string; fill: Fill }[];
}

/**
 * Highlightings in force, per sheet (lower case), while the pane is open: the
 * view can be left and opened again and still remove what it coloured.
 */
const active = new Map<string, Highlighting>();

export function highlightingOf(sheet: string): Highlighting | undefined {
  return active.get(sheet.toLowerCase());
}

/** The findings' cells on `sheet`, each with the colour of its worst finding. */
export function highlightCells(sheet: string, findings: readonly Finding[]): { cell: string; fill: string }[] {
  const byCell = new Map<string, Severity>();
  for (const f of ordered(findings)) {
    if (!f.cell || f.sheet.toLowerCase() !== sheet.toLowerCase() || byCell.has(f.cell)) continue;
    byCell.set(f.cell, f.severity);
  }
  return [...byCell].map(([cell, severity]) => ({ cell, fill: HIGHLIGHT[severity] }));
}

/**
 * Colours the findings' cells, after reading their fills so `removeHighlighting`
 * can put them back. A sheet highlighted before is restored first, so the
 * fills remembered are always the user's own.
 */
export async function highlight(workbook: WorkbookAdapter, sheet: string, findings: readonly Finding[]): Promise<number> {
  await removeHighlighting(workbook, sheet);
  const cells = highlightCells(sheet, findings);
  if (cells.length === 0) return 0;
  const before: Fill[] = [];
  for (const part of chunks(cells)) before.push(...(await workbook.readFills(sheet, part.map((c) => c.cell))));
  const previous = cells.map((c, i) => ({ cell: c.cell, fill: before[i] }));
  // Remembered before anything is coloured: a failure half-way can still be undone.
  active.set(sheet.toLowerCase(), { sheet, previous });
  for (const part of chunks(cells)) await workbook.writeFills(sheet, part);
  return cells.length;
}

/** Puts back the fills the highlighting replaced; returns how many cells. */
export async function removeHighlighting(workbook: WorkbookAdapter, sheet: string): Promise<number> {
  const h = active.get(sheet.toLowerCase());
  if (!h) return 0;
  for (const part of chunks(h.previous)) await workbook.writeFills(h.sheet, part);
  active.delete(sheet.toLowerCase());
  return h.previous.length;
}

/** Parts of at most MAX_FILL_CELLS (one request each). */
function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += MAX_FILL_CELLS) out.push(items.slice(i, i + MAX_FILL_CELLS));
  return out;
}
