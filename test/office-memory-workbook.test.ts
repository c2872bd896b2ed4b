import fc from "fast-check";
import {
  columnIndexToLetters,
  columnLettersToIndex,
  parseA1Range,
  rangeToA1,
} from "../src/sheets/a1";
import { MemoryWorkbook } from "../src/office/memoryWorkbook";
import { WorkbookError, type CellValue, type WorkbookAdapter } from "../src/office/workbook";

const budget: CellValue[][] = [
  ["Kommun", "Kod", "Belopp"],
  ["Stockholm", "0180", 1250000],
  ["Göteborg", "1480", 830000.5],
  ["Malmö", "1280", true],
];

describe("A1 addresses", () => {
  test("column letters", () => {
    expect(columnIndexToLetters(0)).toBe("A");
    expect(columnIndexToLetters(25)).toBe("Z");
    expect(columnIndexToLetters(26)).toBe("AA");
    expect(columnIndexToLetters(701)).toBe("ZZ");
    expect(columnIndexToLetters(702)).toBe("AAA");
    expect(columnIndexToLetters(16383)).toBe("XFD");
    expect(columnLettersToIndex("xfd")).toBe(16383);
  });

  test("column letters round-trip", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 16383 }), (i) => columnLettersToIndex(columnIndexToLetters(i)) === i),
    );
  });

  test("parses cells and rectangular ranges, normalising corners, case and $", () => {
    expect(parseA1Range("B2")).toEqual({ start: { row: 1, col: 1 }, end: { row: 1, col: 1 } });
    expect(parseA1Range("A1:C3")).toEqual({ start: { row: 0, col: 0 }, end: { row: 2, col: 2 } });
    expect(parseA1Range("c3:a1")).toEqual(parseA1Range("A1:C3"));
    expect(parseA1Range("$A$1:$C$3")).toEqual(parseA1Range("A1:C3"));
    expect(parseA1Range("A3:C1")).toEqual(parseA1Range("A1:C3"));
    expect(rangeToA1(parseA1Range("c3:a1"))).toBe("A1:C3");
    expect(rangeToA1(parseA1Range("B2:B2"))).toBe("B2");
    expect(rangeToA1(parseA1Range("XFD1048576"))).toBe("XFD1048576");
  });

  test.each(["", "A", "1", "A0", "1A", "A1:", ":A1", "A1:B2:C3", "Blad1!A1", "A:C", "1:3", "R1C1", "ABCD1", "A1 B2"])(
    "rejects %p with a Swedish message",
    (address) => {
      expect(() => parseA1Range(address)).toThrow(WorkbookError);
      expect(() => parseA1Range(address)).toThrow(/ingen giltig celladress/);
    },
  );

  test.each(["XFE1", "A1048577", "A1:XFE2"])("rejects %p as outside the sheet", (address) => {
    expect(() => parseA1Range(address)).toThrow(/utanför kalkylbladet/);
  });
});

describe("MemoryWorkbook", () => {
  test("starts with one empty sheet Blad1 and A1 selected", async () => {
    const wb: WorkbookAdapter = new MemoryWorkbook();
    expect(await wb.listSheetNames()).toEqual(["Blad1"]);
    expect(await wb.getSelectedRange()).toEqual({ sheet: "Blad1", address: "A1", values: [[""]], formulas: [[""]] });
  });

  test("lists initial sheets in order", async () => {
    const wb = new MemoryWorkbook({ Indata: budget, Anteckningar: [] });
    expect(await wb.listSheetNames()).toEqual(["Indata", "Anteckningar"]);
  });

  test("readRange returns the rectangle row by row, with empty cells as ''", async () => {
    const wb = new MemoryWorkbook({ Indata: budget });
    expect(await wb.readRange("Indata", "A1:C2")).toEqual([
      ["Kommun", "Kod", "Belopp"],
      ["Stockholm", "0180", 1250000],
    ]);
    expect(await wb.readRange("Indata", "C3")).toEqual([[830000.5]]);
    expect(await wb.readRange("Indata", "C4:D5")).toEqual([
      [true, ""],
      ["", ""],
    ]);
    expect(await wb.readRange("Indata", "$B$2:$B$3")).toEqual([["0180"], ["1480"]]);
  });

  test("sheet names are matched case-insensitively, like Excel", async () => {
    const wb = new MemoryWorkbook({ Indata: budget });
    expect(await wb.readRange("INDATA", "A1")).toEqual([["Kommun"]]);
  });

  test("readRange rejects unknown sheets and bad addresses with Swedish messages", async () => {
    const wb = new MemoryWorkbook({ Indata: budget });
    await expect(wb.readRange("Saknas", "A1")).rejects.toThrow('Det finns inget blad som heter "Saknas".');
    await expect(wb.readRange("Indata", "A0")).rejects.toBeInstanceOf(WorkbookError);
    await expect(wb.readRange("Indata", "Indata!A1")).rejects.toThrow(/ingen giltig celladress/);
  });

  test("readRange refuses huge ranges instead of materialising them", async () => {
    const wb = new MemoryWorkbook();
    await expect(wb.readRange("Blad1", "A1:A1048576")).rejects.toThrow(/Området är för stort \(1 048 576 celler\). Markera högst 200 000 celler/);
  });

  test("returned values are copies", async () => {
    const wb = new MemoryWorkbook({ Indata: budget });
    const values = await wb.readRange("Indata", "A1:A2");
    values[0][0] = "ändrad";
    expect(await wb.readRange("Indata", "A1")).toEqual([["Kommun"]]);
  });

  describe("writeNewSheet", () => {
    test("creates a new sheet at the end, writes from A1 and activates it", async () => {
      const wb = new MemoryWorkbook({ Indata: budget });
      await wb.writeNewSheet("Fördelning", [
        ["Kommun", "Belopp"],
        ["Stockholm", 692500000],
      ]);
      expect(await wb.listSheetNames()).toEqual(["Indata", "Fördelning"]);
      expect(await wb.readRange("Fördelning", "A1:B2")).toEqual([
        ["Kommun", "Belopp"],
        ["Stockholm", 692500000],
      ]);
      expect(await wb.getSelectedRange()).toEqual({ sheet: "Fördelning", address: "A1", values: [["Kommun"]], formulas: [[""]] });
    });

    test("refuses an existing non-empty sheet and leaves it untouched", async () => {
      const wb = new MemoryWorkbook({ Indata: budget });
      const before = await wb.readRange("Indata", "A1:D5");
      const attempt = wb.writeNewSheet("Indata", [["skräp"]]);
      await expect(attempt).rejects.toBeInstanceOf(WorkbookError);
      await expect(wb.writeNewSheet("Indata", [["skräp"]])).rejects.toThrow(
        'Bladet "Indata" finns redan och innehåller data. Stimulans skriver aldrig över befintliga celler',
      );
      expect(await wb.readRange("Indata", "A1:D5")).toEqual(before);
      expect(await wb.listSheetNames()).toEqual(["Indata"]);
    });

    test("refuses a case variant of an existing non-empty sheet", async () => {
      const wb = new MemoryWorkbook({ Indata: budget });
      await expect(wb.writeNewSheet("indata", [["x"]])).rejects.toThrow(/innehåller data/);
      expect(await wb.listSheetNames()).toEqual(["Indata"]);
    });

    test("refuses a sheet whose only content is far from A1", async () => {
      const wb = new MemoryWorkbook({ Indata: [] });
      wb.setValues("Indata", "Z100", [["en cell"]]);
      await expect(wb.writeNewSheet("Indata", [["x"]])).rejects.toThrow(/innehåller data/);
      expect(await wb.readRange("Indata", "Z100")).toEqual([["en cell"]]);
    });

    test("uses an existing sheet that is completely empty", async () => {
      const wb = new MemoryWorkbook({ Blad1: [], Resultat: [] });
      await wb.writeNewSheet("Resultat", [["ok"]]);
      expect(await wb.listSheetNames()).toEqual(["Blad1", "Resultat"]);
      expect(await wb.readRange("Resultat", "A1")).toEqual([["ok"]]);
    });

    test("a sheet whose cells were all cleared counts as empty", async () => {
      const wb = new MemoryWorkbook({ Blad1: [["x"]] });
      wb.setValues("Blad1", "A1", [[""]]);
      await expect(wb.writeNewSheet("Blad1", [["y"]])).resolves.toBeUndefined();
    });

    test("empty strings are written as empty cells", async () => {
      const wb = new MemoryWorkbook();
      await wb.writeNewSheet("Ut", [["a", ""]]);
      expect(await wb.readRange("Ut", "A1:B1")).toEqual([["a", ""]]);
    });

    test("an empty block just creates the sheet", async () => {
      const wb = new MemoryWorkbook();
      await wb.writeNewSheet("Tomt", []);
      expect(await wb.listSheetNames()).toEqual(["Blad1", "Tomt"]);
      expect(await wb.readRange("Tomt", "A1")).toEqual([[""]]);
    });

    test.each<[string, CellValue[][], RegExp]>([
      ["ojämn", [["a", "b"], ["c"]], /lika många kolumner/],
      ["nan", [[Number.NaN]], /rad 1, kolumn 1 .*ogiltigt tal/],
      ["oändlig", [[1, Number.POSITIVE_INFINITY]], /rad 1, kolumn 2/],
      ["", [["x"]], /får inte vara tomt/],
      ["A/B", [["x"]], /otillåtna tecken/],
      ["Blad[1]", [["x"]], /otillåtna tecken/],
      ["'citat", [["x"]], /apostrof/],
      ["History", [["x"]], /reserverat/],
      ["x".repeat(32), [["x"]], /för långt/],
    ])("refuses sheet %p / bad values before writing anything", async (name, values, message) => {
      const wb = new MemoryWorkbook();
      await expect(wb.writeNewSheet(name, values)).rejects.toThrow(message);
      expect(await wb.listSheetNames()).toEqual(["Blad1"]);
    });

    test("refuses values that are not string, number or boolean", async () => {
      const wb = new MemoryWorkbook();
      const values = [[null]] as unknown as CellValue[][];
      await expect(wb.writeNewSheet("Ut", values)).rejects.toThrow(/inte kan skrivas till Excel/);
    });

    test("later writes do not alias the caller's arrays", async () => {
      const wb = new MemoryWorkbook();
      const values: CellValue[][] = [["före"]];
      await wb.writeNewSheet("Ut", values);
      values[0][0] = "efter";
      expect(await wb.readRange("Ut", "A1")).toEqual([["före"]]);
    });
  });

  describe("getSelectedRange", () => {
    test("reports sheet, Excel-style address and values", async () => {
      const wb = new MemoryWorkbook({ Indata: budget, Annat: [] });
      wb.select("indata", "c2:a1");
      expect(await wb.getSelectedRange()).toEqual({
        sheet: "Indata",
        address: "A1:C2",
        values: [
          ["Kommun", "Kod", "Belopp"],
          ["Stockholm", "0180", 1250000],
        ],
        formulas: [
          ["", "", ""],
          ["", "", ""],
        ],
      });
    });

    test("select() rejects unknown sheets and bad addresses", () => {
      const wb = new MemoryWorkbook();
      expect(() => wb.select("Saknas", "A1")).toThrow(WorkbookError);
      expect(() => wb.select("Blad1", "A0")).toThrow(WorkbookError);
    });
  });

  test("constructor and addSheet validate like writeNewSheet", () => {
    expect(() => new MemoryWorkbook({ "A?": [] })).toThrow(/otillåtna tecken/);
    const wb = new MemoryWorkbook();
    expect(() => wb.addSheet("blad1")).toThrow('Det finns redan ett blad som heter "blad1".');
  });

  test("setValues writes at an offset and refuses to run off the sheet", async () => {
    const wb = new MemoryWorkbook();
    wb.setValues("Blad1", "B2", [
      [1, 2],
      [3, 4],
    ]);
    expect(await wb.readRange("Blad1", "A1:C3")).toEqual([
      ["", "", ""],
      ["", 1, 2],
      ["", 3, 4],
    ]);
    expect(() => wb.setValues("Blad1", "XFD1", [[1, 2]])).toThrow(/utanför kalkylbladet/);
  });

  test("an empty initial map still gives one sheet", async () => {
    expect(await new MemoryWorkbook({}).listSheetNames()).toEqual(["Blad1"]);
  });
});

describe("MemoryWorkbook for the browser preview", () => {
  test("subscribers hear every write and selection; the revision grows", async () => {
    const wb = new MemoryWorkbook();
    const heard: number[] = [];
    const stop = wb.subscribe(() => heard.push(wb.getRevision()));
    await wb.writeNewSheet("Ut", [["a"]]);
    wb.select("Blad1", "B2");
    wb.setValues("Blad1", "A1", [["x"]]);
    stop();
    wb.select("Blad1", "C3");
    expect(heard).toHaveLength(3);
    expect(heard[0]).toBeLessThan(heard[1]);
    expect(wb.getActive()).toEqual({ sheet: "Blad1", address: "C3" });
  });

  test("a refused write changes nothing and tells nobody", async () => {
    const wb = new MemoryWorkbook({ Indata: budget });
    let calls = 0;
    wb.subscribe(() => calls++);
    await expect(wb.writeNewSheet("Indata", [["x"]])).rejects.toThrow(/innehåller data/);
    expect(calls).toBe(0);
  });

  test("snapshot: the used block from A1 with the look the sheet layer gave it", async () => {
    const wb = new MemoryWorkbook();
    await wb.writeSheetSpec({
      name: "Ut",
      cells: [
        [{ value: "Post", style: "header" }, { value: "Belopp", style: "header" }],
        [{ value: "A" }, { value: 13878000, numFmt: '#,##0 "kr"' }],
      ],
      columnWidths: [20, 12],
      validations: [],
    });
    wb.setValues("Ut", "D4", [[true]]);
    const snap = wb.snapshot("Ut");
    expect(snap.values).toEqual([
      ["Post", "Belopp", "", ""],
      ["A", 13878000, "", ""],
      ["", "", "", ""],
      ["", "", "", true],
    ]);
    expect(snap.styles[0]).toEqual(["header", "header", undefined, undefined]);
    expect(snap.numFmts[1][1]).toBe('#,##0 "kr"');
    expect(snap.columnWidths).toEqual([20, 12]);
    expect(wb.snapshot("Ut", 2, 1).values).toEqual([["Post"], ["A"]]);
    expect(wb.sheetNames()).toEqual(["Blad1", "Ut"]);
  });

});
