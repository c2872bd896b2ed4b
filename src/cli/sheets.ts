/**
 * The workbook work behind `stim template`, `stim validate` and `stim
 * evaluate --input fil.xlsx` (their specs are src/cli/commands/template.ts
 * and validate.ts). They move values between files and the sheet layer;
 * every header, layout and check is the sheet layer's.
 */
import { readdirSync, statSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { StimError } from "../core/errors";

import { getAgreement } from "../agreements";
import { demoFacts } from "../agreements/demo";
import { normaliseCode } from "../reference";
import { ComputedRow, computedSheet, buildWorkbook, countFindings, Finding, findingsSummary, findingText, plural, readAllocationSheet, reportSheet, SheetReadError, validateWorkbook, withBaseline, SHEET_ALLOCATION, WorkbookSpec } from "../sheets";
import { CommandOutput } from "./command";
import { toJson } from "./output";
import { readXlsxFile, writeXlsx } from "./xlsx";

/** `stim template`: writes an allocation workbook and says what it wrote. */
export async function writeTemplate(agreementId: string | undefined, a: { county?: string; demo: boolean; out: string }): Promise<string> {
  const agreement = getAgreement(agreementId);
  const out = a.out;
  if (!out) throw new StimError("Ange --out <fil.xlsx>.");
  if (!/\.xlsx$/i.test(out)) throw new StimError(`--out ska sluta på .xlsx (fick ${out}).`);
  const countyFlag = a.county;
  let county: string | undefined;
  if (countyFlag !== undefined) {
    const c = normaliseCode(countyFlag);
    if (!c || c.kind !== "lan") throw new StimError(`Okänd länskod "${countyFlag}" (två siffror, t.ex. 01).`);
    county = c.code;
  }
  const spec = templateSpec(agreement.id, county, a.demo);
  writeFileSync(out, await writeXlsx(spec));
  const sheet = spec.sheets[0];
  const rows = sheet.table ? Number(sheet.table.range.split(":")[1].replace(/^[A-Z]+/, "")) - Number(sheet.table.range.split(":")[0].replace(/^[A-Z]+/, "")) : 0;
  return `Skrev ${out}: ${agreement.id}, ${county ? `län ${county}` : "hela riket"}, ${rows} mottagare${spec.fictional ? " (FIKTIVA demouppgifter)" : " (tom mall)"}; blad: ${spec.sheets.map((s) => s.name).join(", ")}.`;
}

export function templateSpec(agreementId: string, county: string | undefined, demo: boolean): WorkbookSpec {
  const agreement = getAgreement(agreementId);
  return buildWorkbook(agreement, { county, facts: demo ? demoFacts(agreement) : undefined });
}

interface FileReport {
  file: string;
  agreement?: string;
  sheet?: string;
  scope?: string;
  checked: boolean;
  /** Set when the file could not be used at all. */
  unusable?: string;
  findings: Finding[];
  /** The amounts the rules give, when the file's formulas were not computed. */
  computed?: ComputedRow[];
}


async function validateFile(path: string, agreementId: string | undefined, county?: string): Promise<FileReport> {
  try {
    const grids = await readXlsxFile(path);
    const result = validateWorkbook(grids, { agreement: agreementId ? getAgreement(agreementId) : undefined, county });
    return { file: path, agreement: result.agreement.id, sheet: result.sheet, scope: result.read.scope, checked: result.checked, findings: result.findings, ...(result.computed ? { computed: result.computed } : {}) };
  } catch (e) {
    if (e instanceof SheetReadError) return { file: path, checked: false, unusable: e.findings[0]?.message ?? e.message, findings: e.findings };
    if (e instanceof StimError) return { file: path, checked: false, unusable: e.message, findings: [] };
    throw e;
  }
}

/** `stim validate`: exit 0 clean, 1 with discrepancies, 2 when a file cannot be used. */
export async function validateFiles(
  target: string | undefined,
  a: { agreement?: string; county?: string; json: boolean; out?: string },
  progress: (line: string) => void = () => {},
): Promise<CommandOutput> {
  if (!target) throw new StimError("Ange en fil (.xlsx) eller en mapp med filer.");
  if (a.county !== undefined && !/^\d{2}$/.test(a.county)) throw new StimError(`--county ${a.county}: ange en länskod med två siffror, t.ex. 01.`);
  let st;
  try {
    st = statSync(target);
  } catch {
    throw new StimError(`Hittar inte ${target}.`);
  }
  const files = st.isDirectory()
    ? readdirSync(target)
        .filter((f) => !f.startsWith("~$") && !f.startsWith("."))
        .filter((f) => statSync(join(target, f)).isFile())
        .sort()
        .map((f) => join(target, f))
    : [target];
  if (files.length === 0) throw new StimError(`Mappen ${target} har inga filer.`);
  const reports: FileReport[] = [];
  for (let i = 0; i < files.length; i++) {
    if (files.length > 1) progress(`[${i + 1}/${files.length}] ${basename(files[i])}`);
    reports.push(await validateFile(files[i], a.agreement, a.county));
  }
  const total = countFindings(reports.flatMap((r) => r.findings));
  const unusable = reports.filter((r) => r.unusable).length;
  const code = unusable > 0 ? 2 : total.fel + total.avvikelse > 0 ? 1 : 0;
  const out = a.out;
  if (out) writeFileSync(out, await writeXlsx(reportSpec(reports)));
  if (a.json) {
    return { code, stdout: toJson({ files: reports.map((r) => ({ ...r, summary: countFindings(r.findings) })), summary: { files: reports.length, unusable, ...total } }) + "\n" };
  }
  const lines: string[] = [];
  for (const r of reports) {
    const c = countFindings(r.findings);
    if (r.unusable) {
      lines.push(`${r.file}: kan inte granskas: ${r.unusable}`);
      continue;
    }
    const head = `${r.file}: ${r.agreement}, ${r.scope ? `län ${r.scope}` : "hela riket"}, blad ${r.sheet}: `;
    if (r.findings.length === 0) {
      lines.push(`${head}inga avvikelser.`);
      continue;
    }
    lines.push(`${head}${findingsSummary(c)}${r.checked ? "" : " (beloppen kontrolleras när felen är rättade)"}`);
    for (const f of r.findings) lines.push(`  ${f.severity}: ${findingText(f)}`);
  }
  if (reports.length > 1 || out) {
    lines.push("");
    lines.push(
      `Sammanfattning: ${plural(reports.length, "fil", "filer")}, ${unusable} kunde inte granskas; ${findingsSummary(total)}.${out ? ` Rapport: ${out}.` : ""}`,
    );
  }
  return { code, stdout: lines.join("\n") + "\n" };
}

function reportSpec(reports: FileReport[]): WorkbookSpec {
  const sheet = reportSheet(reports.map((r) => ({ file: basename(r.file), findings: r.findings, unusable: r.unusable })));
  const computed = reports.filter((r) => r.computed).map((r) => ({ file: basename(r.file), sheet: r.sheet ?? "", rows: r.computed! }));
  return { agreement: reports[0]?.agreement ?? "", fictional: false, sheets: computed.length ? [sheet, computedSheet(computed)] : [sheet] };
}

/** Facts already read from a workbook, with a line to print before the result. */
export interface Preloaded {
  facts: unknown;
  /** A line printed before the result (e.g. how a county sheet is evaluated). */
  note?: string;
}

/** Facts from a filled workbook, for `evaluate --input fil.xlsx`. */
export async function factsFromXlsx(path: string, agreementId: string | undefined): Promise<Preloaded> {
  const grids = await readXlsxFile(path);
  const agreement = agreementId ? getAgreement(agreementId) : undefined;
  const grid = grids.find((g) => g.name === SHEET_ALLOCATION) ?? grids[0];
  const read = readAllocationSheet(grid, { agreement });
  const errors = read.findings.filter((f) => f.severity === "fel");
  if (errors.length) {
    throw new StimError(`${path} har ${plural(errors.length, "fel", "fel")} i indata: ${errors.slice(0, 3).map(findingText).join("; ")}${errors.length > 3 ? " …" : ""} (kör stim validate för hela listan).`);
  }
  if (read.scope) {
    return {
      facts: withBaseline(read.agreement, read.facts),
      note: `Länsark för län ${read.scope}: övriga län räknas som om alla uppfyller kraven och når målen (det minsta länet får om det självt är behörigt).`,
    };
  }
  return { facts: read.facts };
}


