/**
 * OfficeWorkbook (src/office/officeWorkbook.ts) against office-addin-mock,
 * Microsoft's mock of the office.js object model: a property read before it
 * was loaded and synced reads as an error string, so a missing `load` or
 * `sync` shows up as a wrong value. The mock also records what the adapter
 * sends to Excel (values, number formats, bold rows, column widths) and how
 * many round trips (`context.sync()`) a write takes.
 */
import { OfficeMockObject } from "office-addin-mock";
import { AGREEMENTS } from "../src/agreements";
import { countySummary } from "../src/core/summary";
import { OfficeWorkbook, boldRanges } from "../src/office/officeWorkbook";
import { WorkbookError, specValues, uniqueSheetName, type CellValue } from "../src/office/workbook";
import { KRONOR_FORMAT, countySummarySheet } from "../src/sheets/countySummary";
import { child, installSheetLookup, type Mock } from "./support/office-mock";

const NOT_LOADED = "Error, property was not loaded";

interface MockRange {
  values: unknown;
  formulas: unknown;
  numberFormat: unknown;
  format: { font: { bold: unknown }; columnWidth: unknown };
}

interface SheetSpec {
  name: string;
  /** Whether the sheet holds any value (what getUsedRangeOrNullObject(true) sees). */
  used: boolean;
}


/** An Excel stand-in built from office-addin-mock objects; installs itself as the global `Excel`. */
function installExcel(specs: SheetSpec[], selection?: { sheet: string; address: string; rows: number; cols: number; values: unknown[][]; formulas?: unknown[][] }) {
  const ranges: { sheet: string; address: string; range: MockRange }[] = [];
  const added: string[] = [];
  const activated: string[] = [];
  const frozen: string[] = [];
  const sheets: { name: string; used: boolean; mock?: Mock }[] = specs.map((s) => ({ ...s }));
  let counter = 0;

  const excel = new OfficeMockObject(
    {
      context: {
        workbook: {
          worksheets: {},
          selectedRange: selection
            ? {
                address: `'${selection.sheet}'!${selection.address}`,
                rowCount: selection.rows,
                columnCount: selection.cols,
                values: selection.values,
                formulas: selection.formulas ?? selection.values,
                worksheet: { name: selection.sheet },
              }
            : {},
        },
      },
    },
    "excel" as never,
  ) as unknown as Mock;
  const context = excel.context as Mock & { sync: () => Promise<void> };
  const workbook = context.workbook as Mock;
  const worksheets = workbook.worksheets as Mock;

  const sheetMock = (entry: { name: string; used: boolean; mock?: Mock }): Mock => {
    if (entry.mock) return entry.mock;
    const sheet = child(worksheets, `sheet${counter++}`, { name: entry.name });
    sheet.isNullObject = false;
    sheet.activate = () => activated.push(entry.name);
    sheet.freezePanes = { freezeAt: (range: { address?: string }) => frozen.push(`${entry.name}!${String(range.address)}`) };
    sheet.getUsedRangeOrNullObject = () => {
      const used = child(sheet, "usedRange", { address: "A1" });
      used.isNullObject = !entry.used;
      return used;
    };
    sheet.getRange = (address: string) => {
      const range = child(sheet, `range${counter++}`, { address, values: [], formulas: [], numberFormat: [], format: { font: { bold: false }, columnWidth: 0 } });
      ranges.push({ sheet: entry.name, address, range: range as unknown as MockRange });
      return range;
    };
    entry.mock = sheet;
    return sheet;
  };

  installSheetLookup(worksheets, sheets, sheetMock, () => `missing${counter++}`);
  worksheets.add = (name: string) => {
    added.push(name);
    const entry = { name, used: false };
    sheets.push(entry);
    return sheetMock(entry);
  };
  workbook.getSelectedRange = () => workbook.selectedRange;

  const realSync = context.sync.bind(context);
  let syncs = 0;
  context.sync = async () => {
    syncs++;
    await realSync();
    // The mock copies loaded values up its tree in later microtasks: let them run.
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  (globalThis as unknown as { Excel: unknown }).Excel = { run: async (cb: (ctx: unknown) => Promise<unknown>) => cb(context) };
  return { ranges, added, activated, frozen, syncs: () => syncs };
}

afterEach(() => {
  delete (globalThis as unknown as { Excel?: unknown }).Excel;
});

describe("writeSheetSpec: the county summary (a sheet-layer spec) into Excel", () => {
  const spec = countySummarySheet(countySummary(AGREEMENTS, "01"), { name: "Länsöversikt 01" });
  const values = specValues(spec);
  const last = `G${values.length}`;

  test("a new sheet: values, kronor format on amounts, Text on text, bold title/header/sums, widths, frozen header, in two round trips", async () => {
    const excel = installExcel([{ name: "Blad1", used: true }]);
    await new OfficeWorkbook().writeSheetSpec(spec);
    expect(excel.added).toEqual(["Länsöversikt 01"]);
    expect(excel.activated).toEqual(["Länsöversikt 01"]);
    expect(excel.syncs()).toBe(2);

    const block = excel.ranges.find((r) => r.address === `A1:${last}`)!.range;
    expect(block.formulas).toEqual(values);
    const formats = block.numberFormat as string[][];
    const minimumRow = values.findIndex((r) => r[0] === "Summa (minst)");
    expect(formats[minimumRow][4]).toBe(KRONOR_FORMAT);
    expect(formats[minimumRow][0]).toBe("@");
    expect(formats[2]).toEqual(Array(7).fill("General")); // an empty row

    const bold = excel.ranges.filter((r) => r.range.format.font.bold === true).map((r) => r.address);
    expect(bold).toEqual(boldRanges(spec));
    expect(bold).toEqual(expect.arrayContaining(["A1", "A4:G4", `A${minimumRow + 1}`, `E${minimumRow + 1}:F${minimumRow + 1}`]));
    const widths = excel.ranges.filter((r) => /^[A-Z]+:[A-Z]+$/.test(r.address)).map((r) => r.address);
    expect(widths).toEqual(["A:A", "B:B", "C:C", "D:D", "E:E", "F:F", "G:G"]);
    expect(excel.frozen).toHaveLength(1);
    // Nothing was written anywhere else.
    expect(excel.ranges.every((r) => r.sheet === "Länsöversikt 01")).toBe(true);
  });

  test("an existing sheet with data is refused before anything is written", async () => {
    const excel = installExcel([{ name: "Länsöversikt 01", used: true }]);
    await expect(new OfficeWorkbook().writeSheetSpec({ ...spec, name: "länsöversikt 01" })).rejects.toThrow(WorkbookError);
    await expect(new OfficeWorkbook().writeSheetSpec(spec)).rejects.toThrow('Bladet "Länsöversikt 01" finns redan och innehåller data.');
    expect(excel.ranges).toEqual([]);
    expect(excel.added).toEqual([]);
    expect(excel.activated).toEqual([]);
  });

  test("an existing empty sheet is used: one more round trip to check that it is empty", async () => {
    const excel = installExcel([{ name: "Länsöversikt 01", used: false }]);
    await new OfficeWorkbook().writeSheetSpec(spec);
    expect(excel.added).toEqual([]);
    expect(excel.syncs()).toBe(3);
  });
});

describe("writeNewSheet", () => {
  const block: CellValue[][] = [
    ["Pott", "Belopp"],
    ["ANALYS", 2000000],
  ];

  test("values with Text for text cells, in two round trips", async () => {
    const excel = installExcel([]);
    await new OfficeWorkbook().writeNewSheet("Ut", block);
    expect(excel.syncs()).toBe(2);
    const r = excel.ranges.find((x) => x.address === "A1:B2")!.range;
    expect(r.values).toEqual(block);
    expect(r.numberFormat).toEqual([
      ["@", "@"],
      ["@", "General"],
    ]);
  });

  test("bad input is refused with a Swedish message before Excel is called", async () => {
    const excel = installExcel([]);
    await expect(new OfficeWorkbook().writeNewSheet("A/B", [["x"]])).rejects.toThrow(/otillåtna tecken/);
    await expect(new OfficeWorkbook().writeNewSheet("Ut", [[Number.NaN]])).rejects.toThrow(/ogiltigt tal/);
    expect(excel.syncs()).toBe(0);
  });
});

describe("getSelectedRange", () => {
  test("loads what it reads: sheet, address without the sheet prefix, values, and formulas where cells have them", async () => {
    installExcel([{ name: "Indata", used: true }], {
      sheet: "Mitt blad",
      address: "B2:C3",
      rows: 2,
      cols: 2,
      values: [
        [1, 2],
        ["x", ""],
      ],
      // office.js gives a constant cell's value in `formulas`.
      formulas: [
        [1, "=STIM.POT(\"prio-2014\",\"A1\")"],
        ["x", ""],
      ],
    });
    const sel = await new OfficeWorkbook().getSelectedRange();
    expect(sel).toEqual({
      sheet: "Mitt blad",
      address: "B2:C3",
      values: [
        [1, 2],
        ["x", ""],
      ],
      formulas: [
        ["", '=STIM.POT("prio-2014","A1")'],
        ["", ""],
      ],
    });
    expect(JSON.stringify(sel)).not.toContain(NOT_LOADED);
  });

  test("refuses a huge selection before loading its values", async () => {
    const excel = installExcel([], { sheet: "Blad1", address: "A:A", rows: 1_048_576, cols: 1, values: [] });
    await expect(new OfficeWorkbook().getSelectedRange()).rejects.toThrow(/Området är för stort/);
    expect(excel.syncs()).toBe(1);
  });
});

describe("uniqueSheetName", () => {
  test.each([
    ["Länsöversikt 01", [], "Länsöversikt 01"],
    ["Länsöversikt 01", ["länsöversikt 01"], "Länsöversikt 01 (2)"],
    ["Länsöversikt 01", ["Länsöversikt 01", "Länsöversikt 01 (2)"], "Länsöversikt 01 (3)"],
    ["Länsöversikt 14 Västra Götalands län", [], "Länsöversikt 14 Västra Götaland"],
    ["Länsöversikt 14 Västra Götalands län", ["Länsöversikt 14 Västra Götaland"], "Länsöversikt 14 Västra Göta (2)"],
    ["Ut/in: [x]", [], "Ut in   x"],
    ["History", [], "History (2)"],
    ["", [], "Blad"],
  ])("%p with %p taken → %p", (base, taken, want) => {
    const name = uniqueSheetName(base, taken);
    expect(name).toBe(want);
    expect(name.length).toBeLessThanOrEqual(31);
  });
});
