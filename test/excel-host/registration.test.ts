/**
 * The host's view of the add-in: every id in functions.json is associated,
 * once, with a function whose parameters are the ones the metadata declares
 * (names, "any" type, scalar or range, optional), and the bundle in dist/
 * (when freshly built) registers the same functions as the source.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { bundleIsFresh, DIST, generatedMetadata, Host, loadHost } from "./host";
import { localiseMetadata, type Metadata } from "../../src/functions/sv";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { withHelpUrls } = require("../../webpack.config.js") as { withHelpUrls: <T>(metadata: T, base: string) => T };

type Dim = "scalar" | "matrix";
/** What the code expects: [name, scalar or range, optional]. */
const SIGNATURES: Record<string, { params: [string, Dim, boolean][]; result: Dim }> = {
  VERSION: { params: [], result: "scalar" },
  ALLOCATION: { params: [["agreement", "scalar", false], ["table", "matrix", false], ["row", "scalar", false], ["pot_id", "scalar", false]], result: "scalar" },
  ALLOCATION_STATUS: { params: [["agreement", "scalar", false], ["table", "matrix", false], ["row", "scalar", false], ["pot_id", "scalar", true]], result: "scalar" },
  UNALLOCATED: { params: [["agreement", "scalar", false], ["table", "matrix", false], ["pot_id", "scalar", false]], result: "scalar" },
  ALLOCATION_SHEET: { params: [["agreement", "scalar", false], ["table", "matrix", false]], result: "matrix" },
  FUND_SHARE: {
    params: [
      ["pot", "scalar", false],
      ["keys", "matrix", false],
      ["eligible", "matrix", true],
      ["ids", "matrix", true],
      ["method", "scalar", true],
    ],
    result: "matrix",
  },
  SPLIT: { params: [["amount", "scalar", false], ["first_share", "scalar", true]], result: "matrix" },
  POT: { params: [["agreement", "scalar", false], ["pot_id", "scalar", false]], result: "scalar" },
  POPULATION: { params: [["code", "matrix", false]], result: "matrix" },
  GRUNDKRAV_MET: {
    params: [["agreement", "scalar", false], ["requirement_id", "scalar", false], ["answers", "matrix", false]],
    result: "scalar",
  },
  GRUNDKRAV_COUNTY: { params: [["met", "matrix", false], ["populations", "matrix", false], ["agreement", "scalar", true]], result: "scalar" },
  GOAL_MET: {
    params: [["agreement", "scalar", false], ["goal_id", "scalar", false], ["inputs", "matrix", false], ["recipient", "scalar", true]],
    result: "scalar",
  },
  CRITERIA: { params: [["agreement", "scalar", false], ["id", "scalar", false]], result: "matrix" },
  MONTHS_LOWER: { params: [["previous", "matrix", false], ["current", "matrix", false]], result: "scalar" },
  EXPLAIN: {
    params: [["agreement", "scalar", false], ["id", "scalar", false], ["inputs", "matrix", false], ["recipient", "scalar", true]],
    result: "scalar",
  },
  SOURCE: { params: [["agreement", "scalar", false], ["id", "scalar", false]], result: "scalar" },
  ASSUMPTIONS: { params: [["agreement", "scalar", false]], result: "matrix" },
};

let host: Host;
beforeAll(async () => {
  host = await loadHost("source");
}, 60_000);
afterAll(() => host?.close());

describe("registration as Excel sees it", () => {
  test("every id in functions.json is associated exactly once, and nothing else is", () => {
    const ids = host.metadata.functions.map((f) => f.id).sort();
    const associated = host.runtime.calls.map(([id]) => id);
    expect([...associated].sort()).toEqual(ids);
    expect(new Set(associated).size).toBe(associated.length);
    expect(ids).toEqual(Object.keys(SIGNATURES).sort());
  });

  test.each(Object.entries(SIGNATURES))("%s: parameters and result match what the code expects", (id, sig) => {
    const fm = host.metadata.functions.find((f) => f.id === id)!;
    expect(fm.name).toBe(id);
    const params = fm.parameters ?? [];
    expect(params.map((p) => [p.name, p.dimensionality === "matrix" ? "matrix" : "scalar", p.optional === true])).toEqual(sig.params);
    // "any" lets text, blanks and booleans reach the code, which answers with a Swedish message.
    for (const p of params) expect(p.type).toBe("any");
    expect(fm.result?.dimensionality === "matrix" ? "matrix" : "scalar").toBe(sig.result);
    if (id === "VERSION") expect(fm.result?.type).toBe("string");
    // Optional parameters come last (Excel fills omitted ones from the right).
    const firstOptional = params.findIndex((p) => p.optional);
    if (firstOptional >= 0) expect(params.slice(firstOptional).every((p) => p.optional)).toBe(true);
    // The associated function declares the same parameters, in the same order.
    const fn = host.functions.get(id)!;
    expect(fn.length).toBe(params.length);
    const declared = /^[^(]*\(([^)]*)\)/.exec(fn.toString())?.[1] ?? "";
    const names = declared
      .split(",")
      .map((s) => s.trim().replace(/[=?:].*$/, "").trim())
      .filter(Boolean);
    expect(names).toEqual(params.map((p) => p.name));
  });

  test("every function and parameter has an English description", () => {
    for (const f of host.metadata.functions) {
      expect(f.description?.trim()).toBeTruthy();
      // The default metadata is English (Swedish domain words such as "län" stay).
      expect(f.description).not.toMatch(/\b(och|eller|ett|som|för)\b/);
      for (const p of f.parameters ?? []) expect(p.description?.trim()).toBeTruthy();
    }
  });
});

describe("dist/ (built by npm run build; `npm test` builds first)", () => {
  test("the bundle is there and newer than the sources", () => {
    // Fails rather than skips: the checks below must run against what ships.
    expect(bundleIsFresh()).toBe(true);
  });

  test("functions.json and functions-sv.json are what the sources generate, with a help link per function", async () => {
    const generated = await generatedMetadata();
    // The build adds each function's section of the help page, on the origin it was built for.
    const base = /<SourceLocation DefaultValue="(https:\/\/[^"]+)\/taskpane\.html"\/>/.exec(readFileSync(join(DIST, "manifest.xml"), "utf8"))![1];
    const expected = withHelpUrls(generated, base) as unknown as Metadata;
    const built = JSON.parse(readFileSync(join(DIST, "functions.json"), "utf8")) as Metadata;
    expect(built).toEqual(expected);
    expect(built.functions[0].helpUrl).toBe(`${base}/support.html#${built.functions[0].id}`);
    expect(existsSync(join(DIST, "functions-sv.json"))).toBe(true);
    const sv = JSON.parse(readFileSync(join(DIST, "functions-sv.json"), "utf8")) as Metadata;
    expect(sv).toEqual(localiseMetadata(expected));
  });

  test("the bundle registers the same functions with the same arity", async () => {
    const bundle = await loadHost("bundle");
    try {
      expect([...bundle.functions.keys()].sort()).toEqual([...host.functions.keys()].sort());
      for (const [id, fn] of bundle.functions) expect(fn.length).toBe(host.functions.get(id)!.length);
    } finally {
      bundle.close();
    }
  });
});

