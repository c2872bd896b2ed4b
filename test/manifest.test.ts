/**
 * Offline checks of manifest.xml (office-addin-manifest validate needs the
 * internet). Covers what most often breaks sideloading: malformed XML,
 * dangling resids, wrong URLs, missing icons, and the shared-runtime wiring.
 */
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";

const ROOT = join(__dirname, "..");
const MANIFEST_PATH = join(ROOT, "manifest.xml");
const DEV_ORIGIN = "https://localhost:3000";

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
  for (const child of node.children) walk(child, visit, [...parents, node]);
}

function all(node: XmlNode, predicate: (n: XmlNode, parents: XmlNode[]) => boolean): XmlNode[] {
  const out: XmlNode[] = [];
  walk(node, (n, parents) => {
    if (predicate(n, parents)) out.push(n);
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

const xml = readFileSync(MANIFEST_PATH, "utf8");
// Fail the whole suite with a readable message if the XML is not well-formed
// (the lookups below would otherwise report a confusing missing element).
const validation = XMLValidator.validate(xml);
if (validation !== true) {
  const { msg, line, col } = validation.err;
  throw new Error(`manifest.xml is not well-formed XML: ${msg} (line ${line}, column ${col})`);
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
const app = roots.find((n) => n.name === "OfficeApp");
if (!app) throw new Error("manifest.xml has no <OfficeApp> root element");
const overrides = child(app, "VersionOverrides");
const resources = child(overrides, "Resources");
const excelHost = child(overrides, "Hosts", "Host");

/** id -> DefaultValue for every bt:Image / bt:Url / bt:String in Resources. */
function definedResources(): Map<string, { kind: string; value: string; node: XmlNode }> {
  const map = new Map<string, { kind: string; value: string; node: XmlNode }>();
  for (const group of resources.children) {
    for (const item of group.children) {
      expect(map.has(item.attrs.id)).toBe(false); // ids are unique
      map.set(item.attrs.id, { kind: group.name, value: item.attrs.DefaultValue, node: item });
    }
  }
  return map;
}

function resource(id: string): string {
  const r = definedResources().get(id);
  if (!r) throw new Error(`resource ${id} is not defined`);
  return r.value;
}

describe("manifest.xml", () => {
  test("is well-formed XML with a single OfficeApp TaskPaneApp root", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(roots.map((n) => n.name)).toEqual(["OfficeApp"]);
    expect(app.attrs.xmlns).toBe("http://schemas.microsoft.com/office/appforoffice/1.1");
    expect(app.attrs["xsi:type"]).toBe("TaskPaneApp");
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
    expect(app.children.map((c) => c.name)).toEqual(order);
  });

  test("Id is a GUID and the version matches package.json", () => {
    expect(child(app, "Id").text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
    const manifestVersion = child(app, "Version").text;
    expect(manifestVersion).toMatch(/^\d+(\.\d+){0,3}$/);
    expect(`${manifestVersion}.0.0.0`.split(".").slice(0, 3).join(".")).toBe(pkg.version);
  });

  test("provider, locale, host and permissions", () => {
    expect(child(app, "ProviderName").text).toBe("Stimulans");
    expect(child(app, "DefaultLocale").text).toBe("en-US");
    expect(child(app, "Hosts", "Host").attrs.Name).toBe("Workbook");
    expect(child(app, "Permissions").text).toBe("ReadWriteDocument");
    expect(excelHost.attrs["xsi:type"]).toBe("Workbook");
  });

  test("DisplayName and Description have a sv-SE Override", () => {
    for (const name of ["DisplayName", "Description"]) {
      const node = child(app, name);
      expect(node.attrs.DefaultValue).toBeTruthy();
      const sv = node.children.find((c) => c.name === "Override" && c.attrs.Locale === "sv-SE");
      expect(sv?.attrs.Value).toBeTruthy();
    }
    expect(child(app, "DisplayName").attrs.DefaultValue).toBe("Stimulans");
  });

  test("requires SharedRuntime 1.1 and CustomFunctionsRuntime 1.1", () => {
    const sets = child(app, "Requirements", "Sets").children.filter((c) => c.name === "Set");
    const byName = Object.fromEntries(sets.map((s) => [s.attrs.Name, s.attrs.MinVersion]));
    expect(byName).toEqual({ SharedRuntime: "1.1", CustomFunctionsRuntime: "1.1" });
  });

  test("every resid resolves to a Resources entry, and every entry is used", () => {
    const defined = definedResources();
    const referenced = all(app, (n) => "resid" in n.attrs).map((n) => n.attrs.resid);
    expect(referenced.length).toBeGreaterThan(0);
    const missing = referenced.filter((id) => !defined.has(id));
    expect(missing).toEqual([]);
    const unused = [...defined.keys()].filter((id) => !referenced.includes(id));
    expect(unused).toEqual([]);
    for (const id of defined.keys()) expect(id.length).toBeLessThanOrEqual(32);
  });

  test("resource kinds fit where they are referenced, and strings fit Office's length limits", () => {
    const defined = definedResources();
    for (const n of all(app, (x) => "resid" in x.attrs)) {
      const kind = defined.get(n.attrs.resid)?.kind;
      if (n.name === "bt:Image") expect(kind).toBe("bt:Images");
      else if (n.name === "SourceLocation" || n.name === "FunctionFile" || n.name === "LearnMoreUrl")
        expect(kind).toBe("bt:Urls");
      else if (n.name === "Runtime") expect(kind).toBe("bt:Urls");
      else expect(["bt:ShortStrings", "bt:LongStrings"]).toContain(kind);
    }
    for (const [, r] of defined) {
      const values = [r.value, ...r.node.children.map((o) => o.attrs.Value)];
      const limit = r.kind === "bt:ShortStrings" ? 125 : r.kind === "bt:LongStrings" ? 250 : 2048;
      for (const v of values) expect(v.length).toBeLessThanOrEqual(limit);
    }
  });

  test("every URL is on https://localhost:3000", () => {
    const urls: string[] = [];
    walk(app, (n) => {
      for (const [k, v] of Object.entries(n.attrs)) {
        if (k === "xmlns" || k.startsWith("xmlns:")) continue;
        if (/^[a-z]+:\/\//i.test(v)) urls.push(v);
      }
      if (/^[a-z]+:\/\//i.test(n.text)) urls.push(n.text);
    });
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) {
      expect(url === DEV_ORIGIN || url.startsWith(`${DEV_ORIGIN}/`)).toBe(true);
    }
    expect(child(app, "AppDomains", "AppDomain").text).toBe(DEV_ORIGIN);
  });

  test("custom functions: namespace STIM, metadata and script URLs match the webpack output", () => {
    const ext = child(excelHost, "AllFormFactors", "ExtensionPoint");
    expect(ext.attrs["xsi:type"]).toBe("CustomFunctions");
    expect(resource(child(ext, "Namespace").attrs.resid)).toBe("STIM");
    expect(resource(child(ext, "Metadata", "SourceLocation").attrs.resid)).toBe(`${DEV_ORIGIN}/functions.json`);
    expect(resource(child(ext, "Script", "SourceLocation").attrs.resid)).toBe(`${DEV_ORIGIN}/functions.js`);
  });

  test("custom functions: Swedish metadata (functions-sv.json) for sv-SE, English by default; namespace not localised", () => {
    const ext = child(excelHost, "AllFormFactors", "ExtensionPoint");
    const metadataId = child(ext, "Metadata", "SourceLocation").attrs.resid;
    const url = definedResources().get(metadataId)!;
    expect(url.kind).toBe("bt:Urls");
    expect(url.value).toBe(`${DEV_ORIGIN}/functions.json`);
    const overrides = url.node.children.filter((c) => c.name === "bt:Override");
    expect(overrides.map((o) => o.attrs)).toEqual([{ Locale: "sv-SE", Value: `${DEV_ORIGIN}/functions-sv.json` }]);
    // The file the override names is the one webpack emits.
    const webpackConfig = readFileSync(join(ROOT, "webpack.config.js"), "utf8");
    expect(webpackConfig).toContain('const FUNCTIONS_METADATA_SV = "functions-sv.json";');
    expect(webpackConfig).toContain('const FUNCTIONS_METADATA = "functions.json";');
    // Formulas read =STIM.… in every language.
    const namespace = definedResources().get(child(ext, "Namespace").attrs.resid)!;
    expect(namespace.node.children).toEqual([]);
  });

  test("every Override in the manifest is for sv-SE and non-empty", () => {
    const nodes = all(app, (n) => n.name === "Override" || n.name === "bt:Override");
    expect(nodes.length).toBeGreaterThanOrEqual(8);
    for (const o of nodes) {
      expect(o.attrs.Locale).toBe("sv-SE");
      expect(o.attrs.Value?.trim()).toBeTruthy();
    }
  });

  test("shared runtime: one long-lived runtime on taskpane.html used by functions, ribbon and task pane", () => {
    const taskpaneUrl = child(app, "DefaultSettings", "SourceLocation").attrs.DefaultValue;
    expect(taskpaneUrl).toBe(`${DEV_ORIGIN}/taskpane.html`);

    // Runtimes must be the first child of Host.
    expect(excelHost.children[0].name).toBe("Runtimes");
    const runtimes = child(excelHost, "Runtimes").children;
    expect(runtimes).toHaveLength(1);
    expect(runtimes[0].attrs).toEqual({ resid: "Taskpane.Url", lifetime: "long" });
    expect(resource("Taskpane.Url")).toBe(taskpaneUrl);

    const page = child(excelHost, "AllFormFactors", "ExtensionPoint", "Page", "SourceLocation");
    expect(page.attrs.resid).toBe("Taskpane.Url");
    expect(child(excelHost, "DesktopFormFactor", "FunctionFile").attrs.resid).toBe("Taskpane.Url");
  });

  test("a Home-tab ribbon button shows the task pane", () => {
    const surface = child(excelHost, "DesktopFormFactor").children.find(
      (c) => c.name === "ExtensionPoint" && c.attrs["xsi:type"] === "PrimaryCommandSurface",
    ) as XmlNode;
    expect(surface).toBeDefined();
    const tab = child(surface, "OfficeTab");
    expect(tab.attrs.id).toBe("TabHome");
    const button = child(tab, "Group", "Control");
    expect(button.attrs["xsi:type"]).toBe("Button");
    const action = child(button, "Action");
    expect(action.attrs["xsi:type"]).toBe("ShowTaskpane");
    expect(child(action, "TaskpaneId").text).not.toBe("");
    expect(child(action, "SourceLocation").attrs.resid).toBe("Taskpane.Url");
    // Ribbon labels are translated.
    for (const id of ["Group.Label", "TaskpaneButton.Label", "TaskpaneButton.Tooltip"]) {
      const node = definedResources().get(id)?.node;
      expect(node?.children.some((o) => o.name === "bt:Override" && o.attrs.Locale === "sv-SE")).toBe(true);
    }
  });

  test("icons referenced exist in assets/ with the declared pixel size", () => {
    const iconUrls = [
      { url: child(app, "IconUrl").attrs.DefaultValue, size: 32 },
      { url: child(app, "HighResolutionIconUrl").attrs.DefaultValue, size: 64 },
      ...all(app, (n) => n.name === "bt:Image" && "resid" in n.attrs).map((n) => ({
        url: resource(n.attrs.resid),
        size: Number(n.attrs.size),
      })),
    ];
    expect(iconUrls.length).toBeGreaterThanOrEqual(5);
    for (const { url, size } of iconUrls) {
      expect(url.startsWith(`${DEV_ORIGIN}/assets/`)).toBe(true);
      const file = join(ROOT, url.slice(DEV_ORIGIN.length + 1));
      expect(existsSync(file)).toBe(true);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
    // Resource images declare the size their id says.
    for (const [id, r] of definedResources()) {
      if (r.kind !== "bt:Images") continue;
      const m = /^Icon\.(\d+)x\1$/.exec(id);
      expect(m).not.toBeNull();
      expect(r.value).toBe(`${DEV_ORIGIN}/assets/icon-${m?.[1]}.png`);
    }
  });
});
