/**
 * The in-memory workbook's reading, selecting and highlighting (the browser
 * preview and the component tests run on it): it behaves as the office.js
 * adapter does (test/office-workbook-inspect.test.ts) where the views rely
 * on it.
 */
import { getAgreement } from "../src/agreements";
import { demoFacts } from "../src/agreements/demo";
import { MemoryWorkbook } from "../src/office/memoryWorkbook";
import { WorkbookError } from "../src/office/workbook";
import { buildWorkbook } from "../src/sheets";

describe("readUsedRange", () => {
  test("a written layout reads back from A1 with the cached values and the formulas as written", async () => {
    const prio = getAgreement("prio-2014");
    const spec = buildWorkbook(prio, { county: "03", facts: demoFacts(prio) }).sheets[0];
    const wb = new MemoryWorkbook();
    await wb.writeSheetSpec(spec);
    const used = await wb.readUsedRange(spec.name);
    const width = Math.max(...spec.cells.map((r) => r.length));
    expect(used.values).toHaveLength(spec.cells.length);
    expect(used.values.every((r) => r.length === width)).toBe(true);
    spec.cells.forEach((row, r) =>
      row.forEach((c, i) => {
        if (c?.formula !== undefined) {
          expect(used.formulas[r][i]).toBe(`=${c.formula}`);
          expect(used.values[r][i]).toBe(c.cached ?? "");
        } else {
          expect(used.formulas[r][i]).toBe("");
          expect(used.values[r][i]).toBe(c?.value ?? "");
        }
      }),
    );
  });

  test("an empty sheet is one empty cell; a missing sheet is refused", async () => {
    const wb = new MemoryWorkbook();
    expect(await wb.readUsedRange("Blad1")).toEqual({ sheet: "Blad1", address: "A1", values: [[""]], formulas: [[""]] });
    await expect(wb.readUsedRange("Saknas")).rejects.toThrow('Det finns inget blad som heter "Saknas".');
  });

  test("typing over a formula replaces it, as in Excel", async () => {
    const wb = new MemoryWorkbook();
    await wb.writeSheetSpec({ name: "Ark", cells: [[{ value: 1 }, { formula: "A1*2", cached: 2 }]], columnWidths: [], validations: [] });
    expect(wb.formulaAt("Ark", "B1")).toBe("=A1*2");
    wb.setValues("Ark", "B1", [[5]]);
    expect(wb.formulaAt("Ark", "B1")).toBeUndefined();
    expect((await wb.readUsedRange("Ark")).formulas).toEqual([["", ""]]);
  });
});

describe("selection", () => {
  test("selectRange makes the sheet active and the cell selected; getSelectedRange brings formulas", async () => {
    const wb = new MemoryWorkbook({ Blad1: [], Ark: [[1, 2]] });
    await wb.writeSheetSpec({ name: "Formler", cells: [[{ formula: 'STIM.POT("prio-2014","A1")', cached: 80000000 }]], columnWidths: [], validations: [] });
    await wb.selectRange("formler", "A1");
    expect(await wb.getSelectedRange()).toEqual({ sheet: "Formler", address: "A1", values: [[80000000]], formulas: [['=STIM.POT("prio-2014","A1")']] });
    await expect(wb.selectRange("Saknas", "A1")).rejects.toThrow(WorkbookError);
    await expect(wb.selectRange("Ark", "A0")).rejects.toThrow(/ingen giltig celladress/);
  });

  test("onSelectionChanged fires when the selection moves, not when values are written; stopping it stops the calls", async () => {
    const wb = new MemoryWorkbook({ Blad1: [[1]] });
    let calls = 0;
    const stop = await wb.onSelectionChanged(() => calls++);
    wb.setValues("Blad1", "B2", [[2]]);
    expect(calls).toBe(0);
    await wb.selectRange("Blad1", "B2");
    expect(calls).toBe(1);
    await wb.selectRange("Blad1", "B2");
    expect(calls).toBe(1);
    wb.select("Blad1", "A1");
    expect(calls).toBe(2);
    stop();
    wb.select("Blad1", "C3");
    expect(calls).toBe(2);
  });
});

describe("fills", () => {
  test("read what was written, null clears, colours are kept in capitals; the snapshot shows them", async () => {
    const wb = new MemoryWorkbook({ Blad1: [[1, 2], [3, 4]] });
    expect(await wb.readFills("Blad1", ["A1", "B2"])).toEqual([null, null]);
    await wb.writeFills("Blad1", [
      { cell: "A1", fill: "#ffc7ce" },
      { cell: "B2", fill: "#FFEB9C" },
    ]);
    expect(await wb.readFills("Blad1", ["B2", "A1", "A2"])).toEqual(["#FFEB9C", "#FFC7CE", null]);
    expect(wb.snapshot("Blad1").fills).toEqual([
      ["#FFC7CE", undefined],
      [undefined, "#FFEB9C"],
    ]);
    await wb.writeFills("Blad1", [{ cell: "A1", fill: null }]);
    expect(await wb.readFills("Blad1", ["A1"])).toEqual([null]);
    // The values are untouched.
    expect(await wb.readRange("Blad1", "A1:B2")).toEqual([[1, 2], [3, 4]]);
  });

  test("the same refusals as the office.js adapter, and a fill change notifies the preview", async () => {
    const wb = new MemoryWorkbook();
    await expect(wb.writeFills("Blad1", [{ cell: "A1", fill: "röd" }])).rejects.toThrow('"röd" är ingen färg; ange den som #RRGGBB.');
    await expect(wb.readFills("Blad1", ["A1:B2"])).rejects.toThrow(/ingen giltig celladress/);
    let changes = 0;
    wb.subscribe(() => changes++);
    await wb.writeFills("Blad1", [{ cell: "C3", fill: "#FFFFFF" }]);
    expect(changes).toBe(1);
  });

  test("number formats written with a layout reach the preview's snapshot", async () => {
    const wb = new MemoryWorkbook();
    await wb.writeSheetSpec({ name: "Ark", cells: [[{ value: 0.925, numFmt: "0.0%" }, { value: 1234567, numFmt: "#,##0" }]], columnWidths: [], validations: [] });
    const snap = wb.snapshot("Ark");
    expect(snap.numFmts[0]).toEqual(["0.0%", "#,##0"]);
  });
});
