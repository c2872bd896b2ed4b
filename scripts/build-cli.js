/**
 * Builds the `stim` command into one JavaScript file, build/stim.cjs, with
 * esbuild: nothing is transpiled at run time. Run by `npm ci` (prepare),
 * `npm run build:cli`, `npm run check:sources` and before `npm test`.
 *
 * ExcelJS stays outside the bundle (a runtime dependency, required from
 * node_modules by the workbook commands only): inside, its 1 MB would be
 * parsed on every start, tripling the time `stim allocate` takes.
 *
 * Start-up: the program is carried in the file as one string and compiled
 * with V8's code cache (node:vm cachedData), which the build writes beside it
 * after one representative run (build/stim-<hash>.v8cache, the hash of the
 * program, so a cache never meets another program). Scanning a string costs
 * far less than pre-parsing 280 KB of code, and the cache spares compiling
 * the functions a command runs: `stim evaluate` starts about 15 ms sooner
 * (npm run bench, README). Without the cache (another node version, the file
 * copied elsewhere) V8 rejects or never sees it and compiles as usual.
 *
 * `node scripts/build-cli.js [outfile]`.
 */
const { buildSync } = require("esbuild");
const { spawnSync } = require("node:child_process");
const { createHash } = require("node:crypto");
const { chmodSync, mkdirSync, readdirSync, rmSync, writeFileSync } = require("node:fs");
const { dirname, join } = require("node:path");

const ROOT = join(__dirname, "..");
const OUTFILE = join(ROOT, "build", "stim.cjs");
/** Packages the bundle requires at run time (all in package.json "dependencies"). */
const EXTERNAL = ["exceljs"];
/** The line of build/stim.cjs that carries the program. */
const PROGRAM_LINE = "const PROGRAM = ";
/** The run whose compiled functions go into the code cache. */
const WARM_UP = ["evaluate", "prio-2014", "--scenario", "demo"];

/** The launcher: compiles PROGRAM as a CommonJS module with the code cache, if there is one. */
function launcher(program, hash) {
  return [
    "#!/usr/bin/env node",
    '"use strict";',
    "// Built by scripts/build-cli.js from src/cli/stim.ts: the program is the string below.",
    `${PROGRAM_LINE}${JSON.stringify(program)};`,
    'const { readFileSync, writeFileSync } = require("node:fs");',
    'const { Script } = require("node:vm");',
    'const { wrap } = require("node:module");',
    `const cacheFile = require("node:path").join(__dirname, "stim-${hash}.v8cache");`,
    "let cachedData;",
    "try { cachedData = readFileSync(cacheFile); } catch {}",
    "const script = new Script(wrap(PROGRAM), { filename: __filename, cachedData });",
    'if (process.env.STIM_WRITE_CODE_CACHE === "1") process.once("exit", () => writeFileSync(cacheFile, script.createCachedData()));',
    "script.runInThisContext()(exports, require, module, __filename, __dirname);",
    "",
  ].join("\n");
}

/** The program carried by a built file (for tests). */
function programOf(builtText) {
  const line = builtText.split("\n").find((l) => l.startsWith(PROGRAM_LINE));
  if (!line) throw new Error("build/stim.cjs carries no program line");
  return JSON.parse(line.slice(PROGRAM_LINE.length, -1));
}

/** Writes the command (and its code cache) and returns its path. */
function buildCli(outfile = OUTFILE, { codeCache = true } = {}) {
  const result = buildSync({
    entryPoints: [join(ROOT, "src", "cli", "stim.ts")],
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    minify: true,
    legalComments: "none",
    external: EXTERNAL,
    logLevel: "warning",
    write: false,
  });
  const program = result.outputFiles[0].text.replace(/^#!.*\n/, "");
  const hash = createHash("sha256").update(program).digest("hex").slice(0, 12);
  const dir = dirname(outfile);
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(dir)) if (/^stim-[0-9a-f]+\.v8cache$/.test(f)) rmSync(join(dir, f));
  writeFileSync(outfile, launcher(program, hash));
  chmodSync(outfile, 0o755);
  if (codeCache) {
    const run = spawnSync(process.execPath, [outfile, ...WARM_UP], { env: { ...process.env, STIM_WRITE_CODE_CACHE: "1" }, stdio: "ignore" });
    // The cache only speeds start-up: without it the command still works, so say so and go on.
    if (run.status !== 0) process.stderr.write(`build-cli: stim ${WARM_UP.join(" ")} slutade med ${run.status}; ingen kodcache skrevs (stim fungerar, men startar långsammare).\n`);
  }
  return outfile;
}

module.exports = { buildCli, programOf, OUTFILE, EXTERNAL };

if (require.main === module) buildCli(process.argv[2]);
