/**
 * docs/functions.md shows real results: every worked example is recomputed
 * through the Excel host and must appear in the page exactly as written.
 * (`npx tsx test/excel-host/examples.ts` prints the blocks after a change.)
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { block, EXAMPLES } from "./examples";
import { Host, loadHost, ROOT } from "./host";

const DOC = readFileSync(join(ROOT, "docs", "functions.md"), "utf8");

let host: Host;
beforeAll(async () => {
  host = await loadHost("source");
}, 60_000);
afterAll(() => host?.close());

test("every function has at least one worked example", () => {
  const ids = new Set(EXAMPLES.map((e) => e.id));
  expect([...ids].sort()).toEqual(host.metadata.functions.map((f) => f.id).sort());
});

test.each(EXAMPLES.map((e, i) => [i + 1, e.formula, e] as const))("example %i: %s", (_i, _f, ex) => {
  expect(DOC).toContain(block(ex, host));
});
