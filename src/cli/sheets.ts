/**
 * The workbook work behind `stim template`, `stim validate` and `stim
 * evaluate --input fil.xlsx` (their specs are src/cli/commands/template.ts
 * and validate.ts). They move values between files and the sheet layer;
 * every header, layout and check is the sheet layer's.
 */
import { statSync } from "node:fs";
import { basename } from "node:path";
import { StimError } from "../core/errors";

import { getAgreement } from "../agreements";
import { demoFacts } from "../agreements/demo";
import { normaliseCode } from "../reference";
import { ComputedRow, computedSheet, buildWorkbook, countFindings, Finding, findingsSummary, findingText, plural, readAllocationSheet, reportSheet, SheetReadError, validateWorkbook, withBaseline, SHEET_ALLOCATION, WorkbookSpec } from "../sheets";
import { CommandOutput } from "./command";
import { checkOutputPath, fsReason, listWorkbooks, skippedLine, writeFileAtomic, WriteOptions } from "./files";
import { escapeControls, toJson } from "./output";
import { isOwnReport, readXlsxFile, writeXlsx } from "./xlsx";

/** How `--out` files are written: an Excel workbook, never over an input, replaced only with --force. */
const xlsxOut = (force: boolean | undefined, inputs: string[] = []): WriteOptions => ({ option: "--out", extension: ".xlsx", format: "Excel-arbetsbok", force, inputs });

/** `stim template`: writes an allocation workbook and says what it wrote. */
export async function writeTemplate(agreementId: string | undefined, a: { county?: string; demo: boolean; out: string; force?: boolean }): Promise<string> {
  const agreement = getAgreement(agreementId);
  const out = a.out;
  if (!out) throw new StimError("Ange --out <fil.xlsx>.");
  checkOutputPath(out, xlsxOut(a.force));
  const countyFlag = a.county;
  let county: string | undefined;
  if (countyFlag !== undefined) {
    const c = normaliseCode(countyFlag);
    if (!c || c.kind !== "lan") throw new StimError(`Okänd länskod "${countyFlag}" (två siffror, t.ex. 01).`);
    county = c.code;
  }
  const spec = templateSpec(agreement.id, county, a.demo);
  writeFileAtomic(out, await writeXlsx(spec), xlsxOut(a.force));
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

/** A file's report, or "report" when the file is a report written by `stim validate --out` (skipped in a folder). */
async function validateFile(path: string, agreementId: string | undefined, inFolder: boolean, county?: string): Promise<FileReport | "report"> {
  try {
    const grids = await readXlsxFile(path);
    if (isOwnReport(grids)) {
      if (inFolder) return "report";
      return { file: path, checked: false, unusable: "Filen är en granskningsrapport från stim validate, inte ett fördelningsark; ange det ifyllda arket.", findings: [] };
    }
    const result = validateWorkbook(grids, { agreement: agreementId ? getAgreement(agreementId) : undefined, county });
    return { file: path, agreement: result.agreement.id, sheet: result.sheet, scope: result.read.scope, checked: result.checked, findings: result.findings, ...(result.computed ? { computed: result.computed } : {}) };
  } catch (e) {
    if (e instanceof SheetReadError) return { file: path, checked: false, unusable: e.findings[0]?.message ?? e.message, findings: e.findings };
    if (e instanceof StimError) return { file: path, checked: false, unusable: e.message, findings: [] };
    // A file-system fault on one file (it vanished, no permission) never stops the others.
    if (typeof (e as { code?: unknown })?.code === "string") return { file: path, checked: false, unusable: `Kan inte läsa filen: ${fsReason(e)}.`, findings: [] };
    throw e;
  }
}

/** `stim validate`: exit 0 clean, 1 with discrepancies, 2 when a file cannot be used. */
export async function validateFiles(
  target: string | undefined,
  a: { agreement?: string; county?: string; json: boolean; out?: string; force?: boolean },
  progress: (line: string) => void = () => {},
): Promise<CommandOutput> {
  if (!target) throw new StimError("Ange en fil (.xlsx) eller en mapp med filer.");
  if (a.county !== undefined && !/^\d{2}$/.test(a.county)) throw new StimError(`--county ${a.county}: ange en länskod med två siffror, t.ex. 01.`);
  let st;
  try {
    st = statSync(target);
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new StimError(code === "ENOENT" ? `Hittar inte ${target}.` : `Kan inte läsa ${target}: ${fsReason(e)}.`);
  }
  const folder = st.isDirectory();
  const listing = folder ? listWorkbooks(target) : { files: [target], skipped: [] };
  const files = listing.files;
  const skipped: { name: string; reason: Parameters<typeof skippedLine>[0][number]["reason"] }[] = [...listing.skipped];
  if (files.length === 0) {
    throw new StimError(`Mappen ${target} har inga arbetsböcker (.xlsx) att granska.${skipped.length ? " " + skippedLine(skipped) : ""}`);
  }
  const out = a.out;
  // Checked before the run, so a refusal comes now and not after every file has been read. In a folder
  // the output may be an earlier report there (skipped, replaced with --force): the inputs are checked again before writing.
  if (out) checkOutputPath(out, xlsxOut(a.force, folder ? [] : [target]));
  const reports: FileReport[] = [];
  for (let i = 0; i < files.length; i++) {
    if (files.length > 1) progress(`[${i + 1}/${files.length}] ${escapeControls(basename(files[i]))}`);
    const r = await validateFile(files[i], a.agreement, folder, a.county);
    if (r === "report") skipped.push({ name: basename(files[i]), reason: "rapport" });
    else reports.push(r);
  }
  const total = countFindings(reports.flatMap((r) => r.findings));
  const unusable = reports.filter((r) => r.unusable).length;
  const code = unusable > 0 ? 2 : total.fel + total.avvikelse > 0 ? 1 : 0;
  // An earlier report in the folder may be replaced (with --force); a workbook that was validated may not.
  if (out) writeFileAtomic(out, await writeXlsx(reportSpec(reports)), xlsxOut(a.force, reports.map((r) => r.file)));
  const skippedText = skippedLine(skipped);
  if (a.json) {
    return {
      code,
      stdout:
        toJson({
          files: reports.map((r) => ({ ...r, summary: countFindings(r.findings) })),
          skipped,
          summary: { files: reports.length, unusable, ...total },
        }) + "\n",
    };
  }
  // Text from the files (names, headers, cells) is shown with control characters escaped: a newline in a header must not forge a line.
  const e = escapeControls;
  const lines: string[] = [];
  for (const r of reports) {
    const c = countFindings(r.findings);
    if (r.unusable) {
      lines.push(`${e(r.file)}: kan inte granskas: ${e(r.unusable)}`);
      continue;
    }
    const head = `${e(r.file)}: ${r.agreement}, ${r.scope ? `län ${r.scope}` : "hela riket"}, blad ${e(r.sheet ?? "")}: `;
    if (r.findings.length === 0) {
      lines.push(`${head}inga avvikelser.`);
      continue;
    }
    lines.push(`${head}${findingsSummary(c)}${r.checked ? "" : " (beloppen kontrolleras när felen är rättade)"}`);
    for (const f of r.findings) lines.push(`  ${f.severity}: ${e(findingText(f))}`);
  }
  if (reports.length > 1 || out || skipped.length) {
    lines.push("");
    if (skippedText) lines.push(skippedText);
    lines.push(
      `Sammanfattning: ${plural(reports.length, "fil", "filer")}, ${unusable} kunde inte granskas; ${findingsSummary(total)}.${out ? ` Rapport: ${e(out)}.` : ""}`,
    );
  }
  return { code, stdout: lines.join("\n") + "\n" };
}

function reportSpec(reports: FileReport[]): WorkbookSpec {
  // Control characters escaped in the report's cells as on the terminal (and an xlsx cannot hold most of them).
  const clean = <T>(v: T): T => (typeof v === "string" ? (escapeControls(v) as T) : v);
  const sheet = reportSheet(
    reports.map((r) => ({
      file: clean(basename(r.file)),
      findings: r.findings.map((f) => ({ ...f, sheet: clean(f.sheet), message: clean(f.message), expected: clean(f.expected), found: clean(f.found) })),
      unusable: r.unusable === undefined ? undefined : clean(r.unusable),
    })),
  );
  const computed = reports.filter((r) => r.computed).map((r) => ({ file: clean(basename(r.file)), sheet: clean(r.sheet ?? ""), rows: r.computed! }));
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
  const shown = escapeControls(path);
  if (isOwnReport(grids)) throw new StimError(`${shown} är en granskningsrapport från stim validate, inte ett fördelningsark; ange det ifyllda arket.`);
  const grid = grids.find((g) => g.name === SHEET_ALLOCATION) ?? grids[0];
  // The sheet names its agreement: a sheet for another one is said so, not read as this one.
  let own: string | undefined;
  try {
    own = readAllocationSheet(grid).agreement.id;
  } catch (e) {
    if (!(e instanceof SheetReadError)) throw e;
  }
  if (agreement && own && own !== agreement.id) {
    throw new StimError(`${shown} är ett fördelningsark för ${own}, inte ${agreement.id}; kör stim evaluate ${own} --input ${shown}.`);
  }
  let read;
  try {
    read = readAllocationSheet(grid, { agreement });
  } catch (e) {
    if (!(e instanceof SheetReadError)) throw e;
    const why = escapeControls(e.findings[0]?.message ?? e.message);
    throw new StimError(`${shown} kan inte läsas som fördelningsark${agreement ? ` för ${agreement.id}` : ""}: ${why}`);
  }
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


