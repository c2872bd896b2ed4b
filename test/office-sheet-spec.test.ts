/**
 * The workbook adapter writes the sheet layer's layout (the task pane's
 * "Bygg fördelningsark"): in memory, read back and validated clean; through
 * office.js (a recording fake), as formulas in the typed form with an Excel
 * table, data validation and frozen panes, never over a non-empty sheet.
 */
import { getAgreement } from "../src/agreements";
import { demoFacts } from "../src/agreements/demo";
import { MemoryWorkbook } from "../src/office/memoryWorkbook";
import { OfficeWorkbook, validationRule } from "../src/office/officeWorkbook";
import { WorkbookError } from "../src/office/workbook";
import { buildWorkbook, SheetSpec, validateWorkbook } from "../src/sheets";

const PRIO = getAgreement("prio-2014");
const spec = (): SheetSpec => buildWorkbook(PRIO, { county: "01", facts: demoFacts(PRIO) }).sheets[0];

describe("MemoryWorkbook.writeSheetSpec", () => {
  test("writes cached values and keeps the formulas, the table and the validation; the sheet read back validates clean", async () => {
    const wb = new MemoryWorkbook();
    const s = spec();
    await wb.writeSheetSpec(s);
    const rows = s.cells.length;
    const cols = s.cells[0].length;
    const values = await wb.readRange("Fördelning", `A1:${s.table!.range.split(":")[1].replace(/\d+$/, "")}${rows}`);
    expect(values).toHaveLength(rows);
    expect(values[0]).toHaveLength(cols);
    const result = validateWorkbook([{ name: "Fördelning", values }]);
    expect(result.findings).toEqual([]);
    expect(result.checked).toBe(true);
    const amount = s.table!.headers.indexOf("A3 belopp (kr)");
    const firstData = Number(s.table!.range.split(":")[0].replace(/^[A-Z]+/, ""));
    const letters = String.fromCharCode(64 + Math.floor(amount / 26)) + String.fromCharCode(65 + (amount % 26));
    expect(wb.formulaAt("Fördelning", `${letters}${firstData + 1}`)).toMatch(/^=INDEX\(\$[A-Z]+\$\d+:\$[A-Z]+\$\d+,ROW\(\)-ROW\(\$A\$\d+\)\)$/);
    expect(wb.tablesOn("Fördelning")).toEqual([{ name: "Fordelning", range: s.table!.range }]);
    expect(wb.validationsOn("Fördelning").length).toBeGreaterThan(30);
    expect((await wb.listSheetNames())).toEqual(["Blad1", "Fördelning"]);
  });

  test("a second sheet gets its own table name; a non-empty sheet is refused and left untouched", async () => {
    const wb = new MemoryWorkbook({ Blad1: [["min anteckning"]] });
    await wb.writeSheetSpec(spec());
    await wb.writeSheetSpec({ ...spec(), name: "Fördelning 2" });
    expect(wb.tablesOn("Fördelning 2")[0].name).toBe("Fordelning_2");
    await expect(wb.writeSheetSpec({ ...spec(), name: "Blad1" })).rejects.toThrow(WorkbookError);
    expect(await wb.readRange("Blad1", "A1:B1")).toEqual([["min anteckning", ""]]);
  });
});

describe("OfficeWorkbook.writeSheetSpec (recording fake of office.js)", () => {
  afterEach(() => {
    delete (globalThis as unknown as Record<string, unknown>).Excel;
  });

  function fake(existing: { name: string; hasValues: boolean }[] = []) {
    const log: string[] = [];
    const ranges = new Map<string, Record<string, unknown>>();
    const tables: { name: string }[] = [{ name: "Fordelning" }];
    const range = (address: string) => {
      let r = ranges.get(address);
      if (!r) {
        r = { address, format: { font: {} }, dataValidation: {} };
        ranges.set(address, r);
      }
      return r;
    };
    const makeSheet = (name: string, hasValues: boolean) => ({
      name,
      isNullObject: false,
      load: () => undefined,
      activate: () => log.push(`activate ${name}`),
      getUsedRangeOrNullObject: () => ({ isNullObject: !hasValues }),
      getRange: (a: string) => range(a),
      tables: {
        add: (r: { address: string }, headers: boolean) => {
          const t = { name: "" };
          log.push(`table ${r.address} headers=${headers}`);
          tables.push(t);
          return t;
        },
      },
      freezePanes: { freezeAt: (r: { address: string }) => log.push(`freeze ${r.address}`) },
    });
    const sheets = existing.map((e) => makeSheet(e.name, e.hasValues));
    const ctx = {
      workbook: {
        worksheets: {
          getItemOrNullObject: (n: string) => sheets.find((s) => s.name.toLowerCase() === n.toLowerCase()) ?? { isNullObject: true, load: () => undefined },
          add: (n: string) => {
            log.push(`add ${n}`);
            const s = makeSheet(n, false);
            sheets.push(s);
            return s;
          },
        },
        tables: { load: () => undefined, get items() { return tables; } },
      },
      sync: async () => undefined,
    };
    (globalThis as unknown as Record<string, unknown>).Excel = { run: async (cb: (c: typeof ctx) => Promise<unknown>) => cb(ctx) };
    return { log, ranges, tables };
  }

  test("formulas in the typed form, formats that keep codes as text and formulas as formulas, table, validation, frozen panes", async () => {
    const f = fake();
    const s = spec();
    await new OfficeWorkbook().writeSheetSpec(s);
    const block = [...f.ranges.values()].find((r) => Array.isArray(r.formulas))!;
    const formulas = block.formulas as unknown[][];
    const formats = block.numberFormat as string[][];
    const header = s.cells.findIndex((r) => r[0]?.value === "Kod");
    expect(formulas[header + 1][0]).toBe("0114");
    expect(formats[header + 1][0]).toBe("@");
    const amount = s.table!.headers.indexOf("A3 belopp (kr)");
    expect(formulas[header + 1][amount]).toMatch(/^=INDEX\(/);
    // The calculation block: one formula written for Excel to spill, the cells it covers left empty.
    const anchors = formulas.flatMap((row, r) => row.map((x, c) => [x, r, c] as const)).filter(([x]) => String(x).startsWith("=STIM.ALLOCATION_SHEET("));
    expect(anchors).toHaveLength(1);
    const [, ar, ac] = anchors[0];
    expect(formulas[ar + 1][ac + 1]).toBe("");
    expect(formats[header + 1][amount]).toBe("#,##0");
    expect(f.log).toContain(`table ${s.table!.range} headers=true`);
    expect(f.tables[f.tables.length - 1].name).toBe("Fordelning_2"); // one already existed
    expect(f.log).toContain(`freeze A1:B${header + 1}`);
    expect(f.log[f.log.length - 1]).toBe("activate Fördelning");
    const validated = [...f.ranges.values()].filter((r) => (r.dataValidation as { rule?: unknown }).rule);
    expect(validated.length).toBe(s.validations.length);
  });

  test("refuses a sheet that holds values", async () => {
    fake([{ name: "Fördelning", hasValues: true }]);
    await expect(new OfficeWorkbook().writeSheetSpec(spec())).rejects.toThrow('Bladet "Fördelning" finns redan och innehåller data.');
  });

  test("validation rules in office.js terms", () => {
    expect(validationRule({ range: "F9:F34", type: "list", list: ["Ja", "Nej"], prompt: "", error: "" })).toEqual({ list: { inCellDropDown: true, source: "Ja,Nej" } });
    expect(validationRule({ range: "U9", type: "decimal", min: 0, max: 1, prompt: "", error: "" })).toEqual({ decimal: { formula1: 0, formula2: 1, operator: "Between" } });
    expect(validationRule({ range: "AE9", type: "whole", min: 0, prompt: "", error: "" })).toEqual({ wholeNumber: { formula1: 0, operator: "GreaterThanOrEqualTo" } });
  });
});
