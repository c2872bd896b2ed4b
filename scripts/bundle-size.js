#!/usr/bin/env node
/**
 * `npm run size`: the size of the task-pane page as users download it — every
 * JavaScript file the page can load (functions.js, taskpane.js and every
 * chunk in dist/chunks, views and preview grid included), minified by the
 * production build and compressed with gzip (level 9), each file on its own
 * as a web server sends it. office.js is Microsoft's and not counted.
 *
 * Budget: 300 KB (1 KB = 1 000 bytes) for all of them together (issue 17):
 * React 18, Fluent UI v9's components and charts, the core and every view.
 * Bytes are a ceiling, not the measure of speed: what users feel (time to the
 * first view, to a built sheet, to a recomputed what-if) is measured in
 * Chromium by bench/pane-browser.ts. test/bundle-size.test.ts fails the
 * tests when the build exceeds the ceiling.
 */
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");

const BUDGET_BYTES = 300_000;

/** Every JavaScript file of the page in `dist`, with its minified and gzipped size. */
function measure(dist = path.join(__dirname, "..", "dist")) {
  const files = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "office-js" && entry.name !== "assets") walk(p);
      } else if (entry.name.endsWith(".js")) {
        const content = fs.readFileSync(p);
        files.push({ file: path.relative(dist, p), minified: content.length, gzip: zlib.gzipSync(content, { level: 9 }).length });
      }
    }
  };
  walk(dist);
  files.sort((a, b) => b.gzip - a.gzip);
  const total = files.reduce((s, f) => s + f.gzip, 0);
  return { files, total, minified: files.reduce((s, f) => s + f.minified, 0), budget: BUDGET_BYTES };
}

function kb(n) {
  return `${(n / 1000).toFixed(1)} KB`;
}

if (require.main === module) {
  const m = measure(process.argv[2]);
  const width = Math.max(...m.files.map((f) => f.file.length), 5);
  console.log(`${"fil".padEnd(width)}  ${"minifierad".padStart(10)}  ${"gzip".padStart(9)}`);
  for (const f of m.files) console.log(`${f.file.padEnd(width)}  ${kb(f.minified).padStart(10)}  ${kb(f.gzip).padStart(9)}`);
  console.log(`${"totalt".padEnd(width)}  ${kb(m.minified).padStart(10)}  ${kb(m.total).padStart(9)}  (budget ${kb(m.budget)})`);
  if (m.total > m.budget) {
    console.error(`Sidan är ${kb(m.total - m.budget)} över budgeten.`);
    process.exit(1);
  }
}

module.exports = { measure, BUDGET_BYTES };
