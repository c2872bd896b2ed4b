/**
 * Nothing the user has is lost, and every file-system fault is one Swedish
 * line naming the path with exit 2 (src/cli/files.ts): --out never replaces
 * an existing file without --force nor an input (also through a link), the
 * extension matches the format, a failed write (a full disk, injected)
 * leaves the old file as it was; folder runs skip lock, temporary, system and
 * report files and keep going past a bad entry; control characters from
 * files are shown escaped.
 */
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkOutputPath, fsReason, listWorkbooks, readRegularFile, REAL_IO, skipByName, writeFileAtomic, WriteIo } from "../src/cli/files";
import { run, runAsync } from "../src/cli/main";
import * as sources from "../src/cli/sources";
import { escapeControls } from "../src/cli/output";
import { StimError } from "../src/core/errors";

let dir: string;
let county: string;
const hash = (p: string) => createHash("sha256").update(fs.readFileSync(p)).digest("hex");
const xlsxOut = { option: "--out", extension: ".xlsx", format: "Excel-arbetsbok" };

beforeAll(async () => {
  dir = fs.mkdtempSync(join(tmpdir(), "stim-files-"));
  county = join(dir, "01.xlsx");
  expect((await runAsync(["template", "prio-2014", "--county", "01", "--demo", "--out", county])).code).toBe(0);
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** One Swedish line on stderr and exit 2. */
async function refused(argv: string[], message: RegExp): Promise<void> {
  const r = await runAsync(argv);
  expect({ code: r.code, stdout: r.stdout }).toEqual({ code: 2, stdout: "" });
  expect(r.stderr.trim().split("\n")).toHaveLength(1);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(/Oväntat fel/);
}

describe("--out never replaces a file unasked", () => {
  test("template --out over an existing workbook: refused, the file unchanged; --force replaces it", async () => {
    const before = hash(county);
    await refused(["template", "prio-2014", "--out", county], /--out: .*01\.xlsx finns redan; ange --force för att ersätta den/);
    expect(hash(county)).toBe(before);
    const other = join(dir, "ersatt.xlsx");
    fs.writeFileSync(other, "gammalt");
    const r = await runAsync(["template", "prio-2014", "--county", "03", "--out", other, "--force"]);
    expect(r.code).toBe(0);
    expect(fs.readFileSync(other).subarray(0, 2).toString()).toBe("PK");
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  }, 60_000);

  test("validate --out: an existing report is refused without --force; the input is never the output, even with --force, through a link or a hard link", async () => {
    const report = join(dir, "rapport.xlsx");
    fs.writeFileSync(report, "gammal rapport");
    await refused(["validate", county, "--out", report], /rapport\.xlsx finns redan; ange --force/);
    expect(fs.readFileSync(report, "utf8")).toBe("gammal rapport");
    const before = hash(county);
    await refused(["validate", county, "--out", county, "--force"], /--out: .*01\.xlsx är samma fil som indata/);
    const link = join(dir, "lank.xlsx");
    fs.symlinkSync(county, link);
    await refused(["validate", county, "--out", link, "--force"], /lank\.xlsx är samma fil som indata/);
    const hard = join(dir, "hard.xlsx");
    fs.linkSync(county, hard);
    await refused(["validate", county, "--out", hard, "--force"], /hard\.xlsx är samma fil som indata/);
    await refused(["validate", link, "--out", county, "--force"], /01\.xlsx är samma fil som indata/);
    expect(hash(county)).toBe(before);
  }, 60_000);

  test("the extension must match the format: xlsx bytes never go into rapport.txt", async () => {
    await refused(["validate", county, "--out", join(dir, "rapport.txt")], /--out ska sluta på \.xlsx \(en Excel-arbetsbok\); fick .*rapport\.txt\./);
    expect(fs.existsSync(join(dir, "rapport.txt"))).toBe(false);
    await refused(["template", "prio-2014", "--out", join(dir, "mall.xlsx.txt")], /--out ska sluta på \.xlsx/);
  });

  test("a missing output folder, a file as the folder, a folder as the file: one line each, exit 2", async () => {
    await refused(["template", "prio-2014", "--out", join(dir, "finns-inte", "x.xlsx")], /--out: kan inte skriva i mappen .*finns-inte: den finns inte\./);
    await refused(["template", "prio-2014", "--out", join(county, "x.xlsx")], /--out: .*01\.xlsx är ingen mapp\./);
    const folder = join(dir, "mapp.xlsx");
    fs.mkdirSync(folder);
    await refused(["template", "prio-2014", "--out", folder, "--force"], /--out: .*mapp\.xlsx är en mapp; ange ett filnamn\./);
  });
});

describe("writes are atomic: a failed write leaves the old file as it was", () => {
  const realIo = (): WriteIo => ({ ...REAL_IO });
  const enospc = () => Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });

  test("the disk fills half-way through (ENOSPC injected): the old file is intact, no temporary file is left", () => {
    const target = join(dir, "atomisk.xlsx");
    fs.writeFileSync(target, "den gamla rapporten");
    let written = 0;
    const io = realIo();
    io.writeSync = (fd, b, off, len) => {
      if (written > 1000) throw enospc();
      const n = fs.writeSync(fd, b, off, Math.min(len, 600));
      written += n;
      return n;
    };
    expect(() => writeFileAtomic(target, Buffer.alloc(100_000, 1), { ...xlsxOut, force: true }, io)).toThrow(
      new StimError(`--out: kan inte skriva ${target}: disken är full; ingen befintlig fil har ändrats.`),
    );
    expect(written).toBeGreaterThan(1000);
    expect(fs.readFileSync(target, "utf8")).toBe("den gamla rapporten");
    expect(fs.readdirSync(dir).filter((f) => f.includes("atomisk") && f !== "atomisk.xlsx")).toEqual([]);
  });

  test("fsync or rename failing: the same", () => {
    const target = join(dir, "atomisk2.xlsx");
    fs.writeFileSync(target, "gammalt");
    for (const step of ["fsyncSync", "renameSync"] as const) {
      const io = realIo();
      io[step] = (() => {
        throw Object.assign(new Error("EIO"), { code: "EIO" });
      }) as never;
      expect(() => writeFileAtomic(target, Buffer.from("nytt"), { ...xlsxOut, force: true }, io)).toThrow(/kan inte skriva .*atomisk2\.xlsx: läsfel på disken/);
      expect(fs.readFileSync(target, "utf8")).toBe("gammalt");
    }
    expect(fs.readdirSync(dir).filter((f) => f.includes("atomisk2") && f !== "atomisk2.xlsx")).toEqual([]);
  });

  test("a read-only or full output folder (EACCES, EROFS, ENOSPC when creating the temporary file): one line, the old file as it was", () => {
    const target = join(dir, "atomisk3.xlsx");
    fs.writeFileSync(target, "gammalt");
    for (const [code, reason] of [["EACCES", "behörighet saknas"], ["EROFS", "filsystemet är skrivskyddat"], ["ENOSPC", "disken är full"]]) {
      const io = realIo();
      io.openSync = (() => {
        throw Object.assign(new Error(code), { code });
      }) as never;
      expect(() => writeFileAtomic(target, Buffer.from("nytt"), { ...xlsxOut, force: true }, io)).toThrow(new StimError(`--out: kan inte skriva ${target}: ${reason}.`));
      expect(fs.readFileSync(target, "utf8")).toBe("gammalt");
    }
  });

  test("without --force a file created meanwhile is not replaced either (link, not rename)", () => {
    const target = join(dir, "kapplopning.xlsx");
    const io = realIo();
    io.fsyncSync = (fd) => {
      fs.fsyncSync(fd);
      fs.writeFileSync(target, "någon annans fil"); // appears between the check and the write
    };
    expect(() => writeFileAtomic(target, Buffer.from("vår"), xlsxOut, io)).toThrow(/skapades av någon annan under körningen/);
    expect(fs.readFileSync(target, "utf8")).toBe("någon annans fil");
  });

  test("a successful write replaces through a link, keeping the link and the file's permissions", () => {
    const real = join(dir, "verklig.xlsx");
    const link = join(dir, "pekare.xlsx");
    fs.writeFileSync(real, "gammalt");
    fs.symlinkSync(real, link);
    fs.chmodSync(real, 0o640);
    writeFileAtomic(link, Buffer.from("nytt"), { ...xlsxOut, force: true });
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(real, "utf8")).toBe("nytt");
    expect(fs.statSync(real).mode & 0o777).toBe(0o640);
  });

  test("checkOutputPath refuses what is not a regular file", () => {
    const fifo = join(dir, "ror.xlsx");
    execFileSync("mkfifo", [fifo]);
    expect(() => checkOutputPath(fifo, { ...xlsxOut, force: true })).toThrow(/ror\.xlsx är ingen vanlig fil/);
  });
});

describe("every file-system fault: one Swedish line naming the path, exit 2", () => {
  test("reasons in Swedish for each error code", () => {
    const reasons = Object.fromEntries(["ENOENT", "EACCES", "EPERM", "EISDIR", "ENOTDIR", "ENOSPC", "ELOOP", "EROFS", "EIO", "EXYZ"].map((c) => [c, fsReason({ code: c })]));
    expect(reasons).toEqual({
      ENOENT: "den finns inte",
      EACCES: "behörighet saknas",
      EPERM: "behörighet saknas",
      EISDIR: "det är en mapp",
      ENOTDIR: "en del av sökvägen är ingen mapp",
      ENOSPC: "disken är full",
      ELOOP: "symboliska länkar pekar i en slinga",
      EROFS: "filsystemet är skrivskyddat",
      EIO: "läsfel på disken",
      EXYZ: "systemfel EXYZ",
    });
  });

  test("readRegularFile: a dangling link, a link loop, a FIFO, a folder", () => {
    const dangling = join(dir, "dinglar.xlsx");
    fs.symlinkSync(join(dir, "borta.xlsx"), dangling);
    expect(() => readRegularFile(dangling)).toThrow(new StimError(`Kan inte läsa filen ${dangling}: länken pekar på en fil som inte finns.`));
    const loop = join(dir, "slinga.xlsx");
    fs.symlinkSync(loop, loop);
    expect(() => readRegularFile(loop)).toThrow(new StimError(`Kan inte läsa filen ${loop}: symboliska länkar pekar i en slinga.`));
    const fifo = join(dir, "ror2.xlsx");
    execFileSync("mkfifo", [fifo]);
    expect(() => readRegularFile(fifo)).toThrow(/är ingen vanlig fil/);
    expect(() => readRegularFile(dir)).toThrow(/är en mapp; ange en fil/);
  });

  test("validate and evaluate --input: a folder given as a workbook, a missing file, a link loop", async () => {
    const folder = join(dir, "ark.xlsx");
    fs.mkdirSync(folder, { recursive: true });
    await refused(["evaluate", "prio-2014", "--input", folder], /--input: .*ark\.xlsx är en mapp|ark\.xlsx är en mapp/);
    await refused(["evaluate", "prio-2014", "--input", join(dir, "saknas.xlsx")], /Kan inte läsa filen .*saknas\.xlsx: den finns inte\./);
    const loop = join(dir, "slinga2.xlsx");
    fs.symlinkSync(loop, loop);
    await refused(["validate", loop], /Kan inte läsa .*slinga2\.xlsx: symboliska länkar pekar i en slinga\./);
  });

  test("evaluate --input: a report, a plain workbook, another agreement's sheet each say what they are", async () => {
    const report = join(dir, "granskning.xlsx");
    expect((await runAsync(["validate", county, "--out", report])).code).toBe(0);
    await refused(["evaluate", "prio-2014", "--input", report], /granskning\.xlsx är en granskningsrapport från stim validate, inte ett fördelningsark/);
    const v = await runAsync(["validate", report]);
    expect([v.code, v.stdout]).toEqual([2, `${report}: kan inte granskas: Filen är en granskningsrapport från stim validate, inte ett fördelningsark; ange det ifyllda arket.\n`]);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Blad1").addRow(["Budget", "Utfall"]);
    const plain = join(dir, "vanlig.xlsx");
    await wb.xlsx.writeFile(plain);
    await refused(["evaluate", "prio-2014", "--input", plain], /vanlig\.xlsx kan inte läsas som fördelningsark för prio-2014: Ingen fördelningstabell hittades/);
    const aldre = join(dir, "aldre.xlsx");
    expect((await runAsync(["template", "aldre-2014", "--county", "01", "--out", aldre])).code).toBe(0);
    await refused(["evaluate", "prio-2014", "--input", aldre], /aldre\.xlsx är ett fördelningsark för aldre-2014, inte prio-2014; kör stim evaluate aldre-2014 --input/);
  }, 60_000);
});

describe("a folder run", () => {
  test("names that are skipped without being opened", () => {
    expect(["~$01.xlsx", ".~lock.01.xlsx#", "Thumbs.db", "desktop.ini", ".DS_Store", "01.xlsx.tmp", "~WRL0001.tmp", ".dold.xlsx", "data.csv", "gammal.xls", "01.xlsx", "02.XLSX"].map((n) => [n, skipByName(n)])).toEqual([
      ["~$01.xlsx", "låsfil"],
      [".~lock.01.xlsx#", "låsfil"],
      ["Thumbs.db", "systemfil"],
      ["desktop.ini", "systemfil"],
      [".DS_Store", "systemfil"],
      ["01.xlsx.tmp", "tillfällig fil"],
      ["~WRL0001.tmp", "tillfällig fil"],
      [".dold.xlsx", "tillfällig fil"],
      ["data.csv", "inte en arbetsbok"],
      ["gammal.xls", "inte en arbetsbok"],
      ["01.xlsx", undefined],
      ["02.XLSX", undefined],
    ]);
  });

  test("lock files, temporary files, Thumbs.db, its own earlier report and non-workbooks are skipped in one summary line; a dangling link, a loop and a FIFO are reported and the rest still checked", async () => {
    const folder = join(dir, "lan");
    fs.mkdirSync(folder);
    fs.copyFileSync(county, join(folder, "01.xlsx"));
    expect((await runAsync(["template", "prio-2014", "--county", "03", "--demo", "--out", join(folder, "03.xlsx")])).code).toBe(0);
    // Excel's lock file is unreadable while Excel holds it: it must never be opened.
    fs.writeFileSync(join(folder, "~$01.xlsx"), Buffer.alloc(165));
    fs.chmodSync(join(folder, "~$01.xlsx"), 0);
    fs.writeFileSync(join(folder, "Thumbs.db"), "x");
    fs.writeFileSync(join(folder, "anteckningar.txt"), "x");
    fs.writeFileSync(join(folder, "01.xlsx.tmp"), "x");
    fs.mkdirSync(join(folder, "arkiv"));
    // An earlier run's report in the same folder.
    const first = await runAsync(["validate", folder, "--out", join(folder, "rapport.xlsx")]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`${join(folder, "03.xlsx")}: prio-2014, län 03, blad Fördelning: inga avvikelser.`);
    expect(first.stdout).toContain("Hoppade över 5: 1 tillfällig fil (01.xlsx.tmp); 1 systemfil (Thumbs.db); 1 fil som inte är en arbetsbok (.xlsx) (anteckningar.txt); 1 mapp (arkiv); 1 låsfil (~$01.xlsx).");
    // Run again: the report is recognised and skipped; replacing it needs --force.
    const again = await runAsync(["validate", folder, "--out", join(folder, "rapport.xlsx"), "--force"]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("1 egen granskningsrapport (rapport.xlsx)");
    expect(again.stdout).toContain("Sammanfattning: 2 filer, 0 kunde inte granskas");
    // --out at a workbook that is validated in this run: refused even with --force, the workbook unchanged.
    const before = hash(join(folder, "03.xlsx"));
    await refused(["validate", folder, "--out", join(folder, "03.xlsx"), "--force"], /03\.xlsx är samma fil som indata/);
    expect(hash(join(folder, "03.xlsx"))).toBe(before);
    // Bad entries: each one line, exit 2, the good files still checked.
    fs.symlinkSync(join(folder, "borta.xlsx"), join(folder, "dinglar.xlsx"));
    fs.symlinkSync(join(folder, "slinga.xlsx"), join(folder, "slinga.xlsx"));
    execFileSync("mkfifo", [join(folder, "ror.xlsx")]);
    const bad = await runAsync(["validate", folder]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe("");
    expect(bad.stdout).toContain(`${join(folder, "dinglar.xlsx")}: kan inte granskas: Kan inte läsa filen ${join(folder, "dinglar.xlsx")}: länken pekar på en fil som inte finns.`);
    expect(bad.stdout).toContain(`${join(folder, "slinga.xlsx")}: kan inte granskas: Kan inte läsa filen ${join(folder, "slinga.xlsx")}: symboliska länkar pekar i en slinga.`);
    expect(bad.stdout).toMatch(/ror\.xlsx: kan inte granskas: .*ror\.xlsx är ingen vanlig fil/);
    expect(bad.stdout).toContain(`${join(folder, "01.xlsx")}: prio-2014, län 01, blad Fördelning: inga avvikelser.`);
    expect(bad.stdout).toContain("Sammanfattning: 5 filer, 3 kunde inte granskas");
    expect(bad.stdout).not.toMatch(/Oväntat fel/);
  }, 120_000);

  test("a file vanishing between listing and reading is skipped or reported, never a crash", () => {
    const folder = join(dir, "forsvinner");
    fs.mkdirSync(folder);
    fs.writeFileSync(join(folder, "a.xlsx"), "x");
    const listing = listWorkbooks(folder);
    fs.rmSync(join(folder, "a.xlsx"));
    expect(listing.files).toEqual([join(folder, "a.xlsx")]);
    expect(() => readRegularFile(listing.files[0])).toThrow(new StimError(`Kan inte läsa filen ${join(folder, "a.xlsx")}: den finns inte.`));
  });
});

describe("control characters from files are shown escaped", () => {
  test("escapeControls", () => {
    expect(escapeControls("a\nb\r\tc\x1b[31md\u0000\u2028\u0085")).toBe("a\\nb\\r\\tc\\x1B[31md\\x00\\u2028\\x85");
    expect(escapeControls("Region Gotland åäö")).toBe("Region Gotland åäö");
  });

  test("a newline in a cell cannot forge an \"inga avvikelser\" line, nor an escape sequence drive the terminal", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(county);
    const ws = wb.getWorksheet("Fördelning")!;
    const forged = `${county}: prio-2014, län 01, blad Fördelning: inga avvikelser.`;
    ws.getCell("F9").value = `kanske\n${forged}\x1b[2J`;
    const path = join(dir, "forfalskad.xlsx");
    await wb.xlsx.writeFile(path);
    const r = await runAsync(["validate", path]);
    expect(r.code).toBe(1);
    const lines = r.stdout.split("\n");
    expect(lines.filter((l) => l.endsWith("inga avvikelser."))).toEqual([]);
    expect(r.stdout).not.toContain("\x1b");
    expect(r.stdout).toContain("kanske\\n");
  }, 60_000);
});

describe("control characters written the OOXML way", () => {
  test("_x001B_ and _x000A_ in the file's strings (decoded by the reader) are shown escaped", async () => {
    const files = unzipSync(fs.readFileSync(county));
    const strings = strFromU8(files["xl/sharedStrings.xml"]);
    expect(strings).toContain("<t>Ja</t>");
    files["xl/sharedStrings.xml"] = strToU8(strings.split("<t>Ja</t>").join("<t>Ja_x001B_[2J_x000A_inga avvikelser.</t>"));
    const path = join(dir, "ooxml-escape.xlsx");
    fs.writeFileSync(path, zipSync(files));
    const r = await runAsync(["validate", path]);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain("\x1b");
    expect(r.stdout).toContain("Ja\\x1B[2J\\ninga avvikelser.");
    expect(r.stdout.split("\n").filter((l) => l.endsWith("inga avvikelser.") && !l.includes("\\n"))).toEqual([]);
  }, 60_000);
});

describe("--assume ids that are also names of object properties", () => {
  test("__proto__, constructor and toString given once are unknown ids, not \"angivet två gånger\"", async () => {
    for (const id of ["__proto__", "constructor", "toString", "hasOwnProperty"]) {
      await refused(["evaluate", "prio-2014", "--scenario", "demo", "--assume", `${id}=x`], new RegExp(`^stim: Okänt antagande "${id}" för prio-2014; finns: `));
    }
    await refused(["evaluate", "prio-2014", "--scenario", "demo", "--assume", "__proto__=x", "--assume", "__proto__=y"], /--assume __proto__ är angivet två gånger/);
    // A real id still works.
    const ok = await runAsync(["evaluate", "prio-2014", "--scenario", "demo", "--assume", "prio-2014/county-below-80=complying-only", "--json"]);
    expect([ok.code, ok.stderr]).toEqual([0, ""]);
    expect(JSON.parse(ok.stdout).assumptions).toContainEqual(expect.objectContaining({ id: "prio-2014/county-below-80", value: "complying-only" }));
  });
});

describe("exit codes are distinct: 0 clean, 1 findings, 2 unusable input, 3 an internal error", () => {
  afterEach(() => jest.restoreAllMocks());
  test("a file-system error not caught nearer its cause: one Swedish line naming the path, exit 2", () => {
    jest.spyOn(sources, "missingSeeds").mockImplementation(() => {
      throw Object.assign(new Error("EACCES: permission denied, scandir '/srv/seeds'"), { code: "EACCES", path: "/srv/seeds" });
    });
    expect(run(["check", "/srv/seeds"])).toEqual({ code: 2, stdout: "", stderr: "stim: Kan inte använda /srv/seeds: behörighet saknas.\n" });
  });
  test("a bug: \"Oväntat fel\" with exit 3, never 1 (findings)", () => {
    jest.spyOn(sources, "missingSeeds").mockImplementation(() => {
      throw new TypeError("x is undefined\n\x1b[2J");
    });
    expect(run(["check", "/srv/seeds"])).toEqual({ code: 3, stdout: "", stderr: "stim: Oväntat fel: x is undefined \\x1B[2J\n" });
  });
});
