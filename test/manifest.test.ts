/**
 * Offline checks of the add-in manifest (office-addin-manifest validate
 * needs the internet), for the manifest in the repository (development,
 * https://localhost:3000) and for a real production build for
 * ADDIN_ORIGIN=https://stimulans.example.org, the one an IT department
 * deploys. Covers what most often breaks an installation: malformed XML,
 * dangling resids, URLs off the origin (or still on this machine), missing
 * icons or icons of the wrong size, more permissions than needed, missing
 * Swedish texts, and the shared-runtime wiring.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import webpack from "webpack";
import { XMLParser, XMLValidator } from "fast-xml-parser";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const origins = require("../scripts/addin-origin.js") as {
  SOURCE_ORIGIN: string;
  parseAddinOrigin: (v: string | undefined) => { base: string; origin: string };
  buildTarget: (o: { release?: boolean; env?: Record<string, string>; port?: number }) => { base: string; origin: string; production: boolean };
  manifestFor: (xml: string, target: { base: string; origin: string; production: boolean }) => string;
  corsAllowed: (requestOrigin: string | undefined, own: string) => boolean;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require("../webpack.config.js") as (env: Record<string, unknown>, argv: { mode: string }) => webpack.Configuration;

const ROOT = join(__dirname, "..");
const SOURCE_XML = readFileSync(join(ROOT, "manifest.xml"), "utf8");
const PRODUCTION = "https://stimulans.example.org";

interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

type OrderedEntry = Record<string, unknown> & { ":@"?: Record<string, string> };

/** Converts fast-xml-parser's preserveOrder output into a simple tree. */
function toNodes(entries: OrderedEntry[]): XmlNode[] {
  const nodes: XmlNode[] = [];
  for (const entry of entries) {
    const name = Object.keys(entry).find((k) => k !== ":@");
    if (!name || name === "#text" || name === "#comment" || name.startsWith("?")) continue;
    const rawChildren = entry[name] as OrderedEntry[];
    const text = rawChildren
      .filter((c) => "#text" in c)
      .map((c) => String(c["#text"]))
      .join("")
      .trim();
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(entry[":@"] ?? {})) attrs[k.replace(/^@_/, "")] = String(v);
    nodes.push({ name, attrs, children: toNodes(rawChildren), text });
  }
  return nodes;
}

function walk(node: XmlNode, visit: (n: XmlNode, parents: XmlNode[]) => void, parents: XmlNode[] = []): void {
  visit(node, parents);
  for (const c of node.children) walk(c, visit, [...parents, node]);
}

function all(node: XmlNode, predicate: (n: XmlNode) => boolean): XmlNode[] {
  const out: XmlNode[] = [];
  walk(node, (n) => {
    if (predicate(n)) out.push(n);
  });
  return out;
}

/** Follows a path of element names from `node`; throws if any step is missing. */
function child(node: XmlNode, ...path: string[]): XmlNode {
  let current = node;
  for (const name of path) {
    const next = current.children.find((c) => c.name === name);
    if (!next) throw new Error(`<${current.name}> has no <${name}> (path ${path.join("/")})`);
    current = next;
  }
  return current;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const buf = readFileSync(file);
  expect(buf.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(buf.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** Every URL in attributes and texts (namespaces aside; the AppDomain, a bare origin, is checked on its own). */
function urlsIn(app: XmlNode): string[] {
  const urls: string[] = [];
  walk(app, (n) => {
    for (const [k, v] of Object.entries(n.attrs)) {
      if (k === "xmlns" || k.startsWith("xmlns:")) continue;
      if (/^[a-z]+:\/\//i.test(v)) urls.push(v);
    }
    if (n.name !== "AppDomain" && /^[a-z]+:\/\//i.test(n.text)) urls.push(n.text);
  });
  return urls;
}

interface Manifest {
  xml: string;
  app: XmlNode;
  excelHost: XmlNode;
  resources: Map<string, { kind: string; value: string; node: XmlNode }>;
  resource: (id: string) => string;
}

function parseManifest(xml: string): Manifest {
  const validation = XMLValidator.validate(xml);
  if (validation !== true) {
    const { msg, line, col } = validation.err;
    throw new Error(`not well-formed XML: ${msg} (line ${line}, column ${col})`);
  }
  const parsed = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    parseAttributeValue: false,
    parseTagValue: false,
    trimValues: false,
  }).parse(xml) as OrderedEntry[];
  const roots = toNodes(parsed);
  expect(roots.map((n) => n.name)).toEqual(["OfficeApp"]);
  const app = roots[0];
  const overrides = child(app, "VersionOverrides");
  const resources = new Map<string, { kind: string; value: string; node: XmlNode }>();
  for (const group of child(overrides, "Resources").children) {
    for (const item of group.children) {
      expect(resources.has(item.attrs.id)).toBe(false); // ids are unique
      resources.set(item.attrs.id, { kind: group.name, value: item.attrs.DefaultValue, node: item });
    }
  }
  const resource = (id: string) => {
    const r = resources.get(id);
    if (!r) throw new Error(`resource ${id} is not defined`);
    return r.value;
  };
  return { xml, app, excelHost: child(overrides, "Hosts", "Host"), resources, resource };
}

/** What a case checks the manifest against: its base URL, origin, and where the built files are. */
interface Case {
  base: string;
  origin: string;
  /** The directory the URLs' paths resolve in (the repository for the source manifest, the build output otherwise). */
  dir: string;
  /** Where the icons are relative to `dir`. */
  production: boolean;
}

let prodDir = "";
let prodBuildError: Error | undefined;

/**
 * The production build, as `ADDIN_ORIGIN=https://stimulans.example.org npm
 * run build` runs it (webpack.config.js with --env release), into a
 * temporary directory. Terser is skipped: minifying changes nothing this
 * test reads, and it is most of a production build's time.
 */
beforeAll(async () => {
  prodDir = mkdtempSync(join(os.tmpdir(), "stimulans-prod-"));
  const saved = process.env.ADDIN_ORIGIN;
  process.env.ADDIN_ORIGIN = PRODUCTION;
  try {
    const config = webpackConfig({ release: true }, { mode: "production" });
    config.output = { ...config.output, path: prodDir };
    config.optimization = { ...config.optimization, minimize: false };
    config.performance = { hints: false };
    await new Promise<void>((resolve, reject) =>
      webpack(config, (err, stats) => {
        if (err) reject(err);
        else if (stats?.hasErrors()) reject(new Error(stats.toString("errors-only")));
        else resolve();
      }),
    );
  } catch (e) {
    prodBuildError = e as Error;
  } finally {
    if (saved === undefined) delete process.env.ADDIN_ORIGIN;
    else process.env.ADDIN_ORIGIN = saved;
  }
}, 300_000);

afterAll(() => {
  if (prodDir) rmSync(prodDir, { recursive: true, force: true });
});

const CASES: [string, () => Case, () => string][] = [
  ["manifest.xml in the repository (development)", () => ({ base: origins.SOURCE_ORIGIN, origin: origins.SOURCE_ORIGIN, dir: ROOT, production: false }), () => SOURCE_XML],
  [
    `production build for ${PRODUCTION}`,
    () => {
      if (prodBuildError) throw prodBuildError;
      return { base: PRODUCTION, origin: PRODUCTION, dir: prodDir, production: true };
    },
    () => {
      if (prodBuildError) throw prodBuildError;
      return readFileSync(join(prodDir, "manifest.xml"), "utf8");
    },
  ],
];

describe.each(CASES)("%s", (_name, getCase, getXml) => {
  let m: Manifest;
  let c: Case;
  beforeAll(() => {
    c = getCase();
    m = parseManifest(getXml());
  });

  test("is well-formed XML with a single OfficeApp TaskPaneApp root", () => {
    expect(XMLValidator.validate(m.xml)).toBe(true);
    expect(m.app.attrs.xmlns).toBe("http://schemas.microsoft.com/office/appforoffice/1.1");
    expect(m.app.attrs["xsi:type"]).toBe("TaskPaneApp");
    const overrides = child(m.app, "VersionOverrides");
    expect(overrides.attrs.xmlns).toBe("http://schemas.microsoft.com/office/taskpaneappversionoverrides");
    expect(overrides.attrs["xsi:type"]).toBe("VersionOverridesV1_0");
  });

  test("top-level elements appear in the order the 1.1 schema requires", () => {
    const order = [
      "Id",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "IconUrl",
      "HighResolutionIconUrl",
      "SupportUrl",
      "AppDomains",
      "Hosts",
      "Requirements",
      "DefaultSettings",
      "Permissions",
      "VersionOverrides",
    ];
    expect(m.app.children.map((x) => x.name)).toEqual(order);
  });

  test("Id is a GUID and the version matches package.json", () => {
    expect(child(m.app, "Id").text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
    const manifestVersion = child(m.app, "Version").text;
    expect(manifestVersion).toMatch(/^\d+(\.\d+){0,3}$/);
    expect(`${manifestVersion}.0.0.0`.split(".").slice(0, 3).join(".")).toBe(pkg.version);
  });

  test("minimal permissions: ReadWriteDocument (new sheets are written), nothing beyond the document", () => {
    // Restricted < ReadDocument < ReadAllDocument < WriteDocument < ReadWriteDocument: the task pane
    // reads sheets to check them and writes new ones, so reading and writing the document is the least
    // that works; mailbox permissions have no place in a workbook add-in.
    const permissions = all(m.app, (n) => n.name === "Permissions");
    expect(permissions.map((p) => p.text)).toEqual(["ReadWriteDocument"]);
  });

  test("provider, locale and host", () => {
    expect(child(m.app, "ProviderName").text).toBe("Stimulans");
    expect(child(m.app, "DefaultLocale").text).toBe("en-US");
    expect(child(m.app, "Hosts", "Host").attrs.Name).toBe("Workbook");
    expect(m.excelHost.attrs["xsi:type"]).toBe("Workbook");
  });

  test("sv-SE overrides: display name, description, ribbon texts and the Swedish function metadata", () => {
    for (const name of ["DisplayName", "Description"]) {
      const node = child(m.app, name);
      expect(node.attrs.DefaultValue).toBeTruthy();
      const sv = node.children.find((x) => x.name === "Override" && x.attrs.Locale === "sv-SE");
      expect(sv?.attrs.Value).toBeTruthy();
    }
    expect(child(m.app, "DisplayName").attrs.DefaultValue).toBe("Stimulans");
    const nodes = all(m.app, (n) => n.name === "Override" || n.name === "bt:Override");
    expect(nodes.length).toBeGreaterThanOrEqual(8);
    for (const o of nodes) {
      expect(o.attrs.Locale).toBe("sv-SE");
      expect(o.attrs.Value?.trim()).toBeTruthy();
    }
    for (const id of ["GetStarted.Title", "GetStarted.Description", "Group.Label", "TaskpaneButton.Label", "TaskpaneButton.Tooltip", "Functions.Metadata.Url"]) {
      const node = m.resources.get(id)?.node;
      expect([id, node?.children.some((o) => o.name === "bt:Override" && o.attrs.Locale === "sv-SE")]).toEqual([id, true]);
    }
    expect(m.resources.get("TaskpaneButton.Label")!.node.children[0].attrs.Value).toBe("Öppna Stimulans");
  });

  test("requires SharedRuntime 1.1 and CustomFunctionsRuntime 1.1", () => {
    const sets = child(m.app, "Requirements", "Sets").children.filter((x) => x.name === "Set");
    expect(Object.fromEntries(sets.map((s) => [s.attrs.Name, s.attrs.MinVersion]))).toEqual({ SharedRuntime: "1.1", CustomFunctionsRuntime: "1.1" });
  });

  test("every resid resolves to a Resources entry of the right kind, every entry is used, strings fit Office's limits", () => {
    const referenced = all(m.app, (n) => "resid" in n.attrs);
    expect(referenced.length).toBeGreaterThan(0);
    expect(referenced.map((n) => n.attrs.resid).filter((id) => !m.resources.has(id))).toEqual([]);
    const used = new Set(referenced.map((n) => n.attrs.resid));
    expect([...m.resources.keys()].filter((id) => !used.has(id))).toEqual([]);
    for (const id of m.resources.keys()) expect(id.length).toBeLessThanOrEqual(32);
    for (const n of referenced) {
      const kind = m.resources.get(n.attrs.resid)?.kind;
      if (n.name === "bt:Image") expect(kind).toBe("bt:Images");
      else if (["SourceLocation", "FunctionFile", "LearnMoreUrl", "Runtime"].includes(n.name)) expect(kind).toBe("bt:Urls");
      else expect(["bt:ShortStrings", "bt:LongStrings"]).toContain(kind);
    }
    for (const [, r] of m.resources) {
      const limit = r.kind === "bt:ShortStrings" ? 125 : r.kind === "bt:LongStrings" ? 250 : 2048;
      for (const v of [r.value, ...r.node.children.map((o) => o.attrs.Value)]) expect(v.length).toBeLessThanOrEqual(limit);
    }
  });

  test("every URL is https on the chosen origin; the AppDomain is that origin; a production manifest names no local address", () => {
    const urls = urlsIn(m.app);
    expect(urls.length).toBeGreaterThan(10);
    for (const url of urls) expect([url, url.startsWith(`${c.base}/`)]).toEqual([url, true]);
    for (const url of urls) expect(new URL(url).protocol).toBe("https:");
    expect(child(m.app, "AppDomains", "AppDomain").text).toBe(c.origin);
    if (c.production) expect(m.xml).not.toMatch(/localhost|127\.0\.0\.1|\[::1\]/i);
  });

  test("every URL names a file the build writes (or, for the source manifest, that the build makes from the repository)", () => {
    const built = new Set(["taskpane.html", "functions.js", "functions.json", "functions-sv.json", "support.html", "manifest.xml"]);
    for (const url of urlsIn(m.app)) {
      const rel = decodeURIComponent(new URL(url).pathname.slice(new URL(`${c.base}/`).pathname.length));
      if (c.production) expect([rel, existsSync(join(c.dir, rel))]).toEqual([rel, true]);
      else expect([rel, built.has(rel) || existsSync(join(c.dir, rel))]).toEqual([rel, true]);
    }
  });

  test("icons exist with the pixel size the manifest states", () => {
    const icons = [
      { url: child(m.app, "IconUrl").attrs.DefaultValue, size: 32 },
      { url: child(m.app, "HighResolutionIconUrl").attrs.DefaultValue, size: 64 },
      ...all(m.app, (n) => n.name === "bt:Image" && "resid" in n.attrs).map((n) => ({ url: m.resource(n.attrs.resid), size: Number(n.attrs.size) })),
    ];
    expect(icons.length).toBeGreaterThanOrEqual(5);
    for (const { url, size } of icons) {
      expect(url.startsWith(`${c.base}/assets/`)).toBe(true);
      const file = join(c.dir, url.slice(c.base.length + 1));
      expect(existsSync(file)).toBe(true);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
    for (const [id, r] of m.resources) {
      if (r.kind !== "bt:Images") continue;
      const size = /^Icon\.(\d+)x\1$/.exec(id)?.[1];
      expect(r.value).toBe(`${c.base}/assets/icon-${size}.png`);
    }
  });

  test("custom functions: namespace STIM (not localised), English metadata by default, functions-sv.json for sv-SE", () => {
    const ext = child(m.excelHost, "AllFormFactors", "ExtensionPoint");
    expect(ext.attrs["xsi:type"]).toBe("CustomFunctions");
    const namespace = m.resources.get(child(ext, "Namespace").attrs.resid)!;
    expect(namespace.value).toBe("STIM");
    expect(namespace.node.children).toEqual([]);
    expect(m.resource(child(ext, "Script", "SourceLocation").attrs.resid)).toBe(`${c.base}/functions.js`);
    const metadata = m.resources.get(child(ext, "Metadata", "SourceLocation").attrs.resid)!;
    expect(metadata.kind).toBe("bt:Urls");
    expect(metadata.value).toBe(`${c.base}/functions.json`);
    expect(metadata.node.children.map((o) => o.attrs)).toEqual([{ Locale: "sv-SE", Value: `${c.base}/functions-sv.json` }]);
    // The files the manifest names are the ones webpack emits.
    const config = readFileSync(join(ROOT, "webpack.config.js"), "utf8");
    expect(config).toContain('const FUNCTIONS_METADATA_SV = "functions-sv.json";');
    expect(config).toContain('const FUNCTIONS_METADATA = "functions.json";');
  });

  test("shared runtime: one long-lived runtime on taskpane.html used by functions, ribbon and task pane", () => {
    const taskpaneUrl = child(m.app, "DefaultSettings", "SourceLocation").attrs.DefaultValue;
    expect(taskpaneUrl).toBe(`${c.base}/taskpane.html`);
    expect(m.excelHost.children[0].name).toBe("Runtimes");
    const runtimes = child(m.excelHost, "Runtimes").children;
    expect(runtimes.map((r) => r.attrs)).toEqual([{ resid: "Taskpane.Url", lifetime: "long" }]);
    expect(m.resource("Taskpane.Url")).toBe(taskpaneUrl);
    expect(child(m.excelHost, "AllFormFactors", "ExtensionPoint", "Page", "SourceLocation").attrs.resid).toBe("Taskpane.Url");
    expect(child(m.excelHost, "DesktopFormFactor", "FunctionFile").attrs.resid).toBe("Taskpane.Url");
  });

  test("a Home-tab ribbon button shows the task pane", () => {
    const surface = child(m.excelHost, "DesktopFormFactor").children.find((x) => x.name === "ExtensionPoint" && x.attrs["xsi:type"] === "PrimaryCommandSurface")!;
    const tab = child(surface, "OfficeTab");
    expect(tab.attrs.id).toBe("TabHome");
    const button = child(tab, "Group", "Control");
    expect(button.attrs["xsi:type"]).toBe("Button");
    const action = child(button, "Action");
    expect(action.attrs["xsi:type"]).toBe("ShowTaskpane");
    expect(child(action, "SourceLocation").attrs.resid).toBe("Taskpane.Url");
  });
});

describe(`the rest of the production build for ${PRODUCTION}`, () => {
  beforeAll(() => {
    if (prodBuildError) throw prodBuildError;
  });

  /** Every text file of the build, recursively. */
  const textFiles = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => {
      const p = join(dir, f);
      if (statSync(p).isDirectory()) return textFiles(p);
      return /\.(html|js|json|xml|txt)$/.test(f) ? [p] : [];
    });

  test("no file of the build mentions this machine", () => {
    const files = textFiles(prodDir);
    expect(files.length).toBeGreaterThanOrEqual(7);
    for (const f of files) expect([f, /https?:\/\/(localhost|127\.0\.0\.1)/i.test(readFileSync(f, "utf8"))]).toEqual([f, false]);
  });

  test("every function's help link is on the origin, in both metadata files", () => {
    for (const file of ["functions.json", "functions-sv.json"]) {
      const m = JSON.parse(readFileSync(join(prodDir, file), "utf8")) as { functions: { id: string; helpUrl: string }[] };
      for (const f of m.functions) expect(f.helpUrl).toBe(`${PRODUCTION}/support.html#${f.id}`);
    }
  });

  test("the help page is there and loads nothing from anywhere", () => {
    const html = readFileSync(join(prodDir, "support.html"), "utf8");
    expect(html).toContain("STIM.FÖRDELA");
    expect(html).not.toMatch(/<script|src=["']?https?:|href=["']?https?:\/\/(?!learn\.microsoft\.com)/i);
  });
});

describe("where the add-in is served from (scripts/addin-origin.js)", () => {
  test("ADDIN_ORIGIN: https on a real host, with or without a path", () => {
    expect(origins.parseAddinOrigin("https://stimulans.example.org")).toEqual({ base: PRODUCTION, origin: PRODUCTION });
    expect(origins.parseAddinOrigin(" https://stimulans.example.org/ ")).toEqual({ base: PRODUCTION, origin: PRODUCTION });
    expect(origins.parseAddinOrigin("https://intranet.example.se:8443/ekonomi/stimulans/")).toEqual({
      base: "https://intranet.example.se:8443/ekonomi/stimulans",
      origin: "https://intranet.example.se:8443",
    });
  });

  test.each([
    [undefined, "ADDIN_ORIGIN saknas"],
    ["", "ADDIN_ORIGIN saknas"],
    ["stimulans.example.org", "är ingen adress"],
    ["http://stimulans.example.org", "använder http: Office läser bara in tillägg över https"],
    ["https://localhost:3000", "pekar på den egna datorn (localhost)"],
    ["https://LOCALHOST", "pekar på den egna datorn"],
    ["https://127.0.0.1:8443", "pekar på den egna datorn (127.0.0.1)"],
    ["https://[::1]:3000", "pekar på den egna datorn ([::1])"],
    ["https://app.localhost", "pekar på den egna datorn"],
    ["https://0.0.0.0", "pekar på den egna datorn"],
    ["https://user:secret@stimulans.example.org", "innehåller inloggningsuppgifter"],
    ["https://stimulans.example.org/?x=1", "innehåller ? eller #"],
    ["https://stimulans.example.org/#a", "innehåller ? eller #"],
  ])("refused: %j", (value, message) => {
    expect(() => origins.parseAddinOrigin(value)).toThrow(message);
  });

  test("builds: release needs ADDIN_ORIGIN; without release the dev origin; ADDIN_ORIGIN wins when set", () => {
    expect(() => origins.buildTarget({ release: true, env: {} })).toThrow("ADDIN_ORIGIN saknas");
    expect(origins.buildTarget({ env: {}, port: 3456 })).toEqual({ base: "https://localhost:3456", origin: "https://localhost:3456", production: false });
    expect(origins.buildTarget({ env: { ADDIN_ORIGIN: PRODUCTION } })).toEqual({ base: PRODUCTION, origin: PRODUCTION, production: true });
  });

  test("the manifest rewritten for a path: every URL under it, the AppDomain the bare origin; the dev port is an identity", () => {
    const target = { base: "https://intranet.example.se/stimulans", origin: "https://intranet.example.se", production: true };
    const m = parseManifest(origins.manifestFor(SOURCE_XML, target));
    for (const url of urlsIn(m.app)) expect(url.startsWith("https://intranet.example.se/stimulans/")).toBe(true);
    expect(child(m.app, "AppDomains", "AppDomain").text).toBe("https://intranet.example.se");
    expect(origins.manifestFor(SOURCE_XML, { base: origins.SOURCE_ORIGIN, origin: origins.SOURCE_ORIGIN, production: false })).toBe(SOURCE_XML);
    const dev = origins.manifestFor(SOURCE_XML, { base: "https://localhost:3456", origin: "https://localhost:3456", production: false });
    expect(dev).not.toContain("localhost:3000");
  });

  test("a production manifest that still points at this machine is refused", () => {
    const sneaky = SOURCE_XML.replace("</Description>", '</Description><!-- --><SupportUrl DefaultValue="http://127.0.0.1/x"/>');
    expect(() => origins.manifestFor(sneaky, { base: PRODUCTION, origin: PRODUCTION, production: true })).toThrow("manifestet för produktion pekar fortfarande på http://127.0.0.1/x");
  });

  test("CORS: Office's https origins and the add-in's own; nothing else (no tenant's SharePoint pages), never by prefix tricks", () => {
    for (const o of ["https://excel.officeapps.live.com", "https://usc-excel.officeapps.live.com", "https://www.office.com", "https://excel.cloud.microsoft"]) {
      expect([o, origins.corsAllowed(o, PRODUCTION)]).toEqual([o, true]);
    }
    expect(origins.corsAllowed(PRODUCTION, PRODUCTION)).toBe(true);
    for (const o of [undefined, "", "null", "http://excel.officeapps.live.com", "https://officeapps.live.com.evil.example", "https://evilofficeapps.live.com", "https://office.com", "https://contoso.sharepoint.com", "https://evil.sharepoint.com", "https://contoso.office365.com", "https://evil.example", "https://excel.officeapps.live.com/path"]) {
      expect([o, origins.corsAllowed(o, PRODUCTION)]).toEqual([o, false]);
    }
  });

  test("npm run build refuses a production manifest for this machine, over http, or without ADDIN_ORIGIN: one line, nothing built", () => {
    const cli = join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js");
    const out = mkdtempSync(join(os.tmpdir(), "stimulans-refused-"));
    try {
      for (const [value, message] of [
        ["https://localhost:3000", 'Fel: ADDIN_ORIGIN "https://localhost:3000" pekar på den egna datorn (localhost)'],
        ["http://stimulans.example.org", 'Fel: ADDIN_ORIGIN "http://stimulans.example.org" använder http'],
        ["", "Fel: ADDIN_ORIGIN saknas: ange den https-adress där dist/ publiceras, t.ex. ADDIN_ORIGIN=https://stimulans.example.org."],
      ]) {
        const r = spawnSync(process.execPath, [cli, "--mode", "production", "--env", "release", "--output-path", out], {
          cwd: ROOT,
          encoding: "utf8",
          env: { ...process.env, ADDIN_ORIGIN: value },
          timeout: 60_000,
        });
        expect([value, r.status]).toEqual([value, 2]);
        expect(r.stderr).toContain(message);
        expect(r.stderr.trim().split("\n")).toHaveLength(1);
        expect(readdirSync(out)).toEqual([]);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
