/*
 * The help page (dist/support.html), written at build time from what the
 * build itself produced, so it cannot drift:
 * - every function in functions.json with its Swedish name (functions-sv.json),
 *   its English name, its description and its parameters in both languages;
 * - a worked example per function from src/functions/help.ts, the formula
 *   written from the metadata in both languages, and the result computed by
 *   running the functions bundle just built (as Excel would, with Swedish as
 *   the display language);
 * - the ribbon labels from the manifest;
 * around the fixed text in src/taskpane/support.html (what the add-in does,
 * how to start, where the rules come from, fictional demo data).
 *
 * Plain CommonJS, used by webpack.config.js and test/support-page.test.ts.
 */
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const ts = require("typescript");

/**
 * Loads a TypeScript module that has no imports (src/functions/sv.ts,
 * src/functions/help.ts), afresh on every call so the dev server picks up
 * edits.
 */
function loadPlainTsModule(file) {
  const source = fs.readFileSync(file, "utf8");
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
    fileName: file,
  });
  const mod = { exports: {} };
  const noImports = (id) => {
    throw new Error(`${path.relative(process.cwd(), file)} must not import anything (it imports ${id})`);
  };
  new Function("module", "exports", "require", outputText)(mod, mod.exports, noImports);
  return mod.exports;
}

/** A stand-in for CustomFunctions.Error with the runtime's shape. */
class RuntimeError extends Error {
  constructor(code, message) {
    super(message ?? "");
    this.code = code ?? "#VALUE!";
  }
}

/**
 * Runs the functions bundle (dist/functions.js as built) in a fresh VM
 * context with a custom-functions runtime like Excel's and the given display
 * language, and returns id → function.
 */
function loadBundle(code, displayLanguage = "sv-SE") {
  const registered = new Map();
  const runtime = {
    associate(id, fn) {
      if (typeof id === "string") registered.set(id, fn);
      else for (const [k, f] of Object.entries(id)) registered.set(k, f);
    },
    Error: RuntimeError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
  };
  const context = { CustomFunctions: runtime, Office: { context: { displayLanguage } }, console };
  context.self = context;
  context.window = context;
  context.globalThis = context;
  vm.createContext(context);
  vm.runInContext(code, context, { filename: "functions.js" });
  return registered;
}

/** Column index (0 = A) → letters. */
function columnLetters(i) {
  let s = "";
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * The examples with every allocation-table argument made into a range: the
 * sheet is built by the sheet layer itself, and the range is the table it
 * writes (header row to last recipient, first column to the last the table
 * functions read). `load(module)` loads `sheets`, `agreements` or `demo`
 * from src (webpack.config.js through tsx, the tests through jest).
 */
function resolveExamples(examples, load) {
  const cache = new Map();
  const table = ({ agreement, county, demo }) => {
    const key = `${agreement}/${county}/${demo}`;
    if (!cache.has(key)) {
      const { buildAllocationSheet, sheetColumns } = load("sheets");
      const a = load("agreements").getAgreement(agreement);
      const { sheet, geometry: g } = buildAllocationSheet(a, sheetColumns(a), { county, facts: demo ? load("demo").demoFacts(a) : undefined });
      const values = sheet.cells.slice(g.headerRow, g.lastDataRow + 1).map((row) => {
        const out = [];
        for (let c = 0; c <= g.lastTableColumn; c++) out.push(row[c]?.value ?? row[c]?.cached ?? null);
        return out;
      });
      cache.set(key, { ref: `$A$${g.headerRow + 1}:$${columnLetters(g.lastTableColumn)}$${g.lastDataRow + 1}`, values });
    }
    return cache.get(key);
  };
  return examples.map((ex) => ({
    ...ex,
    args: ex.args.map((a) => (a !== null && typeof a === "object" && "allocationTable" in a ? table(a.allocationTable) : a)),
  }));
}

/** The values Excel passes for an example's arguments (ranges as 2-D arrays; omitted as null). */
function excelArgs(example, fnMeta) {
  return (fnMeta.parameters ?? []).map((p, i) => {
    const a = example.args[i];
    if (a === undefined) return null;
    if (a !== null && typeof a === "object") return a.values;
    return p.dimensionality === "matrix" ? [[a]] : a;
  });
}

/** Calls an example through the bundle: { value } or { error: { code, message } }. */
function runExample(functions, example, fnMeta) {
  const fn = functions.get(example.id);
  if (!fn) throw new Error(`${example.id} is not registered by the bundle`);
  const result = fn(...excelArgs(example, fnMeta));
  if (result instanceof RuntimeError) return { error: { code: result.code, message: result.message } };
  if (result instanceof Error) throw new Error(`${example.id} returned a plain Error: ${result.message}`);
  return { value: result };
}

/** Swedish Excel's names for the two error values the add-in uses. */
const ERROR_SV = { "#VALUE!": "#VÄRDEFEL!", "#N/A": "#SAKNAS!" };

/** A cell value as Swedish Excel shows it in a General-format cell. */
function cellText(v) {
  if (v instanceof Error) return `${ERROR_SV[v.code] ?? v.code} ${v.message}`;
  if (typeof v === "boolean") return v ? "SANT" : "FALSKT";
  if (typeof v === "number") return String(v).replace(".", ",");
  return String(v);
}

/** An argument as typed in a formula: Swedish (`sv`) or English. */
function argText(a, sv) {
  if (a === undefined || a === null) return "";
  if (typeof a === "object") return a.ref;
  if (typeof a === "boolean") return sv ? (a ? "SANT" : "FALSKT") : a ? "TRUE" : "FALSE";
  if (typeof a === "number") return sv ? String(a).replace(".", ",") : String(a);
  return `"${a.replace(/"/g, '""')}"`;
}

/** The formula as typed in Swedish Excel (`;`, decimal comma) or English Excel (`,`). */
function formulaText(example, name, sv) {
  const args = example.args.map((a) => argText(a, sv));
  while (args.length > 0 && args[args.length - 1] === "") args.pop();
  return `=STIM.${name}(${args.join(sv ? "; " : ", ")})`;
}

const escapeHtml = (s) =>
  String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

/** `{ID}` in a Swedish help text → the function's Swedish name (escaped HTML). */
function fillNames(text, swedishById) {
  return escapeHtml(text).replace(/\{([A-Z][A-Z0-9_.]*)\}/g, (_, id) => {
    const name = swedishById.get(id);
    if (!name) throw new Error(`src/functions/help.ts names an unknown function {${id}}`);
    return `STIM.${escapeHtml(name)}`;
  });
}

/** The result of an example as HTML: one value, a spilled table, or the error Excel shows. */
function resultHtml(outcome) {
  if (outcome.error) {
    const { code, message } = outcome.error;
    return `<p class="result error"><span class="code">${escapeHtml(ERROR_SV[code] ?? code)}</span> ${escapeHtml(message)}</p>`;
  }
  const v = outcome.value;
  if (!Array.isArray(v)) return `<p class="result"><span class="value">${escapeHtml(cellText(v))}</span></p>`;
  const rows = v
    .map((row) => `<tr>${row.map((c) => `<td${typeof c === "number" ? ' class="num"' : ""}>${escapeHtml(cellText(c))}</td>`).join("")}</tr>`)
    .join("\n");
  return `<table class="result spill" aria-label="Resultat som spills ut i cellerna">\n${rows}\n</table>`;
}

/** The ribbon labels and manifest strings the page names, in Swedish. */
function manifestLabels(manifestXml) {
  const sv = (id) => {
    const m = new RegExp(`<bt:String id="${id.replace(/\./g, "\\.")}"[^>]*>\\s*<bt:Override Locale="sv-SE" Value="([^"]*)"`).exec(manifestXml);
    if (!m) throw new Error(`manifest.xml: no sv-SE text for ${id}`);
    return m[1];
  };
  return { group: sv("Group.Label"), button: sv("TaskpaneButton.Label") };
}

/**
 * The help page: the template with its placeholders filled.
 * - english, swedish: the metadata files (parsed);
 * - examples: HELP_EXAMPLES; outcomes: runExample's results in the same order;
 * - labels: manifestLabels(manifest); version: the package version.
 */
function renderSupportPage({ template, english, swedish, examples, outcomes, labels, version }) {
  const svById = new Map(swedish.functions.map((f) => [f.id, f]));
  const swedishNames = new Map(swedish.functions.map((f) => [f.id, f.name]));
  const missing = english.functions.filter((f) => !examples.some((e) => e.id === f.id)).map((f) => f.id);
  if (missing.length > 0) throw new Error(`src/functions/help.ts has no example for ${missing.join(", ")}`);
  for (const e of examples) if (!svById.has(e.id)) throw new Error(`src/functions/help.ts: ${e.id} is not a function`);

  const toc = english.functions
    .map((f) => `<li><a href="#${f.id}"><code>STIM.${escapeHtml(svById.get(f.id).name)}</code></a> <span class="en">${escapeHtml(f.name)}</span></li>`)
    .join("\n");

  const cards = english.functions.map((en) => {
    const sv = svById.get(en.id);
    const params = (en.parameters ?? []).map((p, i) => {
      const sp = sv.parameters[i];
      return `<tr><td><code>${escapeHtml(sp.name)}</code>${p.optional ? ' <span class="optional">valfri</span>' : ""}</td><td><code>${escapeHtml(p.name)}</code></td><td>${escapeHtml(sp.description ?? "")}</td></tr>`;
    });
    const paramTable =
      params.length === 0
        ? "<p>Tar inga argument.</p>"
        : `<table class="params">\n<thead><tr><th>Argument</th><th>På engelska</th><th>Beskrivning</th></tr></thead>\n<tbody>\n${params.join("\n")}\n</tbody>\n</table>`;
    const exampleHtml = examples
      .map((ex, i) => ({ ex, outcome: outcomes[i] }))
      .filter(({ ex }) => ex.id === en.id)
      .map(({ ex, outcome }) => {
        const parts = ['<div class="example">'];
        if (ex.sheet) parts.push(`<p class="sheet">${fillNames(ex.sheet, swedishNames)}</p>`);
        parts.push(
          `<pre class="formula" lang="sv"><code>${escapeHtml(formulaText(ex, sv.name, true))}</code></pre>`,
          `<p class="formula-en">I engelskt Excel: <code>${escapeHtml(formulaText(ex, en.name, false))}</code></p>`,
          `<p class="label">Resultat</p>`,
          resultHtml(outcome),
        );
        if (ex.note) parts.push(`<p class="note">${fillNames(ex.note, swedishNames)}</p>`);
        parts.push("</div>");
        return parts.join("\n");
      })
      .join("\n");
    return [
      `<section class="card" id="${en.id}">`,
      `<h3><code>STIM.${escapeHtml(sv.name)}</code></h3>`,
      `<p class="names">På engelska: <code>STIM.${escapeHtml(en.name)}</code></p>`,
      `<p>${escapeHtml(sv.description ?? "")}</p>`,
      paramTable,
      `<h4>Exempel</h4>`,
      exampleHtml,
      `</section>`,
    ].join("\n");
  });

  const fill = {
    VERSION: escapeHtml(version),
    BUTTON: escapeHtml(labels.button),
    GROUP: escapeHtml(labels.group),
    FUNCTION_COUNT: String(english.functions.length),
    FUNCTION_TOC: toc,
    FUNCTIONS: cards.join("\n\n"),
    FIRST_SV: escapeHtml(`STIM.${svById.get("FUND_SHARE")?.name ?? swedish.functions[0].name}`),
    FIRST_EN: escapeHtml(`STIM.${english.functions.find((f) => f.id === "FUND_SHARE")?.name ?? english.functions[0].name}`),
    SOURCE_SV: escapeHtml(`STIM.${svById.get("SOURCE")?.name ?? "SOURCE"}`),
    ASSUMPTIONS_SV: escapeHtml(`STIM.${svById.get("ASSUMPTIONS")?.name ?? "ASSUMPTIONS"}`),
  };
  const html = template.replace(/<!--\s*@([A-Z_]+)\s*-->|@@([A-Z_]+)@@/g, (whole, a, b) => {
    const key = a ?? b;
    if (!(key in fill)) throw new Error(`src/taskpane/support.html: unknown placeholder ${whole}`);
    return fill[key];
  });
  return html;
}

module.exports = {
  loadPlainTsModule,
  resolveExamples,
  columnLetters,
  loadBundle,
  excelArgs,
  runExample,
  cellText,
  formulaText,
  resultHtml,
  manifestLabels,
  renderSupportPage,
  ERROR_SV,
};
