/**
 * The `stim` program as users run it: one JavaScript file built by esbuild
 * (build/stim.cjs, the package's `bin`), run by plain node with nothing of
 * tsx or node_modules. The process tests run a bundle built here from the
 * current source, so a stale build/stim.cjs cannot pass them; a separate
 * test says when build/stim.cjs itself is stale.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { Script } from "node:vm";
import { wrap } from "node:module";
import { allCitations } from "../src/cli/sources";
import { writeFixtureSeeds } from "./fixtures/seeds";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildCli, programOf, OUTFILE, EXTERNAL } = require("../scripts/build-cli.js") as {
  buildCli: (out?: string, options?: { codeCache?: boolean }) => string;
  programOf: (builtText: string) => string;
  OUTFILE: string;
  EXTERNAL: string[];
};

const ROOT = join(__dirname, "..");
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
const fresh = buildCli(join(mkdtempSync(join(tmpdir(), "stim-bundle-")), "stim.cjs"));
const stim = (args: string[], bundle = fresh, cwd = ROOT) => spawnSync(process.execPath, [bundle, ...args], { encoding: "utf8", cwd });

test("build/stim.cjs is what the current source builds to (else: npm run build:cli)", () => {
  const built = readFileSync(OUTFILE, "utf8");
  const expected = readFileSync(fresh, "utf8");
  if (built !== expected) throw new Error("build/stim.cjs är inaktuell: kör npm run build:cli (npm test gör det själv).");
});

test("package.json: bin stim → build/stim.cjs, npm run stim runs it with node, npm ci builds it (prepare)", () => {
  expect(pkg.bin).toEqual({ stim: "build/stim.cjs" });
  expect(pkg.scripts.stim).toBe("node build/stim.cjs");
  expect(pkg.scripts.prepare).toBe("node scripts/build-cli.js");
  expect(pkg.scripts["build:cli"]).toBe("node scripts/build-cli.js");
  expect(pkg.scripts.pretest).toMatch(/node scripts\/build-cli\.js/);
  expect(JSON.stringify(pkg.scripts)).not.toMatch(/tsx src\/cli/);
});

test("the bundle is a program: #! line and executable, runs directly", () => {
  expect(readFileSync(fresh, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
  expect(statSync(fresh).mode & 0o111).toBe(0o111);
  const r = spawnSync(fresh, ["population", "0180"], { encoding: "utf8" });
  expect(r.status).toBe(0);
  expect(r.stdout).toBe("Stockholm (kommun 0180): 897 700 invånare 31 december 2013 (SCB)\n"); // SCB 31 Dec 2013
});

test("runs with nothing beside it: no node_modules, no tsx, no source", () => {
  const alone = join(mkdtempSync(join(tmpdir(), "stim-alone-")), "stim.cjs");
  copyFileSync(fresh, alone);
  const r = stim(["evaluate", "prio-2014", "--scenario", "demo", "--county", "01", "--json"], alone, tmpdir());
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  const ev = JSON.parse(r.stdout);
  expect(ev.total).toBe(692_500_000); // 004 §3
  expect(ev.recipients).toHaveLength(27);
});

test("the bundle requires only node's own modules, and ExcelJS (a dependency, for the workbook commands)", () => {
  const required = new Set([...programOf(readFileSync(fresh, "utf8")).matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]).filter((m) => !m.startsWith("node:")));
  expect([...required]).toEqual(EXTERNAL);
  for (const name of EXTERNAL) expect(Object.keys(pkg.dependencies)).toContain(name);
});

test("the code cache beside the bundle: written by the build for this program, accepted by this node, and harmless when stale or foreign", () => {
  const caches = readdirSync(dirname(fresh)).filter((f) => f.endsWith(".v8cache"));
  expect(caches).toHaveLength(1);
  const program = programOf(readFileSync(fresh, "utf8"));
  const hash = createHash("sha256").update(program).digest("hex").slice(0, 12);
  expect(caches[0]).toBe(`stim-${hash}.v8cache`);
  const cachedData = readFileSync(join(dirname(fresh), caches[0]));
  // Compiled here as the launcher does it: V8 takes the cache (same version, same program).
  const script = new Script(wrap(program), { filename: fresh, cachedData });
  expect(script.cachedDataRejected).toBe(false);
  // A damaged cache is refused by V8 and the command still answers right.
  const damaged = join(mkdtempSync(join(tmpdir(), "stim-cache-")), "stim.cjs");
  copyFileSync(fresh, damaged);
  writeFileSync(join(dirname(damaged), caches[0]), Buffer.alloc(cachedData.length, 7));
  const r = stim(["allocate", "--pot", "100", "--keys", "1,1,1", "--json"], damaged);
  expect([r.status, r.stdout, r.stderr]).toEqual([0, "[\n  34,\n  33,\n  33\n]\n", ""]);
});

test("builds into a folder that does not exist yet (a fresh clone has no build/)", () => {
  const out = join(mkdtempSync(join(tmpdir(), "stim-fresh-")), "build", "stim.cjs");
  expect(buildCli(out, { codeCache: false })).toBe(out);
  expect(readFileSync(out, "utf8")).toBe(readFileSync(fresh, "utf8"));
});

test("output through a pipe that closes early (stim … | head -1) ends quietly", () => {
  const r = spawnSync("sh", ["-c", `"${process.execPath}" "${fresh}" evaluate prio-2014 --scenario demo --explain | head -1`], { encoding: "utf8" });
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/^Stöd till riktade insatser inom området psykisk ohälsa 2014 \(prio-2014\)/);
  expect(r.stdout.split("\n")).toHaveLength(2);
  expect(r.stderr).toBe("");
});

test("a workbook command through the bundle, with ExcelJS from node_modules", () => {
  const out = join(mkdtempSync(join(tmpdir(), "stim-xlsx-")), "mall.xlsx");
  const r = spawnSync(process.execPath, [fresh, "template", "prio-2014", "--county", "01", "--out", out], {
    encoding: "utf8",
    env: { ...process.env, NODE_PATH: join(ROOT, "node_modules") },
  });
  expect(r.stderr).toBe("");
  expect(r.stdout).toMatch(/^Skrev .*mall\.xlsx: prio-2014, län 01, 27 mottagare \(tom mall\)/);
  expect(statSync(out).size).toBeGreaterThan(1000);
});

test("exit codes and stderr as a process: 0 with output, 2 with one Swedish line", () => {
  const ok = stim(["allocate", "--pot", "100", "--keys", "1,1,1", "--json"]);
  expect([ok.status, ok.stdout, ok.stderr]).toEqual([0, "[\n  34,\n  33,\n  33\n]\n", ""]);
  for (const [args, message] of [
    [["pots", "x"], /^stim: Okänd överenskommelse "x"/],
    [["agreements", "--json=false"], /^stim: --json tar inget värde/],
    [["evaluate", "prio-2014", "--input", "/dev/zero"], /^stim: --input: \/dev\/zero är ingen vanlig fil/],
    [["check", join(tmpdir(), "stim-no-such-seeds")], /^stim: Källdokumenten behövs/],
  ] as const) {
    const r = stim([...args]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  }
});

test("check's default folder is ../shared/seeds beside the project that holds the bundle", () => {
  const top = mkdtempSync(join(tmpdir(), "stim-layout-"));
  mkdirSync(join(top, "project", "build"), { recursive: true });
  writeFileSync(join(top, "project", "package.json"), "{}");
  const bundle = join(top, "project", "build", "stim.cjs");
  copyFileSync(fresh, bundle);
  const missing = stim(["check"], bundle, tmpdir());
  expect(missing.status).toBe(2);
  expect(missing.stderr).toContain(`saknas i ${join(top, "shared", "seeds")}. Lägg dem där`);
  mkdirSync(join(top, "shared", "seeds"), { recursive: true });
  writeFixtureSeeds(allCitations().map((x) => x.c), join(top, "shared", "seeds"));
  const ok = stim(["check"], bundle, tmpdir());
  expect(ok.stderr).toBe("");
  expect(ok.stdout).toMatch(new RegExp(`^OK: 5 överenskommelser .* finns i ${join(top, "shared", "seeds")}\\.\n$`));
});
