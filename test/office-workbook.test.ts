/**
 * OfficeWorkbook against a small fake of the office.js objects it uses.
 * The fake records what would be sent to Excel, so the "never overwrite user
 * cells" rule can be checked without Excel.
 */
import { OfficeWorkbook, numberFormatsFor, stripSheetPrefix } from "../src/office/officeWorkbook";
import { WorkbookError } from "../src/office/workbook";

interface FakeRange {
  address: string;
  values?: unknown;
  numberFormat?: unknown;
  load: () => void;
}

interface FakeSheetSpec {
  name: string;
  /** What getUsedRangeOrNullObject(true) sees. */
  hasValues: boolean;
  /** Values returned by getRange(...).values on read. */
  read?: unknown[][];
}

function installFakeExcel(specs: FakeSheetSpec[], selection?: { address: string; rows: number; cols: number; values: unknown[][] }) {
  const log: string[] = [];
  const writes: FakeRange[] = [];
  const run = jest.fn();

  const makeSheet = (spec: FakeSheetSpec) => ({
    name: spec.name,
    isNullObject: false,
    load: () => undefined,
    activate: () => log.push(`activate ${spec.name}`),
    getUsedRangeOrNullObject: (valuesOnly: boolean) => {
      log.push(`usedRange ${spec.name} valuesOnly=${valuesOnly}`);
      return { isNullObject: !spec.hasValues };
    },
    getRange: (address: string) => {
      const range: FakeRange = { address, load: () => undefined };
      if (spec.read) range.values = spec.read;
      writes.push(range);
      log.push(`getRange ${spec.name}!${address}`);
      return range;
    },
  });

  const sheets = specs.map(makeSheet);
  const worksheets = {
    get items() {
      return sheets;
    },
    load: () => undefined,
    getItemOrNullObject: (name: string) =>
      sheets.find((s) => s.name.toLowerCase() === name.toLowerCase()) ?? { isNullObject: true, load: () => undefined },
    add: (name: string) => {
      log.push(`add ${name}`);
      const sheet = makeSheet({ name, hasValues: false });
      sheets.push(sheet);
      return sheet;
    },
  };
  const ctx = {
    workbook: {
      worksheets,
      getSelectedRange: () => ({
        address: selection?.address ?? "Blad1!A1",
        rowCount: selection?.rows ?? 1,
        columnCount: selection?.cols ?? 1,
        values: selection?.values ?? [[""]],
        // office.js gives a constant cell's value in `formulas` too.
        formulas: selection?.values ?? [[""]],
        load: () => undefined,
        worksheet: { name: "Mitt blad", load: () => undefined },
      }),
    },
    sync: async () => undefined,
  };
  run.mockImplementation(async (cb: (c: typeof ctx) => Promise<unknown>) => cb(ctx));
  (globalThis as unknown as Record<string, unknown>).Excel = { run };
  return { log, writes, run, sheets };
}

afterEach(() => {
  delete (globalThis as unknown as Record<string, unknown>).Excel;
});

describe("OfficeWorkbook helpers", () => {
  test("strings get the Text format so Excel keeps them as typed", () => {
    expect(numberFormatsFor([["0114", 5, true, "=1+1"]])).toEqual([["@", "General", "General", "@"]]);
  });

  test("stripSheetPrefix", () => {
    expect(stripSheetPrefix("Blad1!B2:C3")).toBe("B2:C3");
    expect(stripSheetPrefix("'Mitt blad'!B2")).toBe("B2");
    expect(stripSheetPrefix("C3")).toBe("C3");
  });
});

describe("OfficeWorkbook (fake office.js)", () => {
  test("listSheetNames", async () => {
    installFakeExcel([
      { name: "Blad1", hasValues: false },
      { name: "Indata", hasValues: true },
    ]);
    expect(await new OfficeWorkbook().listSheetNames()).toEqual(["Blad1", "Indata"]);
  });

  test("writeNewSheet adds the sheet, writes formats then values from A1, and activates it", async () => {
    const fake = installFakeExcel([{ name: "Indata", hasValues: true }]);
    await new OfficeWorkbook().writeNewSheet("Fördelning", [
      ["Kommun", "Kod", "Belopp"],
      ["Stockholm", "0180", 1250000],
    ]);
    expect(fake.log).toEqual(["add Fördelning", "getRange Fördelning!A1:C2", "activate Fördelning"]);
    expect(fake.writes[0].numberFormat).toEqual([
      ["@", "@", "@"],
      ["@", "@", "General"],
    ]);
    expect(fake.writes[0].values).toEqual([
      ["Kommun", "Kod", "Belopp"],
      ["Stockholm", "0180", 1250000],
    ]);
  });

  test("writeNewSheet refuses an existing sheet with values and writes nothing", async () => {
    const fake = installFakeExcel([{ name: "Indata", hasValues: true }]);
    const attempt = new OfficeWorkbook().writeNewSheet("indata", [["x"]]);
    await expect(attempt).rejects.toBeInstanceOf(WorkbookError);
    await expect(attempt).rejects.toThrow('Bladet "Indata" finns redan och innehåller data.');
    expect(fake.log).toEqual(["usedRange Indata valuesOnly=true"]);
    expect(fake.writes).toEqual([]);
  });

  test("writeNewSheet reuses an existing empty sheet", async () => {
    const fake = installFakeExcel([{ name: "Resultat", hasValues: false }]);
    await new OfficeWorkbook().writeNewSheet("Resultat", [[1]]);
    expect(fake.log).toEqual(["usedRange Resultat valuesOnly=true", "getRange Resultat!A1", "activate Resultat"]);
  });

  test("writeNewSheet validates before calling Excel", async () => {
    const fake = installFakeExcel([]);
    await expect(new OfficeWorkbook().writeNewSheet("A/B", [["x"]])).rejects.toThrow(/otillåtna tecken/);
    await expect(new OfficeWorkbook().writeNewSheet("Ut", [["a"], ["b", "c"]])).rejects.toThrow(/lika många kolumner/);
    expect(fake.run).not.toHaveBeenCalled();
  });

  test("readRange: unknown sheet and bad address give Swedish errors", async () => {
    const fake = installFakeExcel([{ name: "Indata", hasValues: true, read: [["Kommun"]] }]);
    const wb = new OfficeWorkbook();
    expect(await wb.readRange("Indata", "A1")).toEqual([["Kommun"]]);
    await expect(wb.readRange("Saknas", "A1")).rejects.toThrow('Det finns inget blad som heter "Saknas".');
    await expect(wb.readRange("Indata", "A:A")).rejects.toThrow(/ingen giltig celladress/);
    expect(fake.run).toHaveBeenCalledTimes(2);
  });

  test("getSelectedRange strips the sheet prefix from the address", async () => {
    installFakeExcel([], { address: "'Mitt blad'!B2:C3", rows: 2, cols: 2, values: [[1, 2], [3, 4]] });
    expect(await new OfficeWorkbook().getSelectedRange()).toEqual({
      sheet: "Mitt blad",
      address: "B2:C3",
      values: [
        [1, 2],
        [3, 4],
      ],
      formulas: [
        ["", ""],
        ["", ""],
      ],
    });
  });

  test("getSelectedRange refuses whole-column selections", async () => {
    installFakeExcel([], { address: "Blad1!A:A", rows: 1048576, cols: 1, values: [] });
    await expect(new OfficeWorkbook().getSelectedRange()).rejects.toThrow(/Området är för stort/);
  });
});
