/**
 * Reading a sheet's grid back into facts, host-neutral (no files): headers
 * found when columns are reordered, extra, misspelt or in another case;
 * codes stored as numbers; merged (blank) county cells; empty rows; and
 * every kind of bad cell reported with its address, never guessed.
 */
import { evaluate } from "../../src/core/evaluate";
import { getAgreement } from "../../src/agreements";
import { demoFacts } from "../../src/agreements/demo";
import { buildWorkbook, readAllocationSheet, SheetGrid, SHEET_ALLOCATION, Finding, validateWorkbook, buildAllocationSheet, sheetColumns } from "../../src/sheets";

const PRIO = getAgreement("prio-2014");
const ALDRE = getAgreement("aldre-2014");

/** The allocation sheet of a template as a grid of values (cached values for formulas). */
function grid(agreement = PRIO, scope: string | null = "03"): SheetGrid {
  const county = scope ?? undefined;
  const wb = buildWorkbook(agreement, { county, facts: demoFacts(agreement) });
  const s = wb.sheets[0];
  return {
    name: s.name,
    values: s.cells.map((r) => r.map((c) => (c ? (c.value ?? c.cached ?? "") : ""))),
    formulas: s.cells.map((r) => r.map((c) => c?.formula ?? null)),
  };
}

function read(g: SheetGrid) {
  return readAllocationSheet(g);
}

function kinds(fs: Finding[]): string[] {
  return fs.map((f) => `${f.severity}:${f.kind}:${f.cell ?? ""}`);
}

/** Column index of a header id in the template grid. */
function col(g: SheetGrid, id: string): number {
  return read(g).columns.get(id)!;
}

function rowOf(g: SheetGrid, level: string, code: string): number {
  return read(g).rows.find((r) => r.level === level && r.code === code)!.row;
}

describe("the template reads back to the facts it was made from", () => {
  test.each([
    ["prio-2014", PRIO, "03"],
    ["prio-2014", PRIO, null],
    ["aldre-2014", ALDRE, "01"],
  ] as const)("%s %#: no findings, and the core evaluates the read facts as the demo facts", (_id, agreement, county) => {
    const r = read(grid(agreement, county));
    expect(r.findings).toEqual([]);
    expect(r.fictional).toBe(true);
    expect(r.scope).toBe(county ?? undefined);
    const demo = demoFacts(agreement);
    const counties = county ? [county] : Object.keys(demo.counties);
    const mine = evaluate(agreement, { ...demo, counties: Object.fromEntries(counties.map((c) => [c, demo.counties[c]])) }, { explain: false });
    const back = evaluate(agreement, r.facts, { explain: false });
    expect(back.recipients.map((x) => [x.code, x.gate, x.pots.map((p) => p.status)])).toEqual(mine.recipients.map((x) => [x.code, x.gate, x.pots.map((p) => p.status)]));
  });
});

describe("headers and layout the reader tolerates (and reports where it had to interpret)", () => {
  test("columns reordered and an extra column: same facts; the moved column and the extra one are noted", () => {
    const g = grid();
    const base = read(g).facts;
    const h = read(g).headerRow;
    // Swap two answer columns and add a comment column at the far right.
    const a = col(g, "GK1.innehall");
    const b = col(g, "GK1.uppfoljning");
    for (const row of g.values) [row[a], row[b]] = [row[b], row[a]];
    for (const row of g.formulas!) [row[a], row[b]] = [row[b], row[a]];
    g.values[h].push("Kommentar");
    g.values[h + 1].push("ring tillbaka");
    const r = read(g);
    expect(r.facts).toEqual(base);
    expect(kinds(r.findings)).toEqual([expect.stringMatching(/^notering:unknown-column:/), expect.stringMatching(/^notering:column-moved:/)].sort().reverse().length === 2 ? expect.arrayContaining([expect.stringMatching(/^notering:unknown-column:/), expect.stringMatching(/^notering:column-moved:/)]) : []);
    expect(r.findings).toHaveLength(2);
  });

  test("a header in other case, without diacritics, and one with a small typo", () => {
    const g = grid();
    const h = read(g).headerRow;
    const base = read(g).facts;
    g.values[h][col(g, "folkmangd")] = "FOLKMANGD 2013-12-31";
    g.values[h][col(g, "GK2.uppdaterad")] = "GK2 – Hänvisningar och länkar är uppdaterad med aktuell information för 2014";
    const r = read(g);
    expect(r.facts).toEqual(base);
    expect(kinds(r.findings)).toEqual([`notering:header-guessed:${r.findings[0].cell}`]);
    expect(r.findings[0].message).toContain('lästes som "GK2 – Hänvisningar och länkar är uppdaterade med aktuell information för 2014"');
  });

  test("codes stored as numbers (180 for 0180, 3 for 03), merged county cells left blank, empty rows between", () => {
    const g = grid();
    const base = read(g).facts;
    const codeCol = col(g, "kod");
    const lanCol = col(g, "lan");
    const rows = read(g).rows;
    for (const r of rows) {
      g.values[r.row][codeCol] = Number(g.values[r.row][codeCol]);
      if (r.row !== rows[0].row) g.values[r.row][lanCol] = ""; // a merged area keeps its value in the first cell only
    }
    g.values.splice(rows[3].row, 0, new Array(g.values[0].length).fill(""), new Array(g.values[0].length).fill(""));
    g.formulas!.splice(rows[3].row, 0, [], []);
    const r = read(g);
    expect(r.findings).toEqual([]);
    expect(r.facts).toEqual(base);
  });
});

describe("cells that cannot be read are reported with their address, never guessed", () => {
  const cases: [string, (g: SheetGrid) => void, string, RegExp][] = [
    ["text in a share cell", (g) => (g.values[rowOf(g, "landsting", "03")][col(g, "A1.forsta-bedomning-30-dagar")] = "ungefär 90"), "not-a-number", /^"ungefär 90" är ingen andel/],
    ["90 where 90 % (0,9) was meant", (g) => (g.values[rowOf(g, "landsting", "03")][col(g, "A1.forsta-bedomning-30-dagar")] = 90), "out-of-range", /^Andelen 9000 % ligger utanför 0–100 %; menade du 90 %\?/],
    ["a share as text \"92,5 %\" is read exactly", (g) => (g.values[rowOf(g, "landsting", "03")][col(g, "A1.forsta-bedomning-30-dagar")] = "92,5 %"), "", /^$/],
    ["a negative share", (g) => (g.values[rowOf(g, "landsting", "03")][col(g, "A2.fordjupad-30-dagar")] = -0.1), "out-of-range", /^Andelen -0,1 är negativ\.$/],
    ["a yes/no cell with \"kanske\"", (g) => (g.values[rowOf(g, "kommun", "0380")][col(g, "GK1.innehall")] = "kanske"), "not-a-boolean", /^"kanske" är inget ja\/nej-svar; skriv Ja eller Nej\.$/],
    ["an answer in a column the level does not answer", (g) => (g.values[rowOf(g, "kommun", "0380")][col(g, "A1.forsta-bedomning-30-dagar")] = 0.95), "answer-at-wrong-level", /^0,95 står i en kolumn som kommun inte besvarar/],
    ["a count with decimals (B1 registered patients)", (g) => (g.values[rowOf(g, "landsting", "03")][col(g, "B1.malsiffra")] = 1200.5), "not-a-number", /^1200,5 är inget heltal; ange ett antal\.$/],
    ["an error value in an input cell", (g) => (g.values[rowOf(g, "kommun", "0380")][col(g, "GK2.information")] = "#N/A"), "not-a-number", /^Cellen innehåller felet #N\/A; rätta den\.$/],
    ["an unknown level", (g) => (g.values[rowOf(g, "kommun", "0380")][col(g, "niva")] = "stad"), "wrong-level", /^Nivån "stad" känns inte igen/],
    ["a kommunkod on a landsting row", (g) => (g.values[rowOf(g, "landsting", "03")][col(g, "kod")] = "0380"), "unknown-code", /är en kommunkod men raden har nivån landsting/],
    ["a changed population", (g) => (g.values[rowOf(g, "kommun", "0380")][col(g, "folkmangd")] = 200000), "population-changed", /^Folkmängden är ändrad: 200000 i stället för SCB:s 205199/],
  ];
  test.each(cases)("%s", (_name, edit, kind, message) => {
    const g = grid();
    edit(g);
    const r = read(g);
    if (kind === "") {
      expect(r.findings).toEqual([]);
      return;
    }
    expect(r.findings.map((f) => f.kind)).toEqual(kind === "unknown-code" ? [kind, "missing-row"] : [kind]);
    expect(r.findings[0].message).toMatch(message);
    expect(r.findings[0].cell).toMatch(/^[A-Z]+\d+$/);
  });

  test("a months-lower criterion filled in part is one finding naming the rule (aldre-2014)", () => {
    const g = grid(ALDRE, "01");
    const r0 = read(g);
    const c = r0.columns.get("LKM-OLAMPLIGA.manader-lagre.current.3")!;
    g.values[rowOf(g, "lan", "01")][c] = "";
    const r = read(g);
    expect(kinds(r.findings)).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ kind: "inconsistent-answers", rule: "LKM-OLAMPLIGA" });
    expect(r.findings[0].message).toContain("11 av 12 värden är ifyllda");
  });

  test("Region Gotland: the landsting row shows the kommun row's answer; a contradicting typed answer is an error", () => {
    const prio = getAgreement("prio-2014");
    const { sheet, geometry } = buildAllocationSheet(prio, sheetColumns(prio), { county: "09", facts: demoFacts(prio) });
    const c = geometry.columns.get("GK1.innehall")!;
    const landstingRow = geometry.lastDataRow;
    expect(sheet.cells[landstingRow][c]).toMatchObject({ formula: `F${geometry.firstDataRow + 1}`, style: "linked" });
    const g: SheetGrid = { name: SHEET_ALLOCATION, values: sheet.cells.map((r) => r.map((x) => (x ? (x.value ?? x.cached ?? "") : ""))) };
    expect(read(g).findings).toEqual([]);
    g.values[landstingRow][c] = g.values[geometry.firstDataRow][c] === "Ja" ? "Nej" : "Ja";
    const r = read(g);
    expect(kinds(r.findings)).toEqual([`fel:inconsistent-answers:F${landstingRow + 1}`]);
    expect(r.findings[0].message).toMatch(/^Region Gotland är både kommun och landsting och svarar en gång på GK1/);
  });
});

describe("validation of a grid (no file)", () => {
  test("a changed status text and a formula error are reported against the core", () => {
    const g = grid();
    const r0 = read(g);
    const row = rowOf(g, "kommun", "0380");
    g.values[row][r0.columns.get("status.B3")!] = g.values[row][r0.columns.get("status.B3")!] === "Behörig" ? "Inte behörig" : "Behörig";
    g.values[row][r0.columns.get("grundkrav")!] = "#VALUE!";
    const v = validateWorkbook([g]);
    expect(v.findings.map((f) => f.kind).sort()).toEqual(["formula-error", "status-differs"]);
  });

  test("#NAME? in every computed cell (opened without the add-in) is said once per sheet, and the amounts the rules give are listed", () => {
    const g = grid();
    const r0 = read(g);
    let n = 0;
    g.formulas!.forEach((row, r) =>
      row.forEach((f, c) => {
        if (f && r0.rows.some((x) => x.row === r)) {
          g.values[r][c] = "#NAME?";
          n++;
        }
      }),
    );
    const v = validateWorkbook([g]);
    expect(v.findings.map((f) => f.kind)).toEqual(["not-computed"]);
    expect(v.findings[0].message).toContain(`Formlerna är inte beräknade i filen: ${n} celler (${n} visar #NAME? (öppnad utan tillägget Stimulans))`);
    expect(n).toBeGreaterThan(50);
    const uppsala = v.computed!.find((x) => x.level === "landsting" && x.code === "03")!;
    expect(uppsala.total).toBe(v.results!.evaluation.recipients.filter((x) => x.level === "landsting" && x.code === "03").reduce((s, x) => s + Number(x.total), 0));
    expect(uppsala.total).toBeGreaterThan(0);
  });

  test("a sheet of another agreement is read with --agreement and refused when the headers are not that agreement's", () => {
    const g = grid();
    expect(() => readAllocationSheet(g, { agreement: ALDRE })).toThrow('Tabellen har ingen av svarskolumnerna för aldre-2014 (t.ex. "GK1 – Struktur för ledning och styrning i samverkan finns i länet"); gäller bladet en annan överenskommelse?');
  });
});
