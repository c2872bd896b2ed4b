/**
 * Builds the `stim` command into one JavaScript file, build/stim.cjs, with
 * esbuild: nothing is transpiled at run time. Run by `npm ci` (prepare),
 * `npm run build:cli`, `npm run check:sources` and before `npm test`.
 * `node scripts/build-cli.js [outfile]`.
 */
const { buildSync } = require("esbuild");
const { chmodSync } = require("node:fs");
const { join } = require("node:path");

const ROOT = join(__dirname, "..");
const OUTFILE = join(ROOT, "build", "stim.cjs");

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
    logLevel: "warning",
  });
  chmodSync(outfile, 0o755);
  return outfile;
}

module.exports = { buildCli, OUTFILE };

if (require.main === module) buildCli(process.argv[2]);
