/**
 * The workbook commands: stim template, stim validate (file and folder),
 * stim evaluate --input fil.xlsx; and every kind of bad input file with its
 * one-line Swedish message and exit code (0 clean, 1 discrepancies,
 * 2 unusable input).
 */
import ExcelJS from "exceljs";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runAsync } from "../src/cli/main";
import { MAX_FILE_BYTES } from "../src/cli/xlsx";

let dir: string;
let county: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "stim-cli-"));
  county = join(dir, "stockholm.xlsx");
  const r = await runAsync(["template", "prio-2014", "--county", "01", "--demo", "--out", county]);
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/^Skrev .*stockholm\.xlsx: prio-2014, län 01, 27 mottagare \(FIKTIVA demouppgifter\); blad: Fördelning, Regler, Antaganden, Källkonflikter, Kalender\.\n$/);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function workbook(build: (wb: ExcelJS.Workbook) => void, name: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const path = join(dir, name);
  writeFileSync(path, Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  return path;
}

describe("stim template", () => {
  test("refuses an unknown county, a missing --out and a non-xlsx name with exit 2", async () => {
    for (const [argv, msg] of [
      [["template", "prio-2014", "--county", "99", "--out", join(dir, "x.xlsx")], /Okänd länskod "99"/],
      [["template", "prio-2014"], /--out saknas: Excel-filen som skrivs/],
      [["template", "prio-2014", "--out", join(dir, "x.csv")], /--out ska sluta på \.xlsx/],
      [["template", "prio-2099", "--out", join(dir, "x.xlsx")], /Okänd överenskommelse "prio-2099"/],
    ] as const) {
      const r = await runAsync([...argv]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(msg);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
    }
  });
});

describe("stim validate", () => {
  test("a clean file: exit 0, one line", async () => {
    const r = await runAsync(["validate", county]);
    expect(r).toEqual({ code: 0, stdout: `${county}: prio-2014, län 01, blad Fördelning: inga avvikelser.\n`, stderr: "" });
  });

  test("a discrepancy: exit 1, with sheet, cell, rule and citation; --json has the same findings", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(county);
    const ws = wb.getWorksheet("Fördelning")!;
    // A3 belopp for Upplands Väsby (first data row): change the cached amount.
    let target: ExcelJS.Cell | undefined;
    let a3 = -1;
    ws.eachRow((row) =>
      row.eachCell((cell, c) => {
        if (cell.value === "A3 belopp (kr)") a3 = c;
        const v = cell.value as ExcelJS.CellFormulaValue;
        if (!target && c === a3 && v && typeof v === "object" && "formula" in v && v.formula.startsWith("INDEX(") && (cell.result as number) > 0) target = cell;
      }),
    );
    target!.value = { formula: (target!.value as ExcelJS.CellFormulaValue).formula, result: (target!.result as number) - 5 };
    const path = join(dir, "changed.xlsx");
    await wb.xlsx.writeFile(path);
    const r = await runAsync(["validate", path]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`  avvikelse: Fördelning!${target!.address}: Beloppet ur A3 är`);
    expect(r.stdout).toContain("(skillnad -5 kr). [A3 (Psykisk ohälsa 2014 §3.4.2)]");
    const j = await runAsync(["validate", path, "--json"]);
    expect(j.code).toBe(1);
    const report = JSON.parse(j.stdout);
    expect(report.files[0].findings).toEqual([expect.objectContaining({ kind: "amount-differs", cell: target!.address, difference: -5, rule: "A3" })]);
    expect(report.summary).toEqual({ files: 1, unusable: 0, fel: 0, avvikelse: 1, notering: 0 });
  }, 60_000);

  test("a folder: progress on stderr, one bad file never stops the others, a report workbook, exit 2 when a file is unusable", async () => {
    const folder = join(dir, "lan");
    mkdirSync(folder);
    copyFileSync(county, join(folder, "01.xlsx"));
    writeFileSync(join(folder, "02.xlsx"), "det här är ingen arbetsbok");
    const r3 = await runAsync(["template", "prio-2014", "--county", "03", "--demo", "--out", join(folder, "03.xlsx")]);
    expect(r3.code).toBe(0);
    const progress: string[] = [];
    const out = join(dir, "rapport.xlsx");
    const r = await runAsync(["validate", folder, "--out", out], (l) => progress.push(l));
    expect(progress).toEqual(["[1/3] 01.xlsx", "[2/3] 02.xlsx", "[3/3] 03.xlsx"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`${join(folder, "02.xlsx")}: kan inte granskas: Filen är ingen Excel-arbetsbok (.xlsx): innehållet känns inte igen.`);
    expect(r.stdout).toContain(`${join(folder, "03.xlsx")}: prio-2014, län 03, blad Fördelning: inga avvikelser.`);
    expect(r.stdout).toContain("Sammanfattning: 3 filer, 1 kunde inte granskas; 0 fel, 0 avvikelser, 0 noteringar.");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const rows: unknown[] = [];
    wb.getWorksheet("Rapport")!.eachRow((row) => rows.push(row.getCell(1).value));
    expect(rows).toContain("02.xlsx");
  }, 120_000);

  test("bad input files: one Swedish line each and exit 2", async () => {
    const cases: [string, () => Promise<string> | string, RegExp][] = [
      ["corrupt zip", () => {
        const p = join(dir, "trasig.xlsx");
        writeFileSync(p, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]));
        return p;
      }, /^Filen kan inte läsas som \.xlsx \(skadad eller ofullständig\)/],
      ["password-protected", () => {
        const p = join(dir, "skyddad.xlsx");
        const ole = Buffer.alloc(1024);
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
        Buffer.from("EncryptedPackage", "utf16le").copy(ole, 600);
        writeFileSync(p, ole);
        return p;
      }, /^Filen är lösenordsskyddad; spara den utan lösenord/],
      ["an old .xls renamed", () => {
        const p = join(dir, "gammal.xlsx");
        const ole = Buffer.alloc(1024);
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
        writeFileSync(p, ole);
        return p;
      }, /^Filen är i det gamla Excel-formatet \.xls/],
      ["a text file renamed .xlsx", () => {
        const p = join(dir, "text.xlsx");
        writeFileSync(p, "Kod;Namn\n0114;Upplands Väsby\n");
        return p;
      }, /^Filen är ingen Excel-arbetsbok \(\.xlsx\)/],
      ["a .csv", () => {
        const p = join(dir, "data.csv");
        writeFileSync(p, "Kod,Namn\n0114,Upplands Väsby\n");
        return p;
      }, /^CSV-filer stöds inte/],
      ["an empty file", () => {
        const p = join(dir, "tom.xlsx");
        writeFileSync(p, "");
        return p;
      }, /^Filen är tom \(0 byte\)\./],
      ["an empty workbook", () => workbook((wb) => wb.addWorksheet("Blad1"), "tomma-blad.xlsx"), /Ingen fördelningstabell hittades|ingen känd överenskommelse/],
      ["no recognisable table", () => workbook((wb) => {
        const ws = wb.addWorksheet("Blad1");
        ws.addRow(["Överenskommelse: prio-2014"]);
        ws.addRow(["Budget", "Utfall"]);
        ws.addRow([1, 2]);
      }, "ingen-tabell.xlsx"), /^Ingen fördelningstabell hittades/],
      ["a 100 000-row sheet", () => workbook((wb) => {
        const ws = wb.addWorksheet("Blad1");
        for (let i = 0; i < 100_000; i++) ws.addRow([i]);
      }, "stor.xlsx"), /^Bladet "Blad1" har 100000 rader; en fördelningstabell har högst några hundra/],
      ["a file above the size limit", () => {
        const p = join(dir, "jatte.xlsx");
        writeFileSync(p, Buffer.alloc(MAX_FILE_BYTES + 1));
        return p;
      }, /^Filen .*jatte\.xlsx är 10 000 001 byte; gränsen för en indatafil är 10 MB\./],
    ];
    for (const [name, make, message] of cases) {
      const path = await make();
      const r = await runAsync(["validate", path]);
      expect([name, r.code]).toEqual([name, 2]);
      const line = r.stdout.trim();
      expect(line.split("\n")).toHaveLength(1);
      expect([name, line.replace(`${path}: kan inte granskas: `, "")]).toEqual([name, expect.stringMatching(message)]);
    }
  }, 180_000);

  test("a missing path and a folder without files", async () => {
    expect(await runAsync(["validate", join(dir, "finns-inte.xlsx")])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^stim: Hittar inte /) });
    const empty = join(dir, "tom-mapp");
    mkdirSync(empty);
    expect(await runAsync(["validate", empty])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^stim: Mappen .* har inga arbetsböcker \(\.xlsx\) att granska\./) });
  });
});

describe("stim evaluate --input fil.xlsx", () => {
  test("a county workbook is evaluated with the other counties at the baseline, and says so", async () => {
    const r = await runAsync(["evaluate", "prio-2014", "--input", county, "--county", "01"]);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe("Länsark för län 01: övriga län räknas som om alla uppfyller kraven och når målen (det minsta länet får om det självt är behörigt).");
    expect(r.stdout).toContain("Stöd till riktade insatser inom området psykisk ohälsa 2014 (prio-2014)\nFIKTIVA demouppgifter, inte verkliga");
  }, 60_000);

  test("the JSON amounts equal the amounts in the workbook's cells", async () => {
    const r = await runAsync(["evaluate", "prio-2014", "--input", county, "--json"]);
    const ev = JSON.parse(r.stdout);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(county);
    const ws = wb.getWorksheet("Fördelning")!;
    let checked = 0;
    const potOf = new Map<number, string>();
    ws.eachRow((row) => {
      const code = row.getCell(1).value;
      row.eachCell((cell, c) => {
        const h = typeof cell.value === "string" ? / ?([A-Z0-9-]+) belopp \(kr\)$/.exec(cell.value) : null;
        if (h && !cell.value!.toString().startsWith("Beräknat:")) potOf.set(c, h[1]);
        const v = cell.value as ExcelJS.CellFormulaValue;
        const m = v && typeof v === "object" && "formula" in v && v.formula.startsWith("INDEX(") && potOf.has(c) ? [v.formula, potOf.get(c)!] : null;
        if (!m || typeof code !== "string") return;
        const level = code.length === 4 ? "kommun" : "landsting";
        const rec = ev.recipients.find((x: { level: string; code: string }) => x.level === level && x.code === code);
        expect(rec.pots.find((p: { pot: string }) => p.pot === m[1]).amount).toBe(cell.result);
        checked++;
      });
    });
    expect(checked).toBeGreaterThan(50);
  }, 60_000);

  test("an input error in the workbook: exit 2 naming the cell", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(county);
    const ws = wb.getWorksheet("Fördelning")!;
    ws.getCell("F9").value = "kanske";
    const path = join(dir, "kanske.xlsx");
    await wb.xlsx.writeFile(path);
    const r = await runAsync(["evaluate", "prio-2014", "--input", path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^stim: .*kanske\.xlsx har 1 fel i indata: Fördelning!F9: "kanske" är inget ja\/nej-svar; skriv Ja eller Nej\. \[GK1 \(Psykisk ohälsa 2014 §3\.4\.1\)\]/);
  }, 60_000);
});
