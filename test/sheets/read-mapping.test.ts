/**
 * The reader with the caller's column mapping (the task pane's "Granska
 * länsark" lets the user adjust how columns are read): every header cell's
 * reading is reported; a column the headers do not name can be read as the
 * column the user chooses, a column can be left unread, and the header row
 * can be given. Expected facts are those of the unchanged template.
 */
import { getAgreement } from "../../src/agreements";
import { columnIndexToLetters } from "../../src/sheets/a1";
import { demoFacts } from "../../src/agreements/demo";
import { buildWorkbook, readAllocationSheet, SheetGrid, SheetReadError, validateRead } from "../../src/sheets";

const PRIO = getAgreement("prio-2014");

function grid(county = "12"): SheetGrid {
  const s = buildWorkbook(PRIO, { county, facts: demoFacts(PRIO) }).sheets[0];
  return {
    name: s.name,
    values: s.cells.map((r) => r.map((c) => (c ? (c.value ?? c.cached ?? "") : ""))),
    formulas: s.cells.map((r) => r.map((c) => (c?.formula ? `=${c.formula}` : ""))),
  };
}

describe("headers: how every header cell was read", () => {
  test("the template: one reading per header, all exact, in column order, and the same as `columns`", () => {
    const r = readAllocationSheet(grid());
    expect(r.headers.length).toBe(r.columns.size);
    expect(r.headers.every((h) => h.how === "exact")).toBe(true);
    expect(r.headers.map((h) => h.col)).toEqual([...r.headers.map((h) => h.col)].sort((a, b) => a - b));
    for (const h of r.headers) expect(r.columns.get(h.column!)).toBe(h.col);
    expect(r.headers[0]).toEqual({ col: 0, cell: `A${r.headerRow + 1}`, text: "Kod", column: "kod", how: "exact" });
  });

  test("an unrecognised header is listed as unknown, a typo as guessed", () => {
    const g = grid();
    const r0 = readAllocationSheet(g);
    const a = r0.columns.get("GK1.innehall")!;
    const b = r0.columns.get("GK2.uppdaterad")!;
    g.values[r0.headerRow][a] = "Svar fråga 1";
    g.values[r0.headerRow][b] = "GK2 – Hänvisningar och länkar är uppdaterad med aktuell information för 2014";
    const r = readAllocationSheet(g);
    expect(r.headers.find((h) => h.col === a)).toMatchObject({ text: "Svar fråga 1", how: "unknown" });
    expect(r.headers.find((h) => h.col === a)!.column).toBeUndefined();
    expect(r.headers.find((h) => h.col === b)).toMatchObject({ column: "GK2.uppdaterad", how: "guessed" });
  });
});

describe("mapping: the caller's reading of columns", () => {
  test("a column whose header nobody recognises is read as the chosen column: the facts equal the template's and nothing is reported", () => {
    const g = grid();
    const base = readAllocationSheet(g);
    const a = base.columns.get("GK1.innehall")!;
    g.values[base.headerRow][a] = "Svar fråga 1";
    const unmapped = readAllocationSheet(g);
    expect(unmapped.findings.map((f) => f.kind).sort()).toEqual(["missing-column", "unknown-column"]);
    const r = readAllocationSheet(g, { mapping: new Map([[a, "GK1.innehall"]]) });
    expect(r.findings).toEqual([]);
    expect(r.facts).toEqual(base.facts);
    expect(r.headers.find((h) => h.col === a)).toEqual({ col: a, cell: `${columnIndexToLetters(a)}${base.headerRow + 1}`, text: "Svar fråga 1", column: "GK1.innehall", how: "user" });
    // And the validation through the sheet layer is clean (amounts compared).
    const v = validateRead(g, r);
    expect(v.checked).toBe(true);
    expect(v.findings).toEqual([]);
  });

  test("null leaves a recognised column unread: its answers count as missing, as the reader reports", () => {
    const g = grid();
    const base = readAllocationSheet(g);
    const a = base.columns.get("GK1.innehall")!;
    const r = readAllocationSheet(g, { mapping: new Map([[a, null]]) });
    expect(r.columns.has("GK1.innehall")).toBe(false);
    expect(r.headers.find((h) => h.col === a)).toMatchObject({ how: "ignored" });
    expect(r.findings.map((f) => `${f.severity}:${f.kind}`)).toEqual(["fel:missing-column"]);
    expect(r.findings[0].message).toContain("GK1 – ");
    for (const k of Object.values(r.facts.counties["12"].kommuner ?? {})) expect(k.answers?.GK1?.innehall).toBeUndefined();
  });

  test("two columns swapped by mistake in the headers are read right when the user maps them", () => {
    const g = grid();
    const r0 = readAllocationSheet(g);
    const a = r0.columns.get("GK1.innehall")!;
    const b = r0.columns.get("GK1.uppfoljning")!;
    // Malmö answers the two differently, so reading one as the other changes the facts.
    const malmo = r0.rows.find((x) => x.code === "1280")!.row;
    g.values[malmo][a] = "Nej";
    g.values[malmo][b] = "Ja";
    const base = readAllocationSheet(g);
    // The data stay, the header texts are swapped: read by headers, the answers land in the wrong criteria.
    [g.values[base.headerRow][a], g.values[base.headerRow][b]] = [g.values[base.headerRow][b], g.values[base.headerRow][a]];
    const wrong = readAllocationSheet(g);
    expect(wrong.facts).not.toEqual(base.facts);
    const r = readAllocationSheet(g, { mapping: new Map([[a, "GK1.innehall"], [b, "GK1.uppfoljning"]]) });
    expect(r.facts).toEqual(base.facts);
    expect(r.findings).toEqual([]);
  });

  test("a choice that another header also names: the user's choice wins and the other column is the duplicate", () => {
    const g = grid();
    const base = readAllocationSheet(g);
    const a = base.columns.get("GK1.innehall")!;
    const b = base.columns.get("GK1.uppfoljning")!;
    const r = readAllocationSheet(g, { mapping: new Map([[b, "GK1.innehall"]]) });
    expect(r.columns.get("GK1.innehall")).toBe(b);
    expect(r.headers.find((h) => h.col === a)).toMatchObject({ how: "duplicate", column: "GK1.innehall" });
    const dup = r.findings.find((f) => f.kind === "duplicate-column")!;
    expect(dup.severity).toBe("fel");
    expect(dup.cell).toBe(r.headers.find((h) => h.col === a)!.cell);
    expect(dup.message).toMatch(/finns två gånger .*välj en annan tolkning/);
  });

  test("an empty header cell can be mapped (a column the sender left without a header)", () => {
    const g = grid();
    const base = readAllocationSheet(g);
    const a = base.columns.get("GK2.information")!;
    g.values[base.headerRow][a] = "";
    expect(readAllocationSheet(g).findings.map((f) => f.kind)).toEqual(["missing-column"]);
    const r = readAllocationSheet(g, { mapping: new Map([[a, "GK2.information"]]) });
    expect(r.findings).toEqual([]);
    expect(r.facts).toEqual(base.facts);
    expect(r.headers.find((h) => h.col === a)).toMatchObject({ text: "", how: "user" });
  });

  test("a choice that is not a column of the agreement is refused in Swedish, naming the column letter", () => {
    const g = grid();
    expect(() => readAllocationSheet(g, { mapping: new Map([[2, "GK9.finns-inte"]]) })).toThrow(SheetReadError);
    expect(() => readAllocationSheet(g, { mapping: new Map([[2, "GK9.finns-inte"]]) })).toThrow(/Kolumnvalet GK9\.finns-inte för kolumn C finns inte i prio-2014; välj en kolumn ur listan\./);
  });

  test("mapping Kod away leaves no code column: refused with what to do", () => {
    const g = grid();
    expect(() => readAllocationSheet(g, { mapping: new Map([[0, null]]) })).toThrow(/ingen kolumn som läses som "Kod"; välj vilken kolumn/);
  });
});

describe("headerRow: the caller names the header row", () => {
  test("headers nobody recognises, all mapped by the user on the given row: the facts are the template's", () => {
    const g = grid();
    const base = readAllocationSheet(g);
    const mapping = new Map<number, string>();
    for (const h of base.headers) {
      g.values[base.headerRow][h.col] = `Kolumn ${h.col + 1}`;
      mapping.set(h.col, h.column!);
    }
    expect(() => readAllocationSheet(g)).toThrow(SheetReadError);
    const r = readAllocationSheet(g, { headerRow: base.headerRow, mapping });
    expect(r.facts).toEqual(base.facts);
    expect(r.findings).toEqual([]);
  });

  test("a header row outside the sheet, or one without Kod, is refused in Swedish", () => {
    const g = grid();
    expect(() => readAllocationSheet(g, { headerRow: 5000 })).toThrow(/Rubrikraden 5001 ligger utanför bladet/);
    expect(() => readAllocationSheet(g, { headerRow: 0 })).toThrow(/Rubrikraden \(rad 1\) har ingen kolumn som läses som "Kod"/);
  });
});
