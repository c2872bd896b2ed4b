/**
 * What the task-pane page downloads: every JavaScript file it can load
 * (functions, pane, every view chunk, the preview grid), minified and
 * gzipped. Measured on dist/ (`npm test` builds first); `npm run size`
 * prints the figures per file and the page total against the 150 KB target.
 *
 * The page holds the whole target: functions.js (the custom functions with
 * the rules core and the agreements' data, about 76 KB) plus the pane, which
 * runs React's API on Preact (webpack aliases react → preact/compat), plus
 * every view chunk.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { measure, BUDGET_BYTES } = require("../scripts/bundle-size.js") as {
  measure: () => { files: { file: string; minified: number; gzip: number }[]; total: number };
  BUDGET_BYTES: number;
};

const DIST = join(__dirname, "..", "dist");

test("dist/ holds the page's scripts: functions.js, taskpane.js and one chunk per view", () => {
  const files = measure().files.map((f) => f.file);
  expect(files).toEqual(expect.arrayContaining(["functions.js", "taskpane.js"]));
  for (const view of ["view-overenskommelser", "view-bygg", "view-granska", "view-forklara", "view-tank-om", "view-lansoversikt"]) {
    expect(files.some((f) => f.startsWith(`chunks/${view}.`))).toBe(true);
  }
});

/** The pane's share of the page: taskpane.js (Preact, the theme, the shell, the workbook adapters) and every chunk. */
const PANE_BUDGET_BYTES = 60_000;

test("the whole page, every chunk included, is within 150 KB gzipped", () => {
  const { total } = measure();
  expect(BUDGET_BYTES).toBe(150_000);
  expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
});

test("the task pane adds at most 60 KB to functions.js, and ships Preact, not React", () => {
  const { files } = measure();
  const pane = files.filter((f) => f.file !== "functions.js").reduce((s, f) => s + f.gzip, 0);
  expect(pane).toBeLessThanOrEqual(PANE_BUDGET_BYTES);
  const taskpane = readFileSync(join(DIST, "taskpane.js"), "utf8");
  // React DOM's production build links its error decoder; Preact does not.
  expect(taskpane).not.toMatch(/reactjs\.org\/docs\/error-decoder|react\.dev\/errors/);
});

test("one copy of the core: the agreements' data is in functions.js only", () => {
  // A sentence from prio-2014's data, and one from the reference data's sources.
  const marker = "Samverkansöverenskommelser";
  const holders = measure().files.filter((f) => readFileSync(join(DIST, f.file), "utf8").includes(marker)).map((f) => f.file);
  expect(holders).toEqual(["functions.js"]);
});

test("both pages load functions.js before taskpane.js, and only preview.html uses the packaged office.js", () => {
  const page = readFileSync(join(DIST, "taskpane.html"), "utf8");
  const preview = readFileSync(join(DIST, "preview.html"), "utf8");
  for (const html of [page, preview]) expect(html.indexOf("functions.js")).toBeLessThan(html.indexOf("taskpane.js"));
  expect(page).toContain("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
  expect(preview).toMatch(/src="?office-js\/office\.js/);
  expect(page).not.toMatch(/office-js\/office\.js/);
  expect(existsSync(join(DIST, "office-js", "office.js"))).toBe(true);
});
