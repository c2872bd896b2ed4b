/**
 * The proof that a generated sheet keeps working when inputs change: every
 * formula of a template is recomputed by an independent formula engine
 * (HyperFormula) with the STIM.* functions from the built bundle, and must
 * equal the cached values the sheet layer wrote; then inputs are changed as
 * a user would (a kommun stops meeting GK1, a share falls below its
 * threshold) and the recomputed sheet must equal the core's own evaluation
 * of the changed facts, krona for krona.
 */
import { evaluate } from "../../src/core/evaluate";
import { Facts } from "../../src/core/facts";
import { getAgreement } from "../../src/agreements";
import { readAllocationSheet, SHEET_ALLOCATION, SheetGrid, STATUS_TEXT, gateText } from "../../src/sheets";
import { readXlsxBytes, writeXlsx } from "../../src/cli/xlsx";
import { templateSpec } from "../../src/cli/sheets";
import { buildEngine, engineValues, registerBundle, setAndRecompute } from "./formula-engine";

const PRIO = getAgreement("prio-2014");

async function template(county?: string): Promise<SheetGrid[]> {
  return readXlsxBytes(await writeXlsx(templateSpec("prio-2014", county, true)), "mall.xlsx");
}

beforeAll(async () => {
  await registerBundle();
}, 60_000);

/** Every formula cell: [address, cached, recomputed]. */
function formulaCells(grid: SheetGrid, computed: unknown[][]): { at: string; cached: unknown; engine: unknown }[] {
  const out: { at: string; cached: unknown; engine: unknown }[] = [];
  grid.formulas!.forEach((row, r) =>
    row.forEach((f, c) => {
      if (f) out.push({ at: `R${r + 1}C${c + 1}`, cached: grid.values[r][c], engine: computed[r]?.[c] });
    }),
  );
  return out;
}

describe.each([["01"], [undefined]])("template %s recomputed by HyperFormula", (county) => {
  test(
    "every formula cell equals the cached value from the core",
    async () => {
      const grids = await template(county);
      const hf = buildEngine(grids);
      const alloc = grids.find((g) => g.name === SHEET_ALLOCATION)!;
      const cells = formulaCells(alloc, engineValues(hf, SHEET_ALLOCATION));
      expect(cells.length).toBeGreaterThan(county ? 100 : 1500);
      const differing = cells.filter((x) => x.cached !== x.engine);
      expect(differing.slice(0, 5)).toEqual([]);
      hf.destroy();
    },
    120_000,
  );
});

describe("inputs changed in the recomputed national sheet equal the core's evaluation of the changed facts", () => {
  let grids: SheetGrid[];
  let base: Facts;
  beforeAll(async () => {
    grids = await template();
    base = readAllocationSheet(grids.find((g) => g.name === SHEET_ALLOCATION)!).facts;
  }, 60_000);

  function compare(hfValues: unknown[][], facts: Facts): { at: string; expected: unknown; engine: unknown }[] {
    const grid = grids.find((g) => g.name === SHEET_ALLOCATION)!;
    const read = readAllocationSheet(grid);
    const ev = evaluate(PRIO, facts, { explain: false });
    const out: { at: string; expected: unknown; engine: unknown }[] = [];
    for (const row of read.rows) {
      const rec = ev.recipients.find((x) => x.level === row.level && x.code === row.code)!;
      for (const [id, c] of read.columns) {
        let expected: unknown;
        if (id.startsWith("belopp.")) expected = Number(rec.pots.find((p) => p.pot === id.slice(7))!.amount);
        else if (id.startsWith("status.")) expected = STATUS_TEXT[rec.pots.find((p) => p.pot === id.slice(7))!.status];
        else if (id === "grundkrav") expected = gateText(rec.gate);
        else continue;
        const engine = hfValues[row.row][c];
        if (engine === null && (expected === 0 || expected === STATUS_TEXT["not-applicable"])) continue; // no formula for a level that does not take part
        if (engine !== expected) out.push({ at: `${row.level} ${row.code} ${id}`, expected, engine });
      }
    }
    // The totals block: allocated and unallocated per pot.
    for (const p of ev.pots) {
      const c = read.columns.get(`belopp.${p.id}`);
      if (c === undefined) continue;
      for (const [label, value] of [["Fördelat", p.allocated], ["Ofördelat", p.unallocated]] as const) {
        const r = read.totals.get(label)!;
        if (hfValues[r][c] !== Number(value)) out.push({ at: `${label} ${p.id}`, expected: Number(value), engine: hfValues[r][c] });
      }
    }
    return out;
  }

  function setInput(hf: ReturnType<typeof buildEngine>, level: string, code: string, column: string, value: unknown) {
    const grid = grids.find((g) => g.name === SHEET_ALLOCATION)!;
    const read = readAllocationSheet(grid);
    const row = read.rows.find((r) => r.level === level && r.code === code)!;
    setAndRecompute(hf, { sheet: hf.getSheetId(SHEET_ALLOCATION)!, row: row.row, col: read.columns.get(column)! }, value);
  }

  test(
    "Uppsala kommun stops meeting GK1: Uppsala län falls below 80 % (004 §3.4.1) and nobody there receives; the money moves to the others",
    () => {
      const hf = buildEngine(grids);
      const before = engineValues(hf, SHEET_ALLOCATION);
      setInput(hf, "kommun", "0380", "GK1.innehall", "Nej");
      const after = engineValues(hf, SHEET_ALLOCATION);
      const facts: Facts = JSON.parse(JSON.stringify(base));
      facts.counties["03"].kommuner!["0380"].answers!.GK1.innehall = false;
      expect(compare(after, facts)).toEqual([]);
      // The change mattered: the landsting of Uppsala län had money before and has none now.
      const read = readAllocationSheet(grids.find((g) => g.name === SHEET_ALLOCATION)!);
      const row = read.rows.find((r) => r.level === "landsting" && r.code === "03")!;
      const total = read.columns.get("summa")!;
      expect(after[row.row][total]).toBe(0);
      expect(before[row.row][total]).not.toBe(0);
      expect(after[row.row][read.columns.get("grundkrav")!]).toBe("Nej");
      hf.destroy();
    },
    180_000,
  );

  test(
    "a share crosses its threshold: Stockholm's landsting A1 falls from above 90 % to 85 %",
    () => {
      const hf = buildEngine(grids);
      expect(base.counties["01"].landsting!.answers!.A1["forsta-bedomning-30-dagar"]).toBeGreaterThanOrEqual(0.9);
      setInput(hf, "landsting", "01", "A1.forsta-bedomning-30-dagar", 0.85);
      const after = engineValues(hf, SHEET_ALLOCATION);
      const facts: Facts = JSON.parse(JSON.stringify(base));
      facts.counties["01"].landsting!.answers!.A1["forsta-bedomning-30-dagar"] = 0.85;
      expect(compare(after, facts)).toEqual([]);
      hf.destroy();
    },
    180_000,
  );
});

describe("a key changes in the recomputed national aldre-2014 sheet", () => {
  test(
    "a kommun's key (inhabitants 65+) doubles: the sheet equals the core's evaluation of the changed facts, krona for krona",
    async () => {
      const ALDRE = getAgreement("aldre-2014");
      const grids = await readXlsxBytes(await writeXlsx(templateSpec("aldre-2014", undefined, true)), "mall.xlsx");
      const grid = grids.find((g) => g.name === SHEET_ALLOCATION)!;
      const read = readAllocationSheet(grid);
      const keyCol = "nyckel.pop65";
      const key = "pop65";
      // A kommun that receives money and has its key filled in.
      const row = read.rows.find((r) => r.level === "kommun" && typeof grid.values[r.row][read.columns.get(keyCol)!] === "number" && (grid.values[r.row][read.columns.get("belopp.PALL1")!] as number) > 0)!;
      const old = grid.values[row.row][read.columns.get(keyCol)!] as number;
      const hf = buildEngine(grids);
      const sheet = hf.getSheetId(SHEET_ALLOCATION)!;
      const before = engineValues(hf, SHEET_ALLOCATION);
      setAndRecompute(hf, { sheet, row: row.row, col: read.columns.get(keyCol)! }, old * 2);
      const after = engineValues(hf, SHEET_ALLOCATION);
      const facts: Facts = JSON.parse(JSON.stringify(read.facts));
      facts.counties[row.lan].kommuner![row.code].keys![key] = old * 2;
      const ev = evaluate(ALDRE, facts, { explain: false });
      const differing: string[] = [];
      let changed = 0;
      for (const r of read.rows) {
        if (r.level === "lan") continue;
        const rec = ev.recipients.find((x) => x.level === r.level && x.code === r.code)!;
        for (const p of rec.pots) {
          const c = read.columns.get(`belopp.${p.pot}`);
          if (c === undefined || after[r.row][c] === null) continue;
          if (after[r.row][c] !== Number(p.amount)) differing.push(`${r.code} ${p.pot}: ${String(after[r.row][c])} ≠ ${p.amount}`);
          if (after[r.row][c] !== before[r.row][c]) changed++;
        }
      }
      expect(differing.slice(0, 5)).toEqual([]);
      expect(changed).toBeGreaterThan(10); // a key moves money between every recipient of the pot
      hf.destroy();
    },
    240_000,
  );
});
