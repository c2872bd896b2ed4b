/**
 * Generates the custom-functions metadata in-process (the same generator the
 * webpack plugin uses; the CLI exits 0 on errors, so it is not used) and
 * checks it against the registrations in src/functions/functions.ts.
 * The Excel-host tests (test/excel-host/) call every function through it;
 * test/functions-sv.test.ts checks the Swedish metadata.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { generateCustomFunctionsMetadata, type ICustomFunctionsMetadata, type IGenerateResult } from "custom-functions-metadata";

const ROOT = join(__dirname, "..");
const FUNCTIONS_FILE = join(ROOT, "src", "functions", "functions.ts");

type FunctionsModule = typeof import("../src/functions/functions");

/** Loads a fresh copy of functions.ts with `CustomFunctions` set to `stub` (or absent). */
async function loadFunctionsModule(stub?: { associate: jest.Mock }): Promise<FunctionsModule> {
  const g = globalThis as unknown as Record<string, unknown>;
  if (stub) g.CustomFunctions = stub;
  try {
    let mod: FunctionsModule | undefined;
    await jest.isolateModulesAsync(async () => {
      mod = await import("../src/functions/functions");
    });
    if (!mod) throw new Error("functions.ts did not load");
    return mod;
  } finally {
    delete g.CustomFunctions;
  }
}

let result: IGenerateResult;
let metadata: ICustomFunctionsMetadata;

beforeAll(async () => {
  result = await generateCustomFunctionsMetadata(FUNCTIONS_FILE, false);
  metadata = result.metadataJson ? (JSON.parse(result.metadataJson) as ICustomFunctionsMetadata) : { functions: [], enums: [] };
}, 30_000);

describe("functions.json generated from src/functions/functions.ts", () => {
  test("generates without errors", () => {
    expect(result.errors).toEqual([]);
    expect(metadata.functions.length).toBeGreaterThan(0);
  });

  test("STIM.VERSION is declared with an English description (Swedish in functions-sv.json) and a string result", () => {
    const fn = metadata.functions.find((f) => f.id === "VERSION");
    expect(fn).toBeDefined();
    expect(fn?.name).toBe("VERSION");
    expect(fn?.description).toBe("Shows which version of Stimulans is installed.");
    expect(fn?.parameters).toEqual([]);
    expect(fn?.result?.type).toBe("string");
  });

  test("every function has a description and an upper-case id", () => {
    for (const fn of metadata.functions) {
      expect(fn.description?.trim()).toBeTruthy();
      expect(fn.id).toMatch(/^[A-Z][A-Z0-9._]*$/);
    }
  });

  test("the @customfunction ids in the source are exactly the generated ids", () => {
    const source = readFileSync(FUNCTIONS_FILE, "utf8");
    // JSDoc tag lines only (" * @customfunction ID"); ids are written out explicitly.
    const sourceIds = [...source.matchAll(/^\s*\*\s*@customfunction[ \t]+([A-Za-z0-9._]+)/gm)].map((m) =>
      m[1].toUpperCase(),
    );
    expect(sourceIds.length).toBeGreaterThan(0);
    expect([...sourceIds].sort()).toEqual(metadata.functions.map((f) => f.id).sort());
  });
});

describe("registration (CustomFunctions.associate)", () => {
  test("every @customfunction id is associated once, with the function the metadata names", async () => {
    const associate = jest.fn();
    const mod = await loadFunctionsModule({ associate });

    const calls = associate.mock.calls as [string, unknown][];
    const ids = calls.map(([id]) => id);
    expect([...ids].sort()).toEqual(metadata.functions.map((f) => f.id).sort());
    expect(new Set(ids).size).toBe(ids.length);

    const exports = mod as unknown as Record<string, unknown>;
    for (const { id, functionName } of result.associate) {
      const call = calls.find(([callId]) => callId === id);
      expect(call).toBeDefined();
      expect(typeof exports[functionName]).toBe("function");
      expect(call?.[1]).toBe(exports[functionName]);
    }
  });

  test("the module loads without the custom-functions runtime (Node, plain browser)", async () => {
    const mod = await loadFunctionsModule();
    expect(typeof mod.version).toBe("function");
  });
});

describe("STIM.VERSION()", () => {
  test('returns "0.1.0", the package.json version', async () => {
    const mod = await loadFunctionsModule();
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
    expect(mod.version()).toBe("0.1.0");
    expect(mod.version()).toBe(pkg.version);
  });
});
