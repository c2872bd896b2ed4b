/**
 * What the task-pane page downloads: every JavaScript file it can load
 * (functions, pane, every view chunk, the preview grid), minified and
 * gzipped. Measured on dist/ (`npm test` builds first); `npm run size`
 * prints the figures per file and the page total against the 300 KB ceiling.
 *
 * The page ships React 18 and Fluent UI v9's own components (no Preact
 * alias: what ships is what test/taskpane tests). Each view is its own
 * chunk, loaded when first opened; what users feel is measured in Chromium
 * by bench/pane-browser.ts, not here.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { measure, BUDGET_BYTES } = require("../scripts/bundle-size.js") as {
  measure: () => { files: { file: string; minified: number; gzip: number }[]; total: number };
  BUDGET_BYTES: number;
};

const DIST = join(__dirname, "..", "dist");
const VIEW_CHUNKS = ["view-overenskommelser", "view-bygg", "view-granska", "view-forklara", "view-tank-om", "view-lansoversikt"];

test("dist/ holds the page's scripts: functions.js, taskpane.js and one chunk per view", () => {
  const files = measure().files.map((f) => f.file);
  expect(files).toEqual(expect.arrayContaining(["functions.js", "taskpane.js"]));
  for (const view of VIEW_CHUNKS) expect(files.some((f) => f.startsWith(`chunks/${view}.`))).toBe(true);
});

test("the whole page, every chunk included, is within 300 KB gzipped", () => {
  const { total } = measure();
  expect(BUDGET_BYTES).toBe(300_000);
  expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
});

test("the page ships React 18 (no Preact), and no view's code is in the entry scripts", () => {
  const taskpane = readFileSync(join(DIST, "taskpane.js"), "utf8");
  // React DOM's production build links its error decoder; Preact does not.
  expect(taskpane).toMatch(/reactjs\.org\/docs\/error-decoder|react\.dev\/errors/);
  for (const f of measure().files) expect(readFileSync(join(DIST, f.file), "utf8")).not.toMatch(/preact/i);
  // A sentence of each view's own code, found only in its chunk.
  const markers: Record<string, string> = {
    "view-bygg": "Bygger fördelningsarket",
    "view-tank-om": "Som i scenariot",
  };
  for (const [chunk, marker] of Object.entries(markers)) {
    const holders = measure()
      .files.filter((f) => readFileSync(join(DIST, f.file), "utf8").includes(marker))
      .map((f) => f.file.replace(/\.[0-9a-f]{8}\.js$/, ""));
    expect(holders).toContain(`chunks/${chunk}`);
    expect(holders).not.toContain("taskpane.js");
  }
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
