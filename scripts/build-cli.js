/**
 * Builds the `stim` command into one JavaScript file, build/stim.cjs, with
 * esbuild: nothing is transpiled at run time. Run by `npm ci` (prepare),
 * `npm run build:cli`, `npm run check:sources` and before `npm test`.
 *
 * ExcelJS stays outside the bundle (a runtime dependency, required from
 * node_modules by the workbook commands only): inside, its 1 MB would be
 * parsed on every start, tripling the time `stim allocate` takes.
 * `node scripts/build-cli.js [outfile]`.
 */
const { buildSync } = require("esbuild");
const { chmodSync } = require("node:fs");
const { join } = require("node:path");

const ROOT = join(__dirname, "..");
const OUTFILE = join(ROOT, "build", "stim.cjs");
/** Packages the bundle requires at run time (all in package.json "dependencies"). */
const EXTERNAL = ["exceljs"];

/** Writes the bundle (the entry's #! line kept, so the file runs as a program) and returns its path. */
function buildCli(outfile = OUTFILE) {
  buildSync({
    entryPoints: [join(ROOT, "src", "cli", "stim.ts")],
    outfile,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    minify: true,
    legalComments: "none",
    external: EXTERNAL,
    logLevel: "warning",
  });
  chmodSync(outfile, 0o755);
  return outfile;
}

module.exports = { buildCli, OUTFILE, EXTERNAL };

if (require.main === module) buildCli(process.argv[2]);
