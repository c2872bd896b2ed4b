/**
 * Validation checks the formulas themselves, not only their cached values:
 * every tampering class below leaves the cached value in place (so a value
 * comparison alone passes clean) and must be reported with the expected and
 * the found formula text. Differences that mean nothing (case, the file forms
 * of the STIM prefix, spaces, "$", quotes) are not findings.
 */
import { getAgreement } from "../../src/agreements";
import { demoFacts } from "../../src/agreements/demo";
import { a1, buildWorkbook, normaliseFormula, readAllocationSheet, SheetGrid, sheetColumns, validateWorkbook } from "../../src/sheets";

const PRIO = getAgreement("prio-2014");

function grid(county: string | undefined = "03", name?: string): SheetGrid {
  const s = buildWorkbook(PRIO, { county, facts: demoFacts(PRIO) }).sheets[0];
  return {
    name: name ?? s.name,
    values: s.cells.map((r) => r.map((c) => (c ? (c.value ?? c.cached ?? "") : ""))),
    formulas: s.cells.map((r) => r.map((c) => c?.formula ?? null)),
  };
}

function at(g: SheetGrid, level: string, code: string, column: string): { r: number; c: number } {
  const read = readAllocationSheet(g);
  const row = read.rows.find((x) => x.level === level && x.code === code)!;
  return { r: row.row, c: read.columns.get(column)! };
}

test("the layout's own formulas validate clean, also in the forms other programs write them", () => {
  const g = grid();
  expect(validateWorkbook([g]).findings).toEqual([]);
  const other = { ...g, formulas: g.formulas!.map((row) => row.map((f) => (f ? f.replace(/\$/g, "").replace(/,/g, ", ").toLowerCase().replace("stim.", "_xldudf_STIM_") : f))) };
  expect(validateWorkbook([other]).findings).toEqual([]);
  expect(normaliseFormula('=_xludf.STIM.POT("prio-2014";"A1")')).toBe(normaliseFormula('STIM.POT("prio-2014","A1")'));
  expect(normaliseFormula("=index($bj$8:$bj$318, row()-row($a$7))")).toBe(normaliseFormula("INDEX($BJ$8:$BJ$318,ROW()-ROW($A$7))"));
});

describe("tampered formulas with the old value left in place are findings with expected and found text", () => {
  const cases: [string, (g: SheetGrid) => string][] = [
    [
      "an amount pointed at another pot's column",
      (g) => {
        const p = at(g, "kommun", "0380", "belopp.B3");
        // The B3 amount reads the A1 amount column of the calculation block instead.
        const a1Col = at(g, "landsting", "03", "belopp.A1");
        const a1Letters = /INDEX\(\$([A-Z]+)\$/.exec(g.formulas![a1Col.r][a1Col.c]!)![1];
        g.formulas![p.r][p.c] = g.formulas![p.r][p.c]!.replace(/\$[A-Z]+\$/g, `$${a1Letters}$`);
        return a1(p.r, p.c);
      },
    ],
    [
      "a cut range in the calculation block's call",
      (g) => {
        const read = readAllocationSheet(g);
        const r = read.calcRow!;
        g.formulas![r][read.calcCol!] = g.formulas![r][read.calcCol!]!.replace(/\$(\d+)\)$/, (_m, n: string) => `$${Number(n) - 5})`);
        return a1(r, read.calcCol!);
      },
    ],
    [
      "a wrong row offset",
      (g) => {
        const p = at(g, "landsting", "03", "belopp.A1");
        g.formulas![p.r][p.c] = g.formulas![p.r][p.c]!.replace(/ROW\(\$A\$(\d+)\)/, (_m, n: string) => `ROW($A$${Number(n) + 1})`);
        return a1(p.r, p.c);
      },
    ],
    [
      "a wrong SUM range in the totals block",
      (g) => {
        const read = readAllocationSheet(g);
        const r = read.totals.get("Länets summa")!;
        const c = read.columns.get("belopp.A1")!;
        g.formulas![r][c] = g.formulas![r][c]!.replace(/(\d+):/, (_m, n: string) => `${Number(n) + 3}:`);
        return a1(r, c);
      },
    ],
    [
      "a status formula replaced by a constant formula showing the same text",
      (g) => {
        const p = at(g, "landsting", "03", "status.A1");
        g.formulas![p.r][p.c] = `"${String(g.values[p.r][p.c])}"`;
        return a1(p.r, p.c);
      },
    ],
    [
      "a row total summing the wrong cells",
      (g) => {
        const p = at(g, "kommun", "0380", "summa");
        g.formulas![p.r][p.c] = g.formulas![p.r][p.c]!.replace(/,[A-Z]+\d+\)$/, ")");
        return a1(p.r, p.c);
      },
    ],
  ];
  test.each(cases)("%s", (_name, tamper) => {
    const g = grid();
    const before = g.formulas!.map((row) => [...row]);
    const cell = tamper(g);
    const changed = g.formulas!.flatMap((row, r) => row.map((f, c) => (f !== before[r][c] ? a1(r, c) : null))).filter(Boolean);
    expect(changed).toEqual([cell]);
    const v = validateWorkbook([g]);
    expect(v.findings.map((f) => [f.kind, f.cell])).toEqual([["formula-changed", cell]]);
    const f = v.findings[0];
    expect(f.message).toMatch(/^Formeln är ändrad: den ska vara =.+ men är =.+\.$/);
    expect(normaliseFormula(String(f.expected))).not.toBe(normaliseFormula(String(f.found)));
    expect(f.found).toBe(`=${g.formulas![Number(/\d+/.exec(cell)![0]) - 1][f.cell!.replace(/\d+/, "") === "" ? 0 : colOf(cell)]}`);
  });
});

function colOf(cell: string): number {
  return [.../^[A-Z]+/.exec(cell)![0]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

test("a copy of the allocation sheet is reported and checked too", () => {
  const copy = grid("03", "Fördelning (2)");
  const p = at(copy, "kommun", "0380", "GK1.innehall");
  copy.values[p.r][p.c] = "kanske";
  const v = validateWorkbook([grid(), copy]);
  expect(v.sheet).toBe("Fördelning");
  expect(v.otherSheets).toEqual(["Fördelning (2)"]);
  expect(v.findings.map((f) => [f.sheet, f.kind])).toEqual([
    ["Fördelning (2)", "second-table"],
    ["Fördelning (2)", "not-a-boolean"],
  ]);
  expect(v.findings[0].message).toContain("Bladet Fördelning (2) är också ett fördelningsark");
});

test("a county sheet without its scope line is read as that county's sheet, not the country with 284 recipients missing", () => {
  const g = grid("01");
  const r = g.values.findIndex((row) => typeof row[0] === "string" && row[0].startsWith("Omfattning:"));
  g.values[r][0] = "";
  const v = validateWorkbook([g]);
  expect(v.read.scope).toBe("01");
  expect(v.findings.map((f) => [f.severity, f.kind])).toEqual([["notering", "scope-from-rows"]]);
  expect(v.findings[0].message).toContain("Stockholms län (01)");
  // The caller can say so too (stim validate --county 01).
  expect(validateWorkbook([g], { county: "01" }).findings).toEqual([]);
});

test("a row with an unknown code still has its other cells checked: every mistake in one pass", () => {
  const g = grid();
  const p = at(g, "kommun", "0380", "GK1.innehall");
  const code = readAllocationSheet(g).columns.get("kod")!;
  g.values[p.r][code] = "0399";
  g.values[p.r][p.c] = "kanske";
  const kinds = validateWorkbook([g]).findings.map((f) => [f.kind, f.cell]);
  expect(kinds).toEqual(expect.arrayContaining([["unknown-code", a1(p.r, code)], ["not-a-boolean", a1(p.r, p.c)]]));
});

test("an unfilled template does not validate as clean", () => {
  const s = buildWorkbook(PRIO, { county: "03" }).sheets[0];
  const g: SheetGrid = { name: s.name, values: s.cells.map((r) => r.map((c) => (c ? (c.value ?? c.cached ?? "") : ""))), formulas: s.cells.map((r) => r.map((c) => c?.formula ?? null)) };
  expect(validateWorkbook([g]).findings.map((f) => f.kind)).toEqual(["no-answers"]);
});

test("every key column carries its Swedish label, never a machine id such as sa_registrations or pop75", () => {
  for (const a of ["prio-2014", "aldre-2014", "ebp-2014", "missbruk-2014"]) {
    for (const c of sheetColumns(getAgreement(a)).inputs.filter((i) => i.target.type === "key")) {
      expect(c.header).not.toMatch(/[a-z]+_[a-z]+|pop\d+/);
    }
  }
  const headers = sheetColumns(getAgreement("aldre-2014")).inputs.map((c) => c.header);
  expect(headers).toEqual(expect.arrayContaining(["Nyckel: Antal registreringar i Senior alert", "Nyckel: Antal invånare 75 år och äldre"]));
});

test("a sheet with the county's own headers gets the headers not understood and the ones expected", () => {
  const g: SheetGrid = { name: "Blad1", values: [["Överenskommelse: prio-2014"], ["Kommunnummer", "Kommunens namn", "Uppfyller vi GK1?", "Svarsfrekvens"], ["0114", "Upplands Väsby", "Ja", 0.9]] };
  expect(() => validateWorkbook([g])).toThrow(
    /^Ingen fördelningstabell hittades: rubrikerna känns inte igen: rad 2 har 4 rubriker, varav 4 inte förstås \("Kommunnummer", "Kommunens namn", "Uppfyller vi GK1\?", "Svarsfrekvens"\); en kolumn "Kod" med kommun- och länskoderna behövs\. Väntade rubriker: "Kod", "Namn", "Nivå", "Län", "Folkmängd 2013-12-31", "GK1 – /,
  );
});
