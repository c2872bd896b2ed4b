/**
 * `stim check` / `npm run check:sources`: every citation's section and quote
 * resolved against the source documents. Without the documents it says in one
 * line where to put them. Here against stand-in documents; CI runs it against
 * the real ones.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { AGREEMENTS, ALL_CONFLICTS } from "../src/agreements";
import { allCitations, missingSeeds, seedResolver } from "../src/cli/sources";
import { Citation, SEED_FILES } from "../src/core/model";
import { run } from "../src/cli/main";
import { failure } from "./cli-helpers";
import { writeFixtureSeeds } from "./fixtures/seeds";

describe("the resolver", () => {
  const dir = mkdtempSync(join(tmpdir(), "stim-resolver-"));
  const doc = SEED_FILES[0];
  writeFileSync(
    join(dir, doc),
    [
      "3.4 Prestationsmål",
      "3.4.2 Prestationsmål för 2014",
      "Se avsnitt 3.5 nedan om rapporteringen.",
      "\uf0b7 Modell för finansiering av regionala utvecklingsarbeten i denna",
      "överenskommelse",
      "## **Ekonomiskt stöd**",
      "Staten avsätter 80 miljoner kronor för",
      "detta mål under 2014.",
    ].join("\n"),
  );
  const resolve1 = seedResolver(dir);
  const cite = (section: string, quote?: string): Citation => ({ doc, section, label: "test", quote });
  test.each([
    ["3.4.2", undefined, undefined],
    ["3.4", undefined, undefined],
    ["3.5", undefined, `avsnitt 3.5 finns inte som rubrik i ${doc}`], // mentioned, but not a heading
    ["3.4.1", undefined, `avsnitt 3.4.1 finns inte som rubrik i ${doc}`],
    ["Modell för finansiering av regionala utvecklingsarbeten i denna överenskommelse", undefined, undefined], // a bulleted heading that wraps
    ["Ekonomiskt stöd", undefined, undefined], // markdown marks dropped
    ["finansiering av regionala", undefined, `rubriken "finansiering av regionala" finns inte i ${doc}`], // not at a line start
    ["3.4.2", "Staten avsätter 80 miljoner", undefined],
    ["3.4.2", "80 miljoner kronor för detta mål", `citatet "80 miljoner kronor för detta mål" står inte ordagrant på en rad i ${doc}`],
    ["3.4.2", "Staten avsätter 90 miljoner", `citatet "Staten avsätter 90 miljoner" står inte ordagrant på en rad i ${doc}`],
  ])("section %j, quote %j → %j", (section, quote, problem) => {
    expect(resolve1(cite(section as string, quote as string | undefined))).toBe(problem);
  });
  test("a document that is not in the folder", () => {
    expect(resolve1({ doc: SEED_FILES[1], section: "1", label: "x" })).toBe(`källdokumentet ${SEED_FILES[1]} finns inte i ${dir}`);
  });
});

describe("the citations checked", () => {
  const found = new Set(allCitations().map((x) => x.c));
  test("include every agreement's, pot's, rule's and conflict's citation", () => {
    for (const a of AGREEMENTS) {
      expect(found.has(a.source)).toBe(true);
      for (const p of a.pots) expect(found.has(p.source)).toBe(true);
      for (const r of [...a.requirements, ...a.goals]) expect(found.has(r.source)).toBe(true);
      for (const x of a.assumptions) expect(found.has(x.source)).toBe(true);
    }
    for (const c of ALL_CONFLICTS) for (const cl of c.claims) expect(found.has(cl.source)).toBe(true);
    expect(found.size).toBeGreaterThan(300);
  });
});

describe("stim check", () => {
  const citations = allCitations();
  test("passes when every section and quote is in the documents", () => {
    const dir = writeFixtureSeeds(citations.map((x) => x.c));
    const r = run(["check", dir]);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(`OK: 5 överenskommelser klarar självkontrollerna; alla ${citations.length} källhänvisningar (avsnitt och citat) och källregistrets titlar, datum och referensnummer finns i ${dir}.\n`);
  });
  test("names the citation whose quote is missing", () => {
    const victim = citations.find((x) => x.c.quote && x.at.startsWith("prio-2014:PRIO_2014.pots"))!;
    const dir = writeFixtureSeeds(citations.map((x) => x.c));
    const path = join(dir, victim.c.doc);
    writeFileSync(path, readFileSync(path, "utf8").split(victim.c.quote!).join("(borttaget)"));
    const err = failure(["check", dir], /^stim: \d+ fel: /);
    expect(err).toContain(`${victim.at}: citatet "${victim.c.quote}" står inte ordagrant på en rad i ${victim.c.doc}`);
  });
  test("without the documents: one line saying where to put them, exit 2", () => {
    const nowhere = join(tmpdir(), "stim-no-such-seeds");
    const err = failure(["check", nowhere], /Källdokumenten behövs för att kontrollera källhänvisningarna/);
    expect(err).toContain(`saknas i ${resolve(nowhere)}. Lägg dem där (i en utcheckning: ../shared/seeds/ bredvid projektet) eller ange mappen: npm run check:sources -- <mapp>.`);
    for (const f of SEED_FILES) expect(err).toContain(f);
  });
  test("a document that is a FIFO or a link to /dev/zero is refused at once, never read (it hung)", () => {
    for (const kind of ["fifo", "zero"] as const) {
      const dir = writeFixtureSeeds(citations.map((x) => x.c));
      const path = join(dir, SEED_FILES[0]);
      rmSync(path);
      if (kind === "fifo") execFileSync("mkfifo", [path]);
      else symlinkSync("/dev/zero", path);
      failure(["check", dir], new RegExp(`${SEED_FILES[0].replace(/[.]/g, "\\.")} är ingen vanlig fil`));
    }
  });
  test("with some documents missing: names those", () => {
    const dir = writeFixtureSeeds(citations.map((x) => x.c));
    rmSync(join(dir, SEED_FILES[2]));
    expect(missingSeeds(dir)).toEqual([SEED_FILES[2]]);
    const err = failure(["check", dir], new RegExp(`${SEED_FILES[2]} saknas i`));
    expect(err).not.toContain(SEED_FILES[0]);
  });
});

describe("npm run data:refresh without SCB's files", () => {
  test("one Swedish line saying where to put them, exit 1, no stack trace, nothing written", () => {
    const target = join(__dirname, "..", "src", "reference", "data.ts");
    const before = readFileSync(target, "utf8");
    const nowhere = join(tmpdir(), "stim-no-such-data");
    const tsx = join(__dirname, "..", "node_modules", ".bin", "tsx");
    const r = spawnSync(tsx, [join(__dirname, "..", "scripts", "build-reference-data.ts"), nowhere], { encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toEqual([
      `data:refresh: lan-folkmangd-2013-12-31.csv och kommuner-folkmangd-2013-12-31.csv saknas i ${nowhere}. Lägg SCB:s filer där (i en utcheckning: ../shared/data/ bredvid projektet) eller ange mappen: npm run data:refresh -- <mapp>. Inget har ändrats.`,
    ]);
    expect(readFileSync(target, "utf8")).toBe(before);
  });
});

test("the core reads no files: no node:* (or fs/path) import anywhere in src/core", () => {
  const coreDir = join(__dirname, "..", "src", "core");
  const offenders = readdirSync(coreDir)
    .filter((f) => f.endsWith(".ts"))
    .filter((f) => /\bfrom\s+"(node:[^"]+|fs|path|os|child_process)"|require\(/.test(readFileSync(join(coreDir, f), "utf8")));
  expect(offenders).toEqual([]);
  expect(readdirSync(coreDir)).not.toContain("seeds.ts"); // moved to src/cli/sources.ts
});
