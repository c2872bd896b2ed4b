/**
 * The task-pane page stays within its budget: every JavaScript file it can
 * load (functions, pane, every view chunk, the preview grid), minified and
 * gzipped, at most 150 KB together. Measured on dist/ (`npm test` builds
 * first); `npm run size` prints the same figures per file.
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
  for (const view of ["view-overenskommelser", "view-tank-om", "view-lansoversikt"]) {
    expect(files.some((f) => f.startsWith(`chunks/${view}.`))).toBe(true);
  }
});

test("the whole page is within 150 KB, minified and gzipped", () => {
  const { total } = measure();
  expect(total).toBeGreaterThan(50_000); // a real build, not an empty one
  expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
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
  expect(preview).toContain('src="office-js/office.js"');
  expect(existsSync(join(DIST, "office-js", "office.js"))).toBe(true);
});
