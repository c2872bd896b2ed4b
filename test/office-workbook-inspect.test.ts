/**
 * The reading, selecting and highlighting side of OfficeWorkbook
 * (src/office/officeWorkbook.ts) against office-addin-mock: a property read
 * before it was loaded and synced reads as an error string, so a missing
 * `load` or `sync` shows up as a wrong value. Round trips (`context.sync()`)
 * are counted: they stay few whatever the number of cells.
 */
import { OfficeMockObject } from "office-addin-mock";
import { OfficeWorkbook } from "../src/office/officeWorkbook";
import { MAX_FILL_CELLS, MAX_READ_CELLS, WorkbookError } from "../src/office/workbook";
import { child, installSheetLookup, type Mock } from "./support/office-mock";

const NOT_LOADED = "Error, property was not loaded";


interface FakeSheet {
  name: string;
  /** The used range as Excel reports it (0-based start, size), or null for an empty sheet. */
  used: { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number } | null;
  /** What a range load returns, by address. */
  blocks?: Record<string, { values: unknown[][]; formulas: unknown[][] }>;
  /** Fill per cell address: Excel's color and pattern. */
  fills?: Record<string, { color: string; pattern: string }>;
}

function installExcel(sheets: FakeSheet[], options: { excelApi19?: boolean } = {}) {
  let counter = 0;
  let syncs = 0;
  const activated: string[] = [];
  const selected: string[] = [];
  const loadedRanges: string[] = [];
  const filled: { sheet: string; cell: string; color?: string; cleared?: boolean }[] = [];
  const handlers: (() => Promise<void>)[] = [];
  let removed = 0;

  const excel = new OfficeMockObject({ context: { workbook: { worksheets: {}, onSelectionChanged: {} } } }, "excel" as never) as unknown as Mock;
  const context = excel.context as Mock & { sync: () => Promise<void> };
  const workbook = context.workbook as Mock;
  const worksheets = workbook.worksheets as Mock;

  const sheetMock = (entry: FakeSheet): Mock => {
    const ws = child(worksheets, `sheet${counter++}`, { name: entry.name });
    ws.isNullObject = false;
    ws.activate = () => activated.push(entry.name);
    ws.getUsedRangeOrNullObject = () => {
      const used = child(ws, `used${counter++}`, entry.used ?? { rowIndex: 0, columnIndex: 0, rowCount: 0, columnCount: 0 });
      used.isNullObject = entry.used === null;
      return used;
    };
    ws.getRange = (address: string) => {
      const block = entry.blocks?.[address] ?? { values: [[""]], formulas: [[""]] };
      const fill = entry.fills?.[address] ?? { color: "#FFFFFF", pattern: "None" };
      const range = child(ws, `range${counter++}`, { address, values: block.values, formulas: block.formulas, format: { fill } });
      const originalLoad = (range.load as (p: unknown) => unknown).bind(range);
      range.load = (p: unknown) => {
        loadedRanges.push(address);
        return originalLoad(p);
      };
      range.select = () => selected.push(`${entry.name}!${address}`);
      const fillMock = (range.format as Mock).fill as Mock;
      fillMock.clear = () => filled.push({ sheet: entry.name, cell: address, cleared: true });
      // Setting a colour: record it (the mock would otherwise just store it).
      Object.defineProperty(fillMock, "color", {
        configurable: true,
        get: () => (fillMock.__loadedColor as string | undefined) ?? NOT_LOADED,
        set: (v: string) => {
          // The mock's sync writes its own placeholders back through setters: only the adapter's colours count.
          if (v !== NOT_LOADED) filled.push({ sheet: entry.name, cell: address, color: v });
        },
      });
      const fillLoad = (fillMock.load as (p: unknown) => unknown).bind(fillMock);
      fillMock.load = (p: unknown) => {
        const props = Array.isArray(p) ? p : [p];
        fillLoad(p);
        // Loaded values become readable after the next sync.
        pending.push(() => {
          if (props.includes("color")) fillMock.__loadedColor = fill.color;
        });
        return fillMock;
      };
      return range;
    };
    return ws;
  };
  const pending: (() => void)[] = [];

  installSheetLookup(worksheets, sheets, sheetMock, () => `missing${counter++}`);
  (workbook.onSelectionChanged as Mock).add = (fn: () => Promise<void>) => {
    handlers.push(fn);
    return { context, remove: () => removed++ };
  };

  const realSync = context.sync.bind(context);
  context.sync = async () => {
    syncs++;
    await realSync();
    for (const p of pending.splice(0)) p();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  const g = globalThis as unknown as { Excel: unknown; Office?: unknown };
  g.Excel = { run: async (a: unknown, b?: unknown) => (typeof a === "function" ? (a as (c: unknown) => unknown)(context) : (b as (c: unknown) => unknown)(context)) };
  g.Office = { context: { requirements: { isSetSupported: (name: string, v: string) => name === "ExcelApi" && (v !== "1.9" || options.excelApi19 === true) } } };
  return { syncs: () => syncs, activated, selected, loadedRanges, filled, handlers, removed: () => removed };
}

afterEach(() => {
  const g = globalThis as unknown as { Excel?: unknown; Office?: unknown };
  delete g.Excel;
  delete g.Office;
});

describe("readUsedRange", () => {
  test("from A1 to the last used cell, values and formulas, in three round trips", async () => {
    const values = [
      ["", "", ""],
      ["", "Kod", "Belopp"],
      ["", "0180", 16425385],
    ];
    // office.js gives a constant cell's value in `formulas`; the adapter keeps formulas only.
    const formulas = [
      ["", "", ""],
      ["", "", ""],
      ["", "", '=STIM.ALLOCATION("prio-2014",$B$2:$B$3,ROW()-ROW($B$2),"A3")'],
    ];
    const excelFormulas = values.map((row, r) => row.map((v, c) => (formulas[r][c].startsWith("=") ? formulas[r][c] : v)));
    // Excel's used range starts at B2: the block read starts at A1 so row and column numbers stay the sheet's.
    const excel = installExcel([{ name: "Fördelning", used: { rowIndex: 1, columnIndex: 1, rowCount: 2, columnCount: 2 }, blocks: { "A1:C3": { values, formulas: excelFormulas } } }]);
    const used = await new OfficeWorkbook().readUsedRange("fördelning");
    expect(used).toEqual({ sheet: "Fördelning", address: "A1:C3", values, formulas });
    expect(JSON.stringify(used)).not.toContain(NOT_LOADED);
    expect(excel.syncs()).toBe(3);
  });

  test("an empty sheet reads as one empty cell", async () => {
    installExcel([{ name: "Blad1", used: null }]);
    expect(await new OfficeWorkbook().readUsedRange("Blad1")).toEqual({ sheet: "Blad1", address: "A1", values: [[""]], formulas: [[""]] });
  });

  test("a missing sheet, and a block above the read limit, are refused in Swedish before any value is loaded", async () => {
    const excel = installExcel([{ name: "Stort", used: { rowIndex: 0, columnIndex: 0, rowCount: MAX_READ_CELLS, columnCount: 2 } }]);
    await expect(new OfficeWorkbook().readUsedRange("Saknas")).rejects.toThrow('Det finns inget blad som heter "Saknas".');
    await expect(new OfficeWorkbook().readUsedRange("Stort")).rejects.toThrow(/Området är för stort \(400 000 celler\)/);
    expect(excel.loadedRanges).toEqual([]);
  });
});

describe("selectRange", () => {
  test("activates the sheet and selects the cell in two round trips", async () => {
    const excel = installExcel([{ name: "Fördelning (2)", used: null }]);
    await new OfficeWorkbook().selectRange("Fördelning (2)", "F7");
    expect(excel.activated).toEqual(["Fördelning (2)"]);
    expect(excel.selected).toEqual(["Fördelning (2)!F7"]);
    expect(excel.syncs()).toBe(2);
  });

  test("a bad address is refused before Excel is called; a missing sheet after one round trip", async () => {
    const excel = installExcel([]);
    await expect(new OfficeWorkbook().selectRange("Blad1", "F0")).rejects.toThrow(WorkbookError);
    expect(excel.syncs()).toBe(0);
    await expect(new OfficeWorkbook().selectRange("Blad1", "F7")).rejects.toThrow('Det finns inget blad som heter "Blad1".');
    expect(excel.selected).toEqual([]);
  });
});

describe("readFills and writeFills", () => {
  const sheet = (): FakeSheet => ({
    name: "Fördelning",
    used: null,
    fills: { F7: { color: "#FFC7CE", pattern: "Solid" }, G7: { color: "#FFFFFF", pattern: "None" }, H7: { color: "#FFFFFF", pattern: "Solid" } },
  });

  test("without ExcelApi 1.9: a colour, and white read as no fill; two round trips for any number of cells", async () => {
    const excel = installExcel([sheet()]);
    expect(await new OfficeWorkbook().readFills("Fördelning", ["F7", "G7", "H7"])).toEqual(["#FFC7CE", null, null]);
    expect(excel.syncs()).toBe(2);
  });

  test("with ExcelApi 1.9 the pattern tells a white fill from no fill", async () => {
    installExcel([sheet()], { excelApi19: true });
    expect(await new OfficeWorkbook().readFills("Fördelning", ["F7", "G7", "H7"])).toEqual(["#FFC7CE", null, "#FFFFFF"]);
  });

  test("writing: a colour is set, null clears the fill; nothing else is touched; two round trips", async () => {
    const excel = installExcel([sheet()]);
    await new OfficeWorkbook().writeFills("Fördelning", [
      { cell: "F7", fill: "#FFEB9C" },
      { cell: "G7", fill: null },
    ]);
    expect(excel.filled).toEqual([
      { sheet: "Fördelning", cell: "F7", color: "#FFEB9C" },
      { sheet: "Fördelning", cell: "G7", cleared: true },
    ]);
    expect(excel.syncs()).toBe(2);
  });

  test("bad colours, bad addresses and too many cells are refused before Excel is called", async () => {
    const excel = installExcel([sheet()]);
    await expect(new OfficeWorkbook().writeFills("Fördelning", [{ cell: "F7", fill: "röd" }])).rejects.toThrow('"röd" är ingen färg; ange den som #RRGGBB.');
    await expect(new OfficeWorkbook().writeFills("Fördelning", [{ cell: "F7:G8", fill: "#FFFFFF" }])).rejects.toThrow(/ingen giltig celladress/);
    const many = Array.from({ length: MAX_FILL_CELLS + 1 }, (_, i) => ({ cell: `A${i + 1}`, fill: "#FFFFFF" }));
    await expect(new OfficeWorkbook().writeFills("Fördelning", many)).rejects.toThrow(/För många celler att färga \(5 001\); högst 5 000 åt gången\./);
    await expect(new OfficeWorkbook().readFills("Fördelning", ["1A"])).rejects.toThrow(WorkbookError);
    expect(excel.syncs()).toBe(0);
  });
});

describe("onSelectionChanged", () => {
  test("registers one handler on the workbook, calls the listener on each change, and removes the handler when stopped", async () => {
    const excel = installExcel([]);
    let calls = 0;
    const stop = await new OfficeWorkbook().onSelectionChanged(() => calls++);
    expect(excel.handlers).toHaveLength(1);
    await excel.handlers[0]();
    await excel.handlers[0]();
    expect(calls).toBe(2);
    stop();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(excel.removed()).toBe(1);
  });
});
